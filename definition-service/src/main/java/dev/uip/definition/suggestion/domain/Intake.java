package dev.uip.definition.suggestion.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.uip.schemas.EventStats;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.QuarantineReason;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.names.WorkspaceIds;

/**
 * Decides which consumed records feed suggestions, bounding what a tenant controls (names, payload sizes, times)
 * before anything is stored; every record left out is counted by reason.
 */
public final class Intake {

    /** Longest event name tracked (as a definition's name). */
    public static final int MAX_EVENT_NAME = 200;
    /** How far in the future a time may lie (clock skew) before the record is left out. */
    static final Duration FUTURE = Duration.ofHours(1);

    /** What to keep, and how many records were left out per reason. */
    public record Result<T>(List<T> kept, Map<String, Integer> ignored) {
    }

    private final int maxSampleChars;
    private final Duration maxAge;

    public Intake(int maxSampleChars, Duration maxAge) {
        this.maxSampleChars = maxSampleChars;
        this.maxAge = maxAge;
    }

    /** The samples worth keeping among raw unplanned events. */
    public Result<UnplannedSample> samples(List<RawUsageEvent> records, Instant now) {
        List<UnplannedSample> kept = new ArrayList<>();
        Map<String, Integer> ignored = new TreeMap<>();
        for (RawUsageEvent raw : records) {
            String why = sampleProblem(raw, now);
            if (why == null) {
                kept.add(new UnplannedSample(raw.getWorkspaceId(), raw.getMessageId(), raw.getEvent(),
                        raw.getReceivedAt(), raw.getPayload()));
            } else {
                ignored.merge(why, 1, Integer::sum);
            }
        }
        return new Result<>(kept, ignored);
    }

    /** The minutes of unplanned track events among stats; stats of planned events are not counted as left out. */
    public Result<UnplannedMinute> minutes(List<EventStats> records, Instant now) {
        List<UnplannedMinute> kept = new ArrayList<>();
        Map<String, Integer> ignored = new TreeMap<>();
        for (EventStats stats : records) {
            long unplanned = Math.max(0, stats.getUnplanned());
            Long unknown = stats.getQuarantinedByReason().get(QuarantineReason.UNKNOWN_EVENT.name());
            long quarantined = unknown == null ? 0 : Math.max(0, unknown);
            if (stats.getType() != MessageType.TRACK || unplanned + quarantined <= 0) {
                continue;
            }
            String why = common(stats.getWorkspaceId(), stats.getEvent(), stats.getMinute(), now);
            if (why == null) {
                kept.add(new UnplannedMinute(stats.getWorkspaceId(), stats.getEvent(), stats.getMinute(), unplanned,
                        quarantined));
            } else {
                ignored.merge(why, 1, Integer::sum);
            }
        }
        return new Result<>(kept, ignored);
    }

    private String sampleProblem(RawUsageEvent raw, Instant now) {
        if (raw.getType() != MessageType.TRACK) {
            return "not_track";
        }
        if (raw.getMessageId() == null || raw.getMessageId().isEmpty() || raw.getMessageId().length() > 200
                || raw.getMessageId().chars().anyMatch(Character::isISOControl)) {
            return "bad_message_id";
        }
        if (raw.getPayload() == null || raw.getPayload().length() > maxSampleChars) {
            return "too_large";
        }
        // PostgreSQL text cannot hold NUL; the edge writes escaped JSON, so only a damaged record has one
        if (raw.getPayload().indexOf('\u0000') >= 0) {
            return "bad_payload";
        }
        return common(raw.getWorkspaceId(), raw.getEvent(), raw.getReceivedAt(), now);
    }

    private String common(String workspaceId, String event, Instant at, Instant now) {
        if (!WorkspaceIds.isValid(workspaceId)) {
            return "bad_workspace";
        }
        if (!isTrackable(event)) {
            return "bad_name";
        }
        if (at == null || at.isBefore(now.minus(maxAge)) || at.isAfter(now.plus(FUTURE))) {
            return "out_of_range";
        }
        return null;
    }

    /** Whether an event name can be tracked: 1 to {@value #MAX_EVENT_NAME} characters, no control characters. */
    public static boolean isTrackable(String event) {
        return event != null && !event.isBlank() && event.length() <= MAX_EVENT_NAME
                && event.chars().noneMatch(Character::isISOControl);
    }
}
