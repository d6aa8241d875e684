package dev.uip.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.schemas.Violation;

class PropertyValidatorTest {

    static final Schema SCHEMA = new Schema.Parser().parse("""
            {"type":"record","name":"Invoice_Sent","fields":[
              {"name":"amount","type":"double"},
              {"name":"count","type":"long"},
              {"name":"plan","type":["null","string"],"default":null},
              {"name":"paid","type":["null","boolean"],"default":null},
              {"name":"dueAt","type":["null",{"type":"long","logicalType":"timestamp-millis"}],"default":null}]}
            """);

    final ObjectMapper json = new ObjectMapper();

    JsonNode props(String text) throws Exception {
        return json.readTree(text);
    }

    @Test
    void convertsConformingProperties() throws Exception {
        var result = PropertyValidator.validate(SCHEMA,
                props("{\"amount\": 12.5, \"count\": 3, \"plan\": \"pro\", \"dueAt\": \"2026-01-02T03:04:05Z\"}"));
        assertTrue(result.valid(), () -> result.violations().toString());
        assertEquals(12.5, result.record().get("amount"));
        assertEquals(3L, result.record().get("count"));
        assertEquals("pro", result.record().get("plan"));
        assertNull(result.record().get("paid"));
        assertEquals(1767323045000L, result.record().get("dueAt"));
    }

    @Test
    void integersAreAcceptedForNumbersButNotTheOtherWayRound() throws Exception {
        assertTrue(PropertyValidator.validate(SCHEMA, props("{\"amount\": 12, \"count\": 3}")).valid());
        var result = PropertyValidator.validate(SCHEMA, props("{\"amount\": 12, \"count\": 3.5}"));
        assertEquals(List.of("properties.count:WRONG_TYPE"), codes(result.violations()));
    }

    @Test
    void reportsEveryViolationWithItsPath() throws Exception {
        var result = PropertyValidator.validate(SCHEMA,
                props("{\"amount\": \"12\", \"plan\": 7, \"dueAt\": \"yesterday\", \"extra\": true}"));
        assertFalse(result.valid());
        assertNull(result.record());
        assertEquals(List.of("properties.amount:WRONG_TYPE", "properties.count:MISSING_REQUIRED",
                "properties.plan:WRONG_TYPE", "properties.dueAt:WRONG_TYPE", "properties.extra:UNPLANNED_PROPERTY"),
                codes(result.violations()));
    }

    @Test
    void missingPropertiesObjectFailsOnlyRequiredFields() {
        var result = PropertyValidator.validate(SCHEMA, null);
        assertEquals(List.of("properties.amount:MISSING_REQUIRED", "properties.count:MISSING_REQUIRED"),
                codes(result.violations()));
    }

    @Test
    void propertiesMustBeAnObject() throws Exception {
        var result = PropertyValidator.validate(SCHEMA, props("[1,2]"));
        assertEquals(List.of("properties:WRONG_TYPE"), codes(result.violations()));
    }

    static List<String> codes(List<Violation> violations) {
        return violations.stream().map(v -> v.getPath() + ":" + v.getCode()).toList();
    }
}
