package dev.uip.ingest.domain;

import java.util.List;

/** What became of one message: validated, quarantined (with why) or still pending when the answer was sent. */
public record Receipt(String messageId, String outcome, String reason, List<Problem> violations) {

    public static final String VALIDATED = "VALIDATED";
    public static final String QUARANTINED = "QUARANTINED";
    public static final String PENDING = "PENDING";

    /** One violation of the event's schema. */
    public record Problem(String path, String code, String message) {
    }

    public static Receipt pending(String messageId) {
        return new Receipt(messageId, PENDING, null, List.of());
    }
}
