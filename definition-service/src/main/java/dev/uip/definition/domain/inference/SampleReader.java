package dev.uip.definition.domain.inference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Turns a submitted body into track samples and skipped messages, enforcing the sample limit. */
final class SampleReader {

    private static final Set<String> OTHER_TYPES = Set.of("identify", "page", "screen", "group", "alias");
    private static final String SHAPES = "expected a JSON array of events, {\"batch\": [...]} or {\"samples\": [...]}";

    /** The outcome: what to infer from and what was skipped. */
    record Read(List<Sample> samples, SkippedMessages skipped) {
    }

    private final int maxSamples;
    private final List<Sample> samples = new ArrayList<>();
    private final Map<String, Integer> byType = new LinkedHashMap<>();
    private final List<SkippedMessages.Skip> skips = new ArrayList<>();
    private int index;

    SampleReader(int maxSamples) {
        this.maxSamples = maxSamples;
    }

    /** Reads an array of messages, a Segment batch body or {"samples": [...]}. */
    Read read(JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw invalid("$", "a JSON body is required: " + SHAPES);
        }
        if (body.isArray()) {
            readList(body, "");
        } else if (body.isObject() && (body.has("batch") || body.has("samples"))) {
            String key = body.has("batch") ? "batch" : "samples";
            if (!body.get(key).isArray()) {
                throw invalid(key, "'" + key + "' must be an array of events");
            }
            readList(body.get(key), key);
        } else {
            throw invalid("$", SHAPES);
        }
        if (index == 0) {
            throw invalid("$", "at least one sample event is required");
        }
        int skipped = index - samples.size();
        return new Read(List.copyOf(samples), new SkippedMessages(skipped,
                Collections.unmodifiableMap(new LinkedHashMap<>(byType)), List.copyOf(skips)));
    }

    /** Reads the elements of a list; a Segment batch body inside the list counts as its messages. */
    private void readList(JsonNode list, String field) {
        for (int i = 0; i < list.size(); i++) {
            JsonNode element = list.get(i);
            String elementField = field + "[" + i + "]";
            if (isBatch(element)) {
                for (int j = 0; j < element.get("batch").size(); j++) {
                    readMessage(element.get("batch").get(j), elementField + ".batch[" + j + "]");
                }
            } else {
                readMessage(element, elementField);
            }
        }
    }

    private static boolean isBatch(JsonNode element) {
        return element.isObject() && element.path("batch").isArray() && !element.has("event")
                && !element.has("type");
    }

    private void readMessage(JsonNode message, String field) {
        if (index >= maxSamples) {
            throw new InvalidSamplesException(InvalidSamplesException.TOO_MANY_SAMPLES, field,
                    "at most " + maxSamples + " sample events per request; send fewer");
        }
        int sample = index++;
        if (!message.isObject()) {
            skip(sample, "not a JSON object");
            return;
        }
        JsonNode type = message.path("type");
        if (!type.isMissingNode() && !type.isNull() && !"track".equals(type.asText())) {
            if (type.isTextual() && OTHER_TYPES.contains(type.asText())) {
                byType.merge(type.asText(), 1, Integer::sum);
            } else {
                skip(sample, "unknown message type " + Examples.show(type));
            }
            return;
        }
        JsonNode event = message.path("event");
        if (event.isMissingNode() || event.isNull()) {
            skip(sample, "no event name");
        } else if (!event.isTextual()) {
            skip(sample, "the event name is not a string");
        } else if (event.asText().isBlank()) {
            skip(sample, "the event name is blank");
        } else {
            JsonNode properties = message.path("properties");
            if (properties.isMissingNode() || properties.isNull()) {
                samples.add(new Sample(sample, field, event.asText(), JsonNodeFactory.instance.objectNode()));
            } else if (properties.isObject()) {
                samples.add(new Sample(sample, field, event.asText(), (ObjectNode) properties));
            } else {
                skip(sample, "properties is not a JSON object");
            }
        }
    }

    private void skip(int sample, String reason) {
        skips.add(new SkippedMessages.Skip(sample, reason));
    }

    private static InvalidSamplesException invalid(String field, String message) {
        return new InvalidSamplesException(InvalidSamplesException.INVALID_SAMPLES, field, message);
    }
}
