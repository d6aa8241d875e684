package dev.uip.schemas.streams;

/** Where in a topology a record could not be handled: the value of the {@code uip.dlq.stage} header. */
public enum DeadLetterStage {
    /** The consumed key or value could not be deserialized. */
    DESERIALIZATION,
    /** A processor threw while handling the record. */
    PROCESSING,
    /** An output record could not be serialized. */
    SERIALIZATION,
    /** The broker refused an output record (for a reason that retrying will not fix). */
    PRODUCTION
}
