package dev.uip.definition.domain.inference;

import static dev.uip.definition.domain.inference.Fixtures.conflictAt;
import static dev.uip.definition.domain.inference.Fixtures.inferEvent;
import static dev.uip.definition.domain.inference.Fixtures.json;
import static dev.uip.definition.domain.inference.Fixtures.noteAt;
import static dev.uip.definition.domain.inference.Fixtures.only;
import static dev.uip.definition.domain.inference.Fixtures.property;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Scalar types: every sample counts, widening within a family, conflicts across families, nulls, absence. */
class SchemaInferenceTypesTest {

    @Test
    void infersEachScalarType() {
        ProposedDefinition definition = only(inferEvent("""
                {"s": "pro", "i": 3, "n": 2.5, "b": true, "d": "2024-05-01T10:00:00Z"}""", """
                {"s": "free", "i": -7, "n": 0.1, "b": false, "d": "2024-05-02T11:30:00.123+02:00"}"""));
        assertEquals(List.of("s", "i", "n", "b", "d"), definition.properties().stream().map(ProposedProperty::name)
                .toList());
        assertEquals(List.of("string", "integer", "number", "boolean", "datetime"), definition.properties()
                .stream().map(ProposedProperty::type).toList());
        assertTrue(definition.properties().stream().allMatch(ProposedProperty::required));
        assertTrue(definition.notes().isEmpty());
        assertEquals(2, definition.samples());
    }

    @Test
    void wholeNumberFirstThenFractionsIsNumberWithANoteNotAConflict() {
        InferenceResult result = inferEvent("{\"amount\": 10}", "{\"amount\": 10.5}", "{\"amount\": 3.25}");
        ProposedProperty amount = property(only(result), "amount");
        assertEquals("number", amount.type());
        assertTrue(result.conflicts().isEmpty());
        assertEquals("'amount' has whole numbers in 1 sample and fractional ones in 2 samples; proposed as number",
                noteAt(only(result), "properties.amount").message());
    }

    @Test
    void stringFirstThenNumbersIsAConflictNotTheFirstType() {
        InferenceResult result = inferEvent("{\"rows\": \"5\"}", "{\"rows\": 12}", "{\"rows\": 40}");
        ProposedProperty rows = property(only(result), "rows");
        assertNull(rows.type());
        Conflict conflict = conflictAt(result, "properties.rows");
        assertEquals("E", conflict.event());
        assertEquals(List.of("integer", "string"), conflict.types().stream().map(Conflict.TypeSeen::type).toList());
        assertEquals(2, conflict.types().get(0).samples());
        assertEquals(List.of(1, 2), conflict.types().get(0).examples().stream().map(Conflict.Example::sample)
                .toList());
        assertEquals(new Conflict.Example(0, json("\"5\"")), conflict.types().get(1).examples().get(0));
        assertEquals("'rows' is an integer in 2 samples and a string in 1 (e.g. sample 0: \"5\"); "
                + "pick one type or fix the sender", conflict.message());
    }

