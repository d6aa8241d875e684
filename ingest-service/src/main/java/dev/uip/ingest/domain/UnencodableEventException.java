package dev.uip.ingest.domain;

/** An event of a request that cannot be written as a raw record (nothing of the request was published). */
public class UnencodableEventException extends RuntimeException {

    private final int index;

    public UnencodableEventException(int index, Throwable cause) {
        super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
        this.index = index;
    }

    /** The event's position in its request. */
    public int index() {
        return index;
    }
}
