package dev.uip.schemas.virtual;

/** A virtual event rule that cannot be accepted: names the offending path, a machine-readable code and why. */
public class InvalidVirtualRuleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String code;

    public InvalidVirtualRuleException(String path, String code, String message) {
        super(message);
        this.path = path;
        this.code = code;
    }

    /** Where in the rule the problem is, e.g. {@code virtualRule.where.and[2].op}. */
    public String path() {
        return path;
    }

    /** What kind of problem it is, e.g. {@code UNKNOWN_OPERATOR}. */
    public String code() {
        return code;
    }
}