    @Test
    void conflictCountsAndExamplesComeFromAllSamples() {
        String[] samples = new String[15];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = i == 4 || i == 9 || i == 11 ? "{\"rows\": \"12\"}" : "{\"rows\": 12.5}";
        }
        Conflict conflict = conflictAt(inferEvent(samples), "properties.rows");
        Conflict.TypeSeen number = conflict.types().get(0);
        Conflict.TypeSeen string = conflict.types().get(1);
        assertEquals(12, number.samples());
        assertEquals(3, number.examples().size());
        assertEquals(3, string.samples());
        assertEquals(List.of(4, 9, 11), string.examples().stream().map(Conflict.Example::sample).toList());
        assertEquals("'rows' is a number in 12 samples and a string in 3 (e.g. sample 4: \"12\"); "
                + "pick one type or fix the sender", conflict.message());
    }

    @Test
    void threeFamiliesAreListedMostFrequentFirst() {
        Conflict conflict = conflictAt(inferEvent("{\"x\": true}", "{\"x\": 1}", "{\"x\": 2}", "{\"x\": \"a\"}",
                "{\"x\": 3}"), "properties.x");
        assertEquals(List.of("integer", "boolean", "string"), conflict.types().stream().map(Conflict.TypeSeen::type)
                .toList());
        assertEquals("'x' is an integer in 3 samples, a boolean in 1 (e.g. sample 0: true) and a string in 1 "
                + "(e.g. sample 3: \"a\"); pick one type or fix the sender", conflict.message());
    }

    @Test
    void dateTimesInEverySampleAreDatetimeButMixedWithTextAreString() {
        ProposedDefinition all = only(inferEvent("{\"at\": \"2024-05-01T10:00:00Z\"}",
                "{\"at\": \"2024-05-01T10:00:00+01:00\"}"));
        assertEquals("datetime", property(all, "at").type());

        InferenceResult mixed = inferEvent("{\"at\": \"2024-05-01T10:00:00Z\"}", "{\"at\": \"yesterday\"}");
        assertEquals("string", property(only(mixed), "at").type());
        assertTrue(mixed.conflicts().isEmpty());
        assertEquals("'at' is an ISO-8601 date-time in 1 sample but other text in 1 sample "
                + "(e.g. sample 1: \"yesterday\"); proposed as string",
                noteAt(only(mixed), "properties.at")
                        .message());
    }

    @Test
    void dateOnlyAndLocalTimesAreNotDateTimes() {
        assertFalse(ValueKind.isDateTime("2024-05-01"));
        assertFalse(ValueKind.isDateTime("2024-05-01T10:00:00"));
        assertFalse(ValueKind.isDateTime("2024-13-01T10:00:00Z"));
        assertTrue(ValueKind.isDateTime("2024-05-01T10:00:00.5-05:00"));
        assertEquals("string", property(only(inferEvent("{\"day\": \"2024-05-01\"}")), "day").type());
    }

    @Test
    void nullsMakeAPropertyOptionalWithoutChangingItsType() {
        ProposedProperty plan = property(only(inferEvent("{\"plan\": null}", "{\"plan\": \"pro\"}",
                "{\"plan\": null}")), "plan");
        assertEquals("string", plan.type());
        assertFalse(plan.required());
        assertEquals(1, plan.seenIn());
        assertEquals(2, plan.nullIn());
        assertEquals(3, plan.samples());
    }

    @Test
    void absentInSomeSamplesIsOptionalAndPresentInAllIsRequired() {
        ProposedDefinition definition = only(inferEvent("{\"a\": 1, \"b\": true}", "{\"a\": 2}", "{}"));
        ProposedProperty a = property(definition, "a");
        ProposedProperty b = property(definition, "b");
        assertFalse(a.required());
        assertEquals(2, a.seenIn());
        assertFalse(b.required());
        assertEquals(1, b.seenIn());
        assertEquals(3, b.samples());
        assertTrue(property(only(inferEvent("{\"a\": 1}", "{\"a\": 2}")), "a").required());
    }

    @Test
    void onlyNullsLeavesTheTypeOpenWithANote() {
        InferenceResult result = inferEvent("{\"coupon\": null}", "{\"coupon\": null}");
        ProposedProperty coupon = property(only(result), "coupon");
        assertNull(coupon.type());
        assertFalse(coupon.required());
        assertTrue(result.conflicts().isEmpty());
        assertTrue(noteAt(only(result), "properties.coupon").message().contains("null in every sample"));
    }

    @Test
    void integersBeyondALongAreNumbers() {
        assertEquals("number", property(only(inferEvent("{\"big\": 123456789012345678901234567890}")), "big")
                .type());
    }

    @Test
    void examplesAreDistinctAtMostThreeAndShortened() {
        String longText = "x".repeat(60);
        ProposedProperty s = property(only(inferEvent("{\"s\": \"a\"}", "{\"s\": \"a\"}", "{\"s\": \"b\"}",
                "{\"s\": \"" + longText + "\"}", "{\"s\": \"c\"}")), "s");
        assertEquals(List.of(json("\"a\""), json("\"b\""), json("\"" + "x".repeat(40) + "...\"")), s.examples());
    }

    @Test
    void aProposalHasTheShapeOfACreateRequestAndIsADraft() {
        ProposedDefinition definition = only(inferEvent("{\"a\": 1}"));
        assertEquals("E", definition.name());
        assertNull(definition.description());
        assertEquals("draft", definition.status());
        assertNull(property(definition, "a").description());
    }
}
