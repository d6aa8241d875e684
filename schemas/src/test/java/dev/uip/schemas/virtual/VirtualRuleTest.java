package dev.uip.schemas.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.schemas.MessageType;

/** Each operator, sources, and/or groups, evaluated over real Segment messages. */
class VirtualRuleTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String PAGE = """
            {"type": "page", "name": "Billing", "userId": "u-1",
             "properties": {"url": "https://app.example.com/billing/invoices", "count": 12, "ratio": 0.5,
                            "beta": true, "plan": "pro", "nothing": null},
             "context": {"app": {"version": "2.3.1", "build": 230}}}""";

    static MessageView page() {
        return new MessageView(MessageType.PAGE, null, json(PAGE));
    }

    static MessageView track(String event, String properties) {
        return new MessageView(MessageType.TRACK, event, json("{\"type\":\"track\",\"event\":\"" + event
                + "\",\"properties\":" + properties + "}"));
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A page rule with one condition. */
    static boolean page(String condition) {
        return VirtualRule.parse("{\"callTypes\":[\"page\"],\"where\":" + condition + "}").matches(page());
    }

    @Test
    void visitedBillingExample() {
        VirtualRule rule = VirtualRule.parse("""
                {"callTypes": ["page"], "where": {"path": "properties.url", "op": "contains", "value": "/billing"}}""");
        assertTrue(rule.matches(page()));
        assertFalse(rule.matches(new MessageView(MessageType.PAGE, null, json(
                "{\"properties\":{\"url\":\"https://app.example.com/settings\"}}"))));
        // a track event with the same url is not a page call
        assertFalse(rule.matches(track("Clicked", "{\"url\":\"/billing\"}")));
    }

    @Test
    void equalsComparesStringsNumbersAndBooleansWithoutCoercion() {
        assertTrue(page("{\"path\":\"properties.plan\",\"op\":\"equals\",\"value\":\"pro\"}"));
        assertFalse(page("{\"path\":\"properties.plan\",\"op\":\"equals\",\"value\":\"Pro\"}"));
        assertTrue(page("{\"path\":\"properties.count\",\"op\":\"equals\",\"value\":12.0}"));
        assertFalse(page("{\"path\":\"properties.count\",\"op\":\"equals\",\"value\":\"12\"}"));
        assertTrue(page("{\"path\":\"properties.beta\",\"op\":\"equals\",\"value\":true}"));
        assertFalse(page("{\"path\":\"properties.missing\",\"op\":\"equals\",\"value\":\"x\"}"));
        assertTrue(page("{\"path\":\"name\",\"op\":\"equals\",\"value\":\"Billing\"}"));
        assertTrue(page("{\"path\":\"type\",\"op\":\"equals\",\"value\":\"page\"}"));
    }

    @Test
    void notEqualsHoldsForOtherAndMissingValues() {
        assertTrue(page("{\"path\":\"properties.plan\",\"op\":\"not_equals\",\"value\":\"free\"}"));
        assertFalse(page("{\"path\":\"properties.plan\",\"op\":\"not_equals\",\"value\":\"pro\"}"));
        assertTrue(page("{\"path\":\"properties.missing\",\"op\":\"not_equals\",\"value\":\"pro\"}"));
        assertTrue(page("{\"path\":\"properties.nothing\",\"op\":\"not_equals\",\"value\":\"pro\"}"));
    }

    @Test
    void containsAndStartsWithReadTextOnly() {
        assertTrue(page("{\"path\":\"properties.url\",\"op\":\"starts_with\",\"value\":\"https://app.\"}"));
        assertFalse(page("{\"path\":\"properties.url\",\"op\":\"starts_with\",\"value\":\"/billing\"}"));
        assertFalse(page("{\"path\":\"properties.count\",\"op\":\"contains\",\"value\":\"1\"}"));
        assertTrue(page("{\"path\":\"context.app.version\",\"op\":\"contains\",\"value\":\".3.\"}"));
    }

    @Test
    void regexMatchesTheWholeValue() {
        assertTrue(page("{\"path\":\"context.app.version\",\"op\":\"regex\",\"value\":\"2\\\\.[0-9]+\\\\.[0-9]+\"}"));
        assertFalse(page("{\"path\":\"context.app.version\",\"op\":\"regex\",\"value\":\"2\\\\.3\"}"));
        assertTrue(page("{\"path\":\"properties.url\",\"op\":\"regex\",\"value\":\".*/billing(/.*)?\"}"));
    }

    @Test
    void numericComparisonsReadNumbersOnly() {
        assertTrue(page("{\"path\":\"properties.count\",\"op\":\"gt\",\"value\":11}"));
        assertFalse(page("{\"path\":\"properties.count\",\"op\":\"gt\",\"value\":12}"));
        assertTrue(page("{\"path\":\"properties.count\",\"op\":\"gte\",\"value\":12}"));
        assertTrue(page("{\"path\":\"properties.ratio\",\"op\":\"lt\",\"value\":0.51}"));
        assertFalse(page("{\"path\":\"properties.ratio\",\"op\":\"lt\",\"value\":0.5}"));
        assertTrue(page("{\"path\":\"properties.ratio\",\"op\":\"lte\",\"value\":0.5}"));
        assertTrue(page("{\"path\":\"context.app.build\",\"op\":\"gte\",\"value\":229.5}"));
        // "2.3.1" is text, never a number
        assertFalse(page("{\"path\":\"context.app.version\",\"op\":\"gt\",\"value\":1}"));
    }

    @Test
    void existsIsPresentAndNotNull() {
        assertTrue(page("{\"path\":\"properties.plan\",\"op\":\"exists\"}"));
        assertFalse(page("{\"path\":\"properties.nothing\",\"op\":\"exists\"}"));
        assertFalse(page("{\"path\":\"properties.url.deeper\",\"op\":\"exists\"}"));
        assertTrue(page("{\"path\":\"userId\",\"op\":\"exists\"}"));
        assertFalse(page("{\"path\":\"traits.email\",\"op\":\"exists\"}"));
    }

    @Test
    void inListMatchesAnyValue() {
        assertTrue(page("{\"path\":\"properties.plan\",\"op\":\"in\",\"values\":[\"team\",\"pro\"]}"));
        assertFalse(page("{\"path\":\"properties.plan\",\"op\":\"in\",\"values\":[\"team\",\"free\"]}"));
        assertTrue(page("{\"path\":\"properties.count\",\"op\":\"in\",\"values\":[1, 12]}"));
    }

    @Test
    void andOrGroupsNest() {
        String url = "{\"path\":\"properties.url\",\"op\":\"contains\",\"value\":\"/billing\"}";
        String free = "{\"path\":\"properties.plan\",\"op\":\"equals\",\"value\":\"free\"}";
        String beta = "{\"path\":\"properties.beta\",\"op\":\"equals\",\"value\":true}";
        assertTrue(page("{\"and\":[" + url + "," + beta + "]}"));
        assertFalse(page("{\"and\":[" + url + "," + free + "]}"));
        assertTrue(page("{\"or\":[" + free + "," + beta + "]}"));
        assertFalse(page("{\"or\":[" + free + "," + free + "]}"));
        assertTrue(page("{\"and\":[" + url + ",{\"or\":[" + free + ",{\"and\":[" + beta + "," + url + "]}]}]}"));
    }

    @Test
    void eventSourcesMatchTrackEventsByName() {
        VirtualRule rule = VirtualRule.parse("""
                {"events": ["Order Completed", "Order Refunded"],
                 "where": {"path": "properties.total", "op": "gte", "value": 100}}""");
        assertTrue(rule.matches(track("Order Completed", "{\"total\": 150}")));
        assertTrue(rule.matches(track("Order Refunded", "{\"total\": 100}")));
        assertFalse(rule.matches(track("Order Completed", "{\"total\": 99.99}")));
        assertFalse(rule.matches(track("Order Viewed", "{\"total\": 150}")));
        assertFalse(rule.matches(new MessageView(MessageType.PAGE, null, json("{\"properties\":{\"total\":150}}"))));
        assertEquals(List.of("event:Order Completed", "event:Order Refunded"), rule.sourceKeys());
        assertTrue(VirtualRule.lookupKeys(MessageType.TRACK, "Order Completed").contains("event:Order Completed"));
    }

    @Test
    void aRuleWithoutConditionMatchesEverySourceMessage() {
        VirtualRule rule = VirtualRule.parse("{\"callTypes\": [\"identify\", \"GROUP\"]}");
        assertTrue(rule.matches(new MessageView(MessageType.IDENTIFY, null, json("{}"))));
        assertTrue(rule.matches(new MessageView(MessageType.GROUP, null, json("{}"))));
        assertFalse(rule.matches(new MessageView(MessageType.ALIAS, null, json("{}"))));
        assertEquals(List.of("type:IDENTIFY", "type:GROUP"), rule.sourceKeys());
    }

    @Test
    void oddMessagesNeverThrow() {
        VirtualRule rule = VirtualRule.parse("""
                {"callTypes": ["track"], "where": {"or": [
                  {"path": "properties.a.b", "op": "gt", "value": 1},
                  {"path": "context.app.version", "op": "regex", "value": "x.*"}]}}""");
        assertFalse(rule.matches(new MessageView(MessageType.TRACK, "E", json("[]"))));
        assertFalse(rule.matches(new MessageView(MessageType.TRACK, "E", json("{\"properties\":[1,2]}"))));
        assertFalse(rule.matches(new MessageView(MessageType.TRACK, "E", json("{\"context\":{\"app\":\"x\"}}"))));
        assertTrue(rule.matches(new MessageView(MessageType.TRACK, "E", json(
                "{\"properties\":{\"a\":{\"b\":1e400}}}"))));
        // a value longer than the regex engine's bound fails the pattern, it is not matched slowly
        assertFalse(rule.matches(new MessageView(MessageType.TRACK, "E", json(
                "{\"context\":{\"app\":{\"version\":\"x" + "y".repeat(9000) + "\"}}}"))));
    }
}
