package dev.uip.definition.domain;

/** An alert rule (or a request about one) that cannot be accepted; carries the offending field or parameter. */
public class InvalidRuleException extends InvalidDefinitionException {

    public InvalidRuleException(String field, String message) {
        super(field, message);
    }
}
