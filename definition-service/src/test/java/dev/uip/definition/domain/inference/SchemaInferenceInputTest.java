package dev.uip.definition.domain.inference;

import static dev.uip.definition.domain.inference.Fixtures.json;
import static dev.uip.definition.domain.inference.Fixtures.list;
import static dev.uip.definition.domain.inference.Fixtures.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Accepted body shapes, skipped messages, limits and ordering. */
class SchemaInferenceInputTest {

    private final SchemaInference inference = new SchemaInference();

    @Test
    void acceptsAnArrayASegmentBatchAndASamplesObject() {
        String messages = track("A", "{\"x\": 1}") + "," + track("B", "{\"y\": \"z\"}");
        for (String body : List.of("[" + messages + "]", "{\"batch\": [" + messages + "], \"writeKey\": \"k\"}",
                "{\"samples\": [" + messages + "]}")) {
            InferenceResult result = inference.infer(json(body));
            assertEquals(List.of("A", "B"), result.definitions().stream().map(ProposedDefinition::name).toList(),
                    body);
            assertEquals(2, result.received());
        }
    }

    @Test
    void aListMayHoldTrackBodiesWithoutTypeAndWholeBatches() {
        JsonNode single = json("{\"event\": \"A\", \"properties\": {\"x\": 1}}");
        JsonNode batch = json("{\"batch\": [" + track("A", "{\"x\": 2}") + "," + track("B", "{}") + "]}");
        InferenceResult result = inference.infer(List.of(single, batch));
        assertEquals(3, result.received());
        assertEquals(2, result.definitions().get(0).samples());
        assertEquals("B", result.definitions().get(1).name());
    }

    @Test
    void groupsByEventNameInOrderOfFirstAppearance() {
        InferenceResult result = inference.infer(list(track("Zeta", "{\"b\": 1, \"a\": 2}"), track("Alpha", "{}"),
                track("Zeta", "{\"c\": 3, \"a\": 4}")));
        assertEquals(List.of("Zeta", "Alpha"), result.definitions().stream().map(ProposedDefinition::name)
                .toList());
        assertEquals(List.of("b", "a", "c"), result.definitions().get(0).properties().stream()
                .map(ProposedProperty::name).toList());
        assertEquals(2, result.definitions().get(0).samples());
        assertEquals(List.of(), result.definitions().get(1).properties());
    }

    @Test
    void sameInputGivesTheSameOutput() {
        JsonNode body = list(track("A", "{\"x\": 1, \"y\": [\"a\", 2]}"), track("B", "{\"z\": null}"),
                track("A", "{\"x\": \"1\", \"w\": {\"k\": true}}"));
        assertEquals(inference.infer(body), inference.infer((JsonNode) body.deepCopy()));
    }

    @Test
    void skipsNonTrackMessagesByTypeAndOthersWithAReason() {
        InferenceResult result = inference.infer(list("{\"type\": \"identify\", \"traits\": {}}",
                "{\"type\": \"page\", \"name\": \"Home\"}", "{\"type\": \"identify\"}", track("A", "{}"),
                "{\"type\": \"track\", \"properties\": {}}", "{\"event\": \"  \"}", "{\"event\": 42}", "7",
                "{\"type\": \"wobble\"}", "{\"event\": \"B\", \"properties\": [1]}", "{\"event\": \"C\"}"));
        assertEquals(11, result.received());
        assertEquals(List.of("A", "C"), result.definitions().stream().map(ProposedDefinition::name).toList());
        SkippedMessages skipped = result.skipped();
        assertEquals(9, skipped.count());
        assertEquals(Map.of("identify", 2, "page", 1), skipped.byType());
        assertEquals(List.of("identify", "page"), List.copyOf(skipped.byType().keySet()));
        assertEquals(List.of(new SkippedMessages.Skip(4, "no event name"),
                new SkippedMessages.Skip(5, "the event name is blank"),
                new SkippedMessages.Skip(6, "the event name is not a string"),
                new SkippedMessages.Skip(7, "not a JSON object"),
                new SkippedMessages.Skip(8, "unknown message type \"wobble\""),
                new SkippedMessages.Skip(9, "properties is not a JSON object")), skipped.messages());
    }

    @Test
    void wrongShapesAreClearErrors() {
        assertInvalid(json("{\"event\": \"A\"}"), "INVALID_SAMPLES", "$");
        assertInvalid(json("\"text\""), "INVALID_SAMPLES", "$");
        assertInvalid(json("null"), "INVALID_SAMPLES", "$");
        assertInvalid(json("{\"batch\": {}}"), "INVALID_SAMPLES", "batch");
        assertInvalid(json("{\"samples\": 3}"), "INVALID_SAMPLES", "samples");
        InvalidSamplesException empty = assertInvalid(json("[]"), "INVALID_SAMPLES", "$");
        assertTrue(empty.getMessage().contains("at least one"));
    }

    @Test
    void atMostOneThousandSamples() {
        String tracks = IntStream.range(0, 1001).mapToObj(i -> track("A", "{\"i\": " + i + "}"))
                .collect(Collectors.joining(","));
        InvalidSamplesException e = assertInvalid(json("{\"batch\": [" + tracks + "]}"), "TOO_MANY_SAMPLES",
                "batch[1000]");
        assertEquals("at most 1000 sample events per request; send fewer", e.getMessage());
        String exactly = IntStream.range(0, 1000).mapToObj(i -> track("A", "{\"i\": " + i + "}"))
                .collect(Collectors.joining(","));
        assertEquals(1000, inference.infer(json("[" + exactly + "]")).definitions().get(0).samples());
    }

    @Test
    void atMostTwoHundredDistinctPropertiesPerEventNestedIncluded() {
        String first = IntStream.range(0, 150).mapToObj(i -> "\"p" + i + "\": 1").collect(Collectors.joining(","));
        String second = IntStream.range(0, 50).mapToObj(i -> "\"q" + i + "\": 1")
                .collect(Collectors.joining(",", "{\"nested\": {", "}}"));
        InvalidSamplesException e = assertInvalid(list(track("A", "{" + first + "}"), track("B", "{\"x\": 1}"),
                track("A", second)), "TOO_MANY_PROPERTIES", "[2].properties");
        assertTrue(e.getMessage().startsWith("event 'A' has more than 200 distinct properties"), e.getMessage());

        String exactly = IntStream.range(0, 200).mapToObj(i -> "\"p" + i + "\": 1").collect(Collectors.joining(","));
        assertEquals(200, inference.infer(list(track("A", "{" + exactly + "}"), track("A", "{" + exactly + "}")))
                .definitions().get(0).properties().size());
    }

    @Test
    void limitsCanBeLoweredForTests() {
        SchemaInference small = new SchemaInference(2, 1, 5);
        assertThrows(InvalidSamplesException.class, () -> small.infer(list(track("A", "{}"), track("A", "{}"),
                "{\"type\": \"page\"}")));
        assertThrows(InvalidSamplesException.class, () -> small.infer(list(track("A", "{\"a\": 1, \"b\": 2}"))));
    }

    private InvalidSamplesException assertInvalid(JsonNode body, String code, String field) {
        InvalidSamplesException e = assertThrows(InvalidSamplesException.class, () -> inference.infer(body));
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        return e;
    }
}
