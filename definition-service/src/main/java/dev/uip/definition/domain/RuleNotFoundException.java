package dev.uip.definition.domain;

/** No stored alert rule (or none in effect) of that key in the caller's workspace: the default applies. */
public class RuleNotFoundException extends DefinitionNotFoundException {

    public RuleNotFoundException(String message) {
        super(message);
    }
}
