package dev.uip.definition.domain.inference;

/** Sample events that cannot be inferred from; carries a machine-readable code and the offending field. */
public class InvalidSamplesException extends RuntimeException {

    /** The body is not JSON or not one of the accepted shapes. */
    public static final String INVALID_SAMPLES = "INVALID_SAMPLES";
    /** More samples than {@link SchemaInference#MAX_SAMPLES}. */
    public static final String TOO_MANY_SAMPLES = "TOO_MANY_SAMPLES";
    /** One event has more distinct properties than {@link SchemaInference#MAX_PROPERTIES_PER_EVENT}. */
    public static final String TOO_MANY_PROPERTIES = "TOO_MANY_PROPERTIES";

    private final String code;
    private final String field;

    public InvalidSamplesException(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
