package dev.uip.ingest.mapping;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

import dev.uip.ingest.domain.BadMessageException;

/**
 * The event time of one message: its client timestamps bounded to what every store holds, corrected for client clock
 * skew, and replaced by the receipt time when it lies too far ahead of it.
 *
 * @param time the event time to store as the record's {@code timestamp}
 * @param future whether the client's time was further ahead of receipt than the tolerance (then {@code time} is the
 *        receipt time)
 */
public record EventTime(Instant time, boolean future) {

    /** The earliest client timestamp accepted: year 1, the first that ISO-8601 writes without a sign. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest client timestamp accepted: the last millisecond of year 9999 (fits Avro timestamp-millis). */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    /**
     * Corrects for client clock skew: {@code receivedAt - (sentAt - originalTimestamp)} when both are set.
     *
     * @param futureTolerance how far ahead of {@code receivedAt} a corrected time may lie and still be used
     * @throws BadMessageException INVALID_TIMESTAMP naming the field that is not a date-time in the accepted range
     */
    public static EventTime of(JsonNode message, Instant receivedAt, Duration futureTolerance) {
        Instant timestamp = instant(message, "timestamp");
        Instant original = instant(message, "originalTimestamp");
        Instant sentAt = instant(message, "sentAt");
        Instant clientTime = original != null ? original : timestamp;
        Instant time;
        if (clientTime != null && sentAt != null) {
            // Both ends are within years 1..9999, so the arithmetic cannot leave Instant's range.
            time = receivedAt.minus(Duration.between(clientTime, sentAt));
            if (time.isBefore(EARLIEST)) {
                throw new BadMessageException("INVALID_TIMESTAMP", "'sentAt' is so far after '"
                        + (original != null ? "originalTimestamp" : "timestamp")
                        + "' that the corrected event time falls before " + EARLIEST);
            }
        } else {
            time = timestamp != null ? timestamp : receivedAt;
        }
        if (time.isAfter(receivedAt.plus(futureTolerance))) {
            return new EventTime(receivedAt, true);
        }
        return new EventTime(time, false);
    }

    private static Instant instant(JsonNode message, String field) {
        String text = SegmentMessageMapper.optionalText(message, field);
        if (text == null) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadMessageException("INVALID_TIMESTAMP", "'" + field + "' is not an ISO-8601 date-time: "
                    + SegmentMessageMapper.abbreviate(text));
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new BadMessageException("INVALID_TIMESTAMP", "'" + field + "' must lie between " + EARLIEST
                    + " and " + LATEST + ": " + SegmentMessageMapper.abbreviate(text));
        }
        return instant;
    }
}
