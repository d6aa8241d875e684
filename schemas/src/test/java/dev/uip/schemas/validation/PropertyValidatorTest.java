package dev.uip.schemas.validation;

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

    static final Schema NESTED = new Schema.Parser().parse("""
            {"type":"record","name":"Checkout","fields":[
              {"name":"plan","type":"string","uip.allowedValues":["free","pro"]},
              {"name":"coupon","type":["null","string"],"default":null,"uip.pattern":"[A-Z]{3}-[0-9]+",
               "uip.maxLength":8},
              {"name":"seats","type":"long","uip.minimum":1,"uip.maximum":500},
              {"name":"tags","type":{"type":"array","items":{"type":"string","uip.maxLength":5}}},
              {"name":"cart","type":{"type":"record","name":"Checkout_cart","fields":[
                {"name":"total","type":"double","uip.minimum":0}]}}]}
            """);

    @Test
    void acceptsNestedObjectsArraysAndValuesWithinTheirConstraints() throws Exception {
        var result = PropertyValidator.validate(NESTED, props("""
                {"plan":"pro","coupon":"ABC-12","seats":500,"tags":["a","bb"],"cart":{"total":0}}"""));
        assertTrue(result.valid(), () -> result.violations().toString());
        assertEquals(List.of("a", "bb"), result.record().get("tags"));
        assertEquals(0.0, ((org.apache.avro.generic.GenericRecord) result.record().get("cart")).get("total"));
    }

    @Test
    void reportsEveryConstraintViolationWithItsPath() throws Exception {
        var result = PropertyValidator.validate(NESTED, props("""
                {"plan":"enterprise","coupon":"abc-123456","seats":0,"tags":["ok","toolong"],
                 "cart":{"total":-1,"extra":true}}"""));
        assertFalse(result.valid());
        assertEquals(List.of("properties.plan NOT_ALLOWED", "properties.coupon TOO_LONG",
                "properties.coupon PATTERN_MISMATCH", "properties.seats BELOW_MINIMUM", "properties.tags[1] TOO_LONG",
                "properties.cart.total BELOW_MINIMUM", "properties.cart.extra UNPLANNED_PROPERTY"),
                result.violations().stream().map(v -> v.getPath() + " " + v.getCode()).toList());
        assertNull(result.record());
    }

    @Test
    void reportsWrongShapesOfArraysAndObjects() throws Exception {
        var result = PropertyValidator.validate(NESTED, props("""
                {"plan":"free","seats":600,"tags":"a","cart":[1]}"""));
        assertEquals(List.of("properties.seats ABOVE_MAXIMUM", "properties.tags WRONG_TYPE",
                "properties.cart WRONG_TYPE"),
                result.violations().stream().map(v -> v.getPath() + " " + v.getCode()).toList());
    }

    static Schema patterned(String pattern) {
        return new Schema.Parser().parse("""
                {"type":"record","name":"Code_Entered","fields":[
                  {"name":"code","type":"string","uip.pattern":%s}]}"""
                .formatted(new com.fasterxml.jackson.databind.node.TextNode(pattern).toString()));
    }

    /** java.util.regex overflows its stack on the first and backtracks for minutes on the second. */
    @Test
    void catastrophicPatternsAnswerAtOnce() throws Exception {
        long start = System.nanoTime();
        var alternation = PropertyValidator.validate(patterned("(a|b)*"),
                json.createObjectNode().put("code", "ab".repeat(4_000)));
        var nested = PropertyValidator.validate(patterned("(.*a){12}"),
                json.createObjectNode().put("code", "a".repeat(40) + "!"));
        assertTrue(alternation.valid(), () -> alternation.violations().toString());
        assertEquals(List.of("properties.code:PATTERN_MISMATCH"), codes(nested.violations()));
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "both patterns answer within 2 s");
    }

    @Test
    void valuesLongerThanPatternsAreMatchedAgainstFailThePatternSayingWhy() throws Exception {
        var result = PropertyValidator.validate(patterned("(a|b)*"),
                json.createObjectNode().put("code", "ab".repeat(15_000)));
        assertEquals(List.of("properties.code:PATTERN_MISMATCH"), codes(result.violations()));
        assertTrue(result.violations().get(0).getMessage().startsWith("longer than 8192 characters"));
    }

    @Test
    void aPatternRe2CannotRunIsAViolationNotAnError() throws Exception {
        var lookAhead = PropertyValidator.validate(patterned("(?=a)a+"), json.createObjectNode().put("code", "aa"));
        var huge = PropertyValidator.validate(patterned("((a{100}){100}){100}"),
                json.createObjectNode().put("code", "a"));
        assertEquals(List.of("properties.code:UNUSABLE_PATTERN"), codes(lookAhead.violations()));
        assertEquals(List.of("properties.code:UNUSABLE_PATTERN"), codes(huge.violations()));
        assertTrue(lookAhead.violations().get(0).getMessage().contains("not a supported pattern"),
                lookAhead.violations().get(0).getMessage());
    }
}
