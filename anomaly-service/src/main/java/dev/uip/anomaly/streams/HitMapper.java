package dev.uip.anomaly.streams;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.anomaly.trend.Dimension;
import dev.uip.anomaly.trend.Hit;
import dev.uip.anomaly.trend.SeriesId;
import dev.uip.schemas.QuarantinedUsageEvent;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.ValidatedUsageEvent;

/**
 * Turns validated and quarantined events into {@link Hit}s: the series they count in, their bounded event time and
 * their breakdown values from the Segment context ({@code app.version}, {@code os.name}, {@code library}).
 */
final class HitMapper {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Contexts larger than this are not parsed for breakdown values (the event still counts). */
    static final int MAX_CONTEXT_CHARS = 32 * 1024;

    private HitMapper() {
    }

    static Hit validated(ValidatedUsageEvent event) {
        SeriesId series = SeriesId.of(event.getWorkspaceId(), event.getType(), event.getEvent(), event.getName());
        long time = eventTime(event.getTimestamp(), event.getReceivedAt());
        JsonNode context = parse(event.getContext());
        return new Hit(series, time, false, appVersion(context), platform(context), library(context),
                marks(event.getFlags()), null);
    }

    static Hit quarantined(QuarantinedUsageEvent event) {
        RawUsageEvent raw = event.getRaw();
        SeriesId series = SeriesId.of(raw.getWorkspaceId(), raw.getType(), raw.getEvent(), null);
        return new Hit(series, eventTime(raw.getTimestamp(), raw.getReceivedAt()), true, null, null, null, 0,
                event.getReason() == null ? null : event.getReason().name());
    }

    /** A copy validation dropped: counted as a duplicate of its series in the bucket of its receipt. */
    static Hit duplicate(RawUsageEvent raw) {
        SeriesId series = SeriesId.of(raw.getWorkspaceId(), raw.getType(), raw.getEvent(), null);
        long received = raw.getReceivedAt() == null ? 0 : Math.max(0, raw.getReceivedAt().toEpochMilli());
        return new Hit(series, received, false, null, null, null, Hit.DUPLICATE, null);
    }

    /** The marks of a validated event's flags (the validator's names). */
    static int marks(List<String> flags) {
        int marks = 0;
        for (String flag : flags) {
            marks |= switch (flag) {
                case "SCHEMA_VIOLATION" -> Hit.WARNED;
                case "UNPLANNED_EVENT" -> Hit.UNPLANNED;
                case "DERIVED" -> Hit.DERIVED;
                case "RELEASED" -> Hit.RELEASED;
                default -> 0;
            };
        }
        return marks;
    }

    /** The event's time, never later than its receipt and never before the epoch (as the count windows use). */
    static long eventTime(Instant timestamp, Instant receivedAt) {
        long received = receivedAt == null ? Long.MAX_VALUE : receivedAt.toEpochMilli();
        long happened = timestamp == null ? received : timestamp.toEpochMilli();
        return Math.max(0, Math.min(happened, received));
    }

    private static JsonNode parse(String context) {
        if (context == null || context.length() > MAX_CONTEXT_CHARS) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(context);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String appVersion(JsonNode context) {
        return Dimension.bound(text(context, "app", "version"));
    }

    private static String platform(JsonNode context) {
        String os = text(context, "os", "name");
        if (os == null && context != null && context.hasNonNull("userAgent")) {
            os = "web";
        }
        return Dimension.bound(os);
    }

    private static String library(JsonNode context) {
        String name = text(context, "library", "name");
        if (name == null) {
            return null;
        }
        String version = text(context, "library", "version");
        return Dimension.bound(version == null ? name : name + " " + version);
    }

    private static String text(JsonNode context, String object, String field) {
        if (context == null) {
            return null;
        }
        JsonNode value = context.path(object).path(field);
        return value.isTextual() || value.isNumber() ? value.asText() : null;
    }
}
