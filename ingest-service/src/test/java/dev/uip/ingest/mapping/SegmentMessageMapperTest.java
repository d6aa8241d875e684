package dev.uip.ingest.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
    void flagsFarFutureTimestampsInsteadOfDropping() throws Exception {
        RawUsageEvent event = map("{\"event\":\"A\",\"userId\":\"u\",\"timestamp\":\"2026-11-25T12:00:00Z\"}");
        assertEquals(List.of("FUTURE_TIMESTAMP"), event.getFlags());
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
}
