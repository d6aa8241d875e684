package dev.uip.ingest.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.uip.ingest.domain.BadMessageException;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.RawUsageEvent;

class SegmentMessageMapperTest {

    static final Instant RECEIVED = Instant.parse("2026-11-23T12:00:00Z");
    final ObjectMapper json = new ObjectMapper();

    RawUsageEvent map(String body) throws Exception {
        JsonNode node = json.readTree(body);
        return SegmentMessageMapper.toRawEvent(node, MessageType.TRACK, "ws1", "key1", RECEIVED);
    }

    @Test
    void correctsClientClockSkew() throws Exception {
        // The client's clock is 10 minutes fast: it sent at 12:10 an event it stamped 12:09.
        RawUsageEvent event = map("""
                {"event":"Invoice Sent","userId":"u1","originalTimestamp":"2026-11-23T12:09:00Z",
                 "sentAt":"2026-11-23T12:10:00Z"}""");
        assertEquals(Instant.parse("2026-11-23T11:59:00Z"), event.getTimestamp());
        assertEquals(RECEIVED, event.getReceivedAt());
    }

    @Test
    void keepsWorkspaceFromTheKeyAndAssignsMessageId() throws Exception {
        RawUsageEvent event = map("{\"event\":\"A\",\"anonymousId\":\"a1\",\"workspaceId\":\"other\"}");
        assertEquals("ws1", event.getWorkspaceId());
        assertNotNull(event.getMessageId());
        assertEquals(RECEIVED, event.getTimestamp());
    }

    @Test
    void storesFarFutureEventsAtTheirReceiptTimeWithAFlagInsteadOfDropping() throws Exception {
        RawUsageEvent event = map("{\"event\":\"A\",\"userId\":\"u\",\"timestamp\":\"2026-11-25T12:00:00Z\"}");
        assertEquals(List.of("FUTURE_TIMESTAMP"), event.getFlags());
        assertEquals(RECEIVED, event.getTimestamp());
        assertTrue(event.getPayload().contains("2026-11-25T12:00:00Z"), "the client's own value stays in the payload");
    }

    @Test
    void theFutureToleranceIsTheLineBetweenUsedAndReplaced() throws Exception {
        var options = new SegmentMessageMapper.Options(Duration.ofDays(30), Duration.ofHours(1), null);
        RawUsageEvent within = SegmentMessageMapper.toRawEvent(json.readTree("""
                {"event":"A","userId":"u","timestamp":"2026-11-23T13:00:00Z"}"""), MessageType.TRACK, "ws1", "key1",
                RECEIVED, options);
        RawUsageEvent beyond = SegmentMessageMapper.toRawEvent(json.readTree("""
                {"event":"A","userId":"u","timestamp":"2026-11-23T13:00:00.001Z"}"""), MessageType.TRACK, "ws1",
                "key1", RECEIVED, options);
        assertEquals(Instant.parse("2026-11-23T13:00:00Z"), within.getTimestamp());
        assertEquals(List.of(), within.getFlags());
        assertEquals(RECEIVED, beyond.getTimestamp());
        assertEquals(List.of("FUTURE_TIMESTAMP"), beyond.getFlags());
    }

    @Test
    void theLastMillisecondOfYear9999IsAcceptedAndStoredAtReceipt() throws Exception {
        RawUsageEvent event = map("""
                {"event":"A","userId":"u","timestamp":"9999-12-31T23:59:59.999Z","sentAt":"2026-11-23T12:00:00Z"}""");
        assertEquals(RECEIVED, event.getTimestamp());
        assertEquals(List.of("FUTURE_TIMESTAMP"), event.getFlags());
        RawUsageEvent first = map("{\"event\":\"A\",\"userId\":\"u\",\"timestamp\":\"0001-01-01T00:00:00Z\"}");
        assertEquals(EventTime.EARLIEST, first.getTimestamp());
        assertEquals(List.of("BEYOND_BACKFILL_HORIZON"), first.getFlags());
    }

    @Test
    void clientTimesOutsideYears1To9999AreRefusedNamingTheField() {
        List<String> extremes = List.of("-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
                "0000-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z", "-292275055-05-16T16:47:04.192Z");
        for (String field : List.of("timestamp", "originalTimestamp", "sentAt")) {
            for (String extreme : extremes) {
                // The other fields are ordinary, so that the skew correction would run on the extreme value.
                ObjectNode body = json.createObjectNode().put("event", "A").put("userId", "u")
                        .put("timestamp", "2026-11-23T11:00:00Z").put("originalTimestamp", "2026-11-23T11:00:00Z")
                        .put("sentAt", "2026-11-23T11:00:01Z").put(field, extreme);
                BadMessageException refused = assertThrows(BadMessageException.class, () -> map(body.toString()),
                        field + "=" + extreme);
                assertEquals("INVALID_TIMESTAMP", refused.code(), field + "=" + extreme);
                assertTrue(refused.getMessage().startsWith("'" + field + "'"), refused.getMessage());
            }
        }
    }

    @Test
    void aSkewCorrectionThatWouldLeaveTheRangeIsRefusedOrReplaced() throws Exception {
        BadMessageException past = assertThrows(BadMessageException.class, () -> map("""
                {"event":"A","userId":"u","originalTimestamp":"0001-01-01T00:00:00Z",
                 "sentAt":"9999-12-31T23:59:59Z"}"""));
        assertEquals("INVALID_TIMESTAMP", past.code());
        assertTrue(past.getMessage().contains("'sentAt'"), past.getMessage());
        RawUsageEvent ahead = map("""
                {"event":"A","userId":"u","originalTimestamp":"9999-12-31T23:59:59Z",
                 "sentAt":"0001-01-01T00:00:00Z"}""");
        assertEquals(RECEIVED, ahead.getTimestamp());
        assertEquals(List.of("FUTURE_TIMESTAMP"), ahead.getFlags());
    }

