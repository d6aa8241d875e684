package dev.uip.audit.messaging;

import dev.uip.audit.repository.DatabaseFailures;

/** A change the audit trail cannot store; its message is the reason written on the parked record. */
public class UnstorableChangeException extends RuntimeException {

    public UnstorableChangeException(String message) {
        super(message);
    }

    private UnstorableChangeException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The reason a change was refused after {@code attempts} tries, with the database's SQLSTATE if it gave one. */
    public static UnstorableChangeException after(int attempts, Throwable failure) {
        String state = null;
        for (Throwable t = failure; t != null && state == null; t = t.getCause() == t ? null : t.getCause()) {
            state = DatabaseFailures.sqlState(t);
        }
        return new UnstorableChangeException("refused after " + attempts + " attempts"
                + (state == null ? "" : " (SQLSTATE " + state + ")") + ": " + failure.getMessage(), failure);
    }
}
