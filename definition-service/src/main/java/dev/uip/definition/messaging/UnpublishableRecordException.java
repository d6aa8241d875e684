package dev.uip.definition.messaging;

/** An outbox record that no retry can publish as it stands: undecodable, of an unknown type or for an unknown topic. */
public class UnpublishableRecordException extends RuntimeException {

    public UnpublishableRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