    @Test
    void rejectsStructurallyInvalidMessages() {
        assertEquals("MISSING_IDENTITY", code("{\"event\":\"A\"}"));
        assertEquals("MISSING_EVENT", code("{\"userId\":\"u\"}"));
        assertEquals("INVALID_TIMESTAMP", code("{\"event\":\"A\",\"userId\":\"u\",\"timestamp\":\"soon\"}"));
        assertEquals("INVALID_MESSAGE_ID", code("{\"event\":\"A\",\"userId\":\"u\",\"messageId\":\"" + "x".repeat(101)
                + "\"}"));
        assertEquals("INVALID_TYPE", code("{\"type\":\"explode\",\"userId\":\"u\"}"));
        assertEquals("INVALID_MESSAGE", code("[1]"));
    }

    @Test
    void typeInBodyWins() throws Exception {
        RawUsageEvent event = map("{\"type\":\"identify\",\"userId\":\"u\"}");
        assertEquals(MessageType.IDENTIFY, event.getType());
        assertTrue(event.getPayload().contains("identify"));
    }

    String code(String body) {
        return assertThrows(BadMessageException.class, () -> map(body)).code();
    }

    @Test
    void flagsEventsOlderThanTheBackfillHorizonWithoutDroppingThem() throws Exception {
        var options = new SegmentMessageMapper.Options(Duration.ofDays(7), Duration.ofHours(1), null);
        RawUsageEvent old = SegmentMessageMapper.toRawEvent(json.readTree("""
                {"event":"Invoice Sent","userId":"u1","timestamp":"2026-11-15T11:59:59Z"}"""), MessageType.TRACK,
                "ws1", "key1", RECEIVED, options);
        RawUsageEvent recent = SegmentMessageMapper.toRawEvent(json.readTree("""
                {"event":"Invoice Sent","userId":"u1","timestamp":"2026-11-16T12:00:01Z"}"""), MessageType.TRACK,
                "ws1", "key1", RECEIVED, options);
        assertEquals(List.of("BEYOND_BACKFILL_HORIZON"), old.getFlags());
        assertEquals(List.of(), recent.getFlags());
    }

    @Test
    void recordsTheConnectionAddressOnlyWhereTheMessageHasNoIp() throws Exception {
        var options = new SegmentMessageMapper.Options(Duration.ofDays(30), Duration.ofHours(1), "203.0.113.7");
        RawUsageEvent bare = SegmentMessageMapper.toRawEvent(json.readTree("""
                {"event":"A","userId":"u1"}"""), MessageType.TRACK, "ws1", "key1", RECEIVED, options);
        RawUsageEvent withContext = SegmentMessageMapper.toRawEvent(json.readTree("""
                {"event":"A","userId":"u1","context":{"app":{"version":"1"}}}"""), MessageType.TRACK, "ws1", "key1",
                RECEIVED, options);
        RawUsageEvent ownIp = SegmentMessageMapper.toRawEvent(json.readTree("""
                {"event":"A","userId":"u1","context":{"ip":"198.51.100.1"}}"""), MessageType.TRACK, "ws1", "key1",
                RECEIVED, options);
        RawUsageEvent notAsked = map("""
                {"event":"A","userId":"u1"}""");
        assertEquals("203.0.113.7", json.readTree(bare.getPayload()).at("/context/ip").asText());
        assertEquals("203.0.113.7", json.readTree(withContext.getPayload()).at("/context/ip").asText());
        assertEquals("1", json.readTree(withContext.getPayload()).at("/context/app/version").asText());
        assertEquals("198.51.100.1", json.readTree(ownIp.getPayload()).at("/context/ip").asText());
        assertTrue(json.readTree(notAsked.getPayload()).at("/context/ip").isMissingNode());
    }

    @Test
    void keepsTheTextAsReceivedUnlessTheEdgeChangesTheMessage() throws Exception {
        String text = "{ \"event\": \"A\",  \"userId\": \"u1\" }";
        RawUsageEvent untouched = SegmentMessageMapper.toRawEvent(json.readTree(text), text, MessageType.TRACK, "ws1",
                "key1", RECEIVED, SegmentMessageMapper.Options.DEFAULT);
        assertEquals(text, untouched.getPayload());

        String withIp = "{\"event\":\"A\",\"userId\":\"u1\"}";
        RawUsageEvent completed = SegmentMessageMapper.toRawEvent(json.readTree(withIp), withIp, MessageType.TRACK,
                "ws1", "key1", RECEIVED,
                new SegmentMessageMapper.Options(Duration.ofDays(30), Duration.ofHours(1), "203.0.113.7"));
        assertEquals("203.0.113.7", json.readTree(completed.getPayload()).at("/context/ip").asText());
    }

    @Test
    void neverStoresTheWriteKeyWithTheEvent() throws Exception {
        String text = "{\"event\":\"A\",\"userId\":\"u1\",\"writeKey\":\"uipw_secret\"}";
        RawUsageEvent event = SegmentMessageMapper.toRawEvent(json.readTree(text), text, MessageType.TRACK, "ws1",
                "key1", RECEIVED, SegmentMessageMapper.Options.DEFAULT);
        assertFalse(event.getPayload().contains("uipw_secret"), event.getPayload());
        assertEquals("A", json.readTree(event.getPayload()).get("event").asText());
    }
}
