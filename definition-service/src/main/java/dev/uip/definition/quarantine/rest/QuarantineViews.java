package dev.uip.definition.quarantine.rest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import dev.uip.definition.quarantine.domain.QuarantinedEvent;
import dev.uip.definition.quarantine.repository.QuarantineQueries;
import dev.uip.definition.quarantine.service.QuarantineBrowser;
import dev.uip.schemas.Violation;

/** What the quarantine API shows: events, summaries and operation results. */
final class QuarantineViews {

    private QuarantineViews() {
    }

    /** One violation of an event. */
    record ViolationView(String path, String code, String message) {

        static ViolationView of(Violation violation) {
            return new ViolationView(violation.getPath(), violation.getCode(), violation.getMessage());
        }
    }

    /** The raw event as the edge stored it; {@code payload} is the message's JSON text. */
    record RawView(String writeKeyId, String userId, String anonymousId, Instant timestamp, Instant receivedAt,
            List<String> flags, String payload) {
    }

    /** One quarantined event and where it stands. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EventView(String messageId, String event, String callType, String reason, List<ViolationView> violations,
            @JsonRawValue String schemaRef, Instant quarantinedAt, Instant storedAt, String status,
            String operationId, String actor, String statusReason, String lastOutcome, Instant updatedAt,
            RawView raw) {

        static EventView of(QuarantinedEvent e) {
            QuarantinedEvent.RawEnvelope r = e.raw();
            return new EventView(e.messageId(), e.event(), e.callType(), e.reason(),
                    e.violations().stream().map(ViolationView::of).toList(), e.schemaRefJson(), e.quarantinedAt(),
                    e.storedAt(), e.status().name(), e.operationId(), e.actor(), e.statusReason(), e.lastOutcome(),
                    e.updatedAt(), new RawView(r.writeKeyId(), r.userId(), r.anonymousId(), r.timestamp(),
                            r.receivedAt(), r.flags(), r.payload()));
        }
    }

    /** A count under one reason or event, with the newest event's id and payload as a sample. */
    record GroupView(String key, long count, String sampleMessageId, String samplePayload) {

        static GroupView of(QuarantineQueries.Group group) {
            return new GroupView(group.key(), group.count(), group.sampleMessageId(), group.samplePayload());
        }
    }

    /**
     * Counts of the matching events, and the workspace's open rows against the cap with the events not stored
     * because of it ({@code notStored}, never silently dropped).
     */
    record SummaryView(long total, List<GroupView> byReason, List<GroupView> byEvent, long openRows, long cap,
            long notStored, Instant lastNotStored) {

        static SummaryView of(QuarantineBrowser.Summary summary) {
            return new SummaryView(summary.total(), summary.byReason().stream().map(GroupView::of).toList(),
                    summary.byEvent().stream().map(GroupView::of).toList(), summary.usage().openRows(),
                    summary.cap(), summary.usage().notStored(), summary.usage().lastNotStored());
        }
    }

    /** What a release answers. */
    record ReleaseView(String releaseId, int count) {
    }

    /** What a discard answers. */
    record DiscardView(String discardId, int count) {
    }
}
