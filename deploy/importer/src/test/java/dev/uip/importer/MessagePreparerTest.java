package dev.uip.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class MessagePreparerTest {

    private final ObjectMapper json = new ObjectMapper();

    static LineSource.Line line(long number, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new LineSource.Line(number, bytes, bytes.length);
    }

    JsonNode sent(MessagePreparer.Result result) throws Exception {
        return json.readTree(assertInstanceOf(MessagePreparer.Prepared.class, result).json());
    }

    @Test
    void theExportsTimestampIsKeptAndSentAtDroppedSoTheEdgeDoesNotCorrectItToToday() throws Exception {
        JsonNode message = sent(new MessagePreparer("f").prepare(line(1, "{\"type\":\"track\",\"event\":\"A\","
                + "\"userId\":\"u\",\"messageId\":\"m\",\"timestamp\":\"2024-03-01T10:00:00Z\","
                + "\"originalTimestamp\":\"2024-03-01T09:59:58Z\",\"sentAt\":\"2024-03-01T10:00:01Z\"}")));
        assertEquals("2024-03-01T10:00:00Z", message.get("timestamp").asText());
        assertFalse(message.has("sentAt"));
        assertEquals("m", message.get("messageId").asText());
    }

    @Test
    void withoutATimestampTheOriginalOrReceivedTimeStandsIn() throws Exception {
        MessagePreparer preparer = new MessagePreparer("f");
        assertEquals("2024-01-01T00:00:00Z", sent(preparer.prepare(line(1, "{\"userId\":\"u\","
                + "\"originalTimestamp\":\"2024-01-01T00:00:00Z\",\"receivedAt\":\"2024-01-02T00:00:00Z\"}")))
                .get("timestamp").asText());
        assertEquals("2024-01-02T00:00:00Z", sent(preparer.prepare(line(1, "{\"userId\":\"u\",\"timestamp\":null,"
                + "\"receivedAt\":\"2024-01-02T00:00:00Z\"}"))).get("timestamp").asText());
    }

    @Test
    void aMissingMessageIdIsDerivedFromFileLineAndContentTheSameWayEveryTime() throws Exception {
        String text = "{\"type\":\"identify\",\"userId\":\"u\",\"messageId\":\"\"}";
        String id = sent(new MessagePreparer("a.ndjson").prepare(line(7, text))).get("messageId").asText();
        assertTrue(id.startsWith("imp-") && id.length() == 36, id);
        assertEquals(id, sent(new MessagePreparer("a.ndjson").prepare(line(7, text))).get("messageId").asText());
        assertNotEquals(id, sent(new MessagePreparer("a.ndjson").prepare(line(8, text))).get("messageId").asText());
        assertNotEquals(id, sent(new MessagePreparer("b.ndjson").prepare(line(7, text))).get("messageId").asText());
    }

    @Test
    void linesThatAreNotOneJsonObjectAreUnreadableAndOversizedOnesRejectedWithoutARequest() {
        MessagePreparer preparer = new MessagePreparer("f");
        for (String bad : new String[]{"{\"a\":", "[1,2]", "\"text\"", "{\"a\":1} {\"b\":2}", "nul"}) {
            MessagePreparer.Unusable unusable = assertInstanceOf(MessagePreparer.Unusable.class,
                    preparer.prepare(line(1, bad)), bad);
            assertTrue(unusable.unreadable(), bad);
        }
        String big = "{\"userId\":\"u\",\"properties\":{\"p\":\"" + "x".repeat(40_000) + "\"}}";
        MessagePreparer.Unusable tooLarge = assertInstanceOf(MessagePreparer.Unusable.class,
                preparer.prepare(line(1, big)));
        assertEquals("TOO_LARGE", tooLarge.code());
        assertFalse(tooLarge.unreadable());
        assertEquals("TOO_LARGE", ((MessagePreparer.Unusable) preparer.prepare(new LineSource.Line(2, null,
                5_000_000))).code());
    }
}
