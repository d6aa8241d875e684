package dev.uip.definition.domain;

import java.util.List;

import dev.uip.schemas.virtual.RuleParser;

/** Checks what is particular to a definition's kind: a virtual one has a valid rule and no properties of its own. */
public final class VirtualDefinitionRules {

    private VirtualDefinitionRules() {
    }

    /**
     * Checks the kind-specific parts of a definition.
     *
     * @throws dev.uip.schemas.virtual.InvalidVirtualRuleException when the rule is refused (path and code)
     * @throws InvalidDefinitionException when the fields do not fit the kind
     */
    public static void check(DefinitionSpec spec) {
        if (spec.kind() != DefinitionKind.VIRTUAL) {
            if (spec.virtualRule() != null && !spec.virtualRule().isNull()) {
                throw new InvalidDefinitionException("virtualRule", "only a definition of kind virtual has a rule");
            }
            return;
        }
        if (spec.properties() != null && !spec.properties().equals(List.of())) {
            throw new InvalidDefinitionException("properties", "a virtual definition has no properties of its own:"
                    + " its events carry the properties of the event they are derived from");
        }
        RuleParser.parse(spec.virtualRule(), "virtualRule");
    }
}
