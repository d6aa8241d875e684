package dev.uip.definition.domain.inference;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.uip.definition.domain.DefinitionSpec;

/**
 * A draft definition for one event name, shaped like the body of {@code POST /v1/definitions}: posted unchanged, a
 * proposal without conflicts or blocking notes creates a draft.
 *
 * @param name the event name
 * @param description always null
 * @param status always {@value #DRAFT}
 * @param samples how many samples of this event were inferred from
 * @param properties in order of first appearance
 * @param notes widenings, truncations, properties without a type and names to change, for review
 * @param saved only when saving was asked for: whether the proposal was stored as a draft definition
 * @param reason only when it was not saved: why not
 */
public record ProposedDefinition(String name, String description, String status, int samples,
        List<ProposedProperty> properties, List<Note> notes, @JsonInclude(JsonInclude.Include.NON_NULL) Boolean saved,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {

    public static final String DRAFT = "draft";

    /** A proposal that nothing was attempted with yet. */
    ProposedDefinition(String name, int samples, List<ProposedProperty> properties, List<Note> notes) {
        this(name, null, DRAFT, samples, properties, notes, null, null);
    }

    /** This proposal as a definition to create; a property without a type keeps a null type. */
    public DefinitionSpec spec() {
        return new DefinitionSpec(name, null, description, null, false, null, null, null,
                ProposedProperty.specs(properties));
    }

    /** The same proposal, reported as stored. */
    public ProposedDefinition savedAsDraft() {
        return new ProposedDefinition(name, description, status, samples, properties, notes, true, null);
    }

    /** The same proposal, reported as not stored and why. */
    public ProposedDefinition notSaved(String why) {
        return new ProposedDefinition(name, description, status, samples, properties, notes, false, why);
    }
}
