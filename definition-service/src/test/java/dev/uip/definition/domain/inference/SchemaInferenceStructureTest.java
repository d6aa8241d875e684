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

/** Objects and arrays: nested inference, item types across all elements, conflicts inside, the depth limit. */
class SchemaInferenceStructureTest {

    @Test
    void nestedObjectsAreInferredRecursivelyWithTheirOwnRequiredFlags() {
        ProposedDefinition definition = only(inferEvent("""
                {"user": {"id": 1, "plan": "pro", "address": {"city": "Oslo"}}}""", """
                {"user": {"id": 2, "address": {"city": "Rome", "zip": "00100"}}}""", """
                {}"""));
        ProposedProperty user = property(definition, "user");
        assertEquals("object", user.type());
        assertFalse(user.required());
        assertEquals(2, user.seenIn());
        assertNull(user.items());
        ProposedProperty id = property(user.properties(), "id");
        assertEquals("integer", id.type());
        assertTrue(id.required(), "present in every user object seen");
        assertEquals(2, id.samples());
        assertFalse(property(user.properties(), "plan").required());
        ProposedProperty address = property(user.properties(), "address");
        assertEquals("object", address.type());
        assertTrue(property(address.properties(), "city").required());
        assertFalse(property(address.properties(), "zip").required());
        assertTrue(user.examples().isEmpty(), "no examples for objects");
    }

    @Test
    void arrayItemTypeComesFromAllElementsOfAllSamples() {
        InferenceResult result = inferEvent("{\"scores\": [1, 2]}", "{\"scores\": [3, 4.5]}", "{\"scores\": []}");
        ProposedProperty scores = property(only(result), "scores");
        assertEquals("array", scores.type());
        assertTrue(scores.required());
        assertEquals("number", scores.items().type());
        assertEquals(List.of(json("1"), json("2"), json("3")), scores.items().examples());
        assertTrue(result.conflicts().isEmpty());
        assertTrue(noteAt(only(result), "properties.scores[]").message().contains("proposed as number"));
    }

    @Test
    void mixedItemTypesAreAConflictAtTheItemPath() {
        InferenceResult result = inferEvent("{\"tags\": [\"a\", \"b\"]}", "{\"tags\": [\"c\", 7]}");
        ProposedProperty tags = property(only(result), "tags");
        assertEquals("array", tags.type());
        assertNull(tags.items().type());
        Conflict conflict = conflictAt(result, "properties.tags[]");
        assertEquals(List.of("string", "integer"), conflict.types().stream().map(Conflict.TypeSeen::type).toList());
        assertEquals(3, conflict.types().get(0).values());
        assertEquals(2, conflict.types().get(0).samples());
        assertEquals("'tags[]' is a string in 2 samples and an integer in 1 (e.g. sample 1: 7); "
                + "pick one type or fix the sender", conflict.message());
    }

    @Test
    void arraysOfObjectsInferTheObjectsAcrossAllElements() {
        InferenceResult result = inferEvent("""
                {"cart": {"items": [{"sku": "a", "price": 10}, {"sku": "b", "price": 2.5, "gift": true}]}}""", """
                {"cart": {"items": [{"sku": "c", "price": "free"}]}}""");
        ProposedProperty cart = property(only(result), "cart");
        ProposedProperty items = property(cart.properties(), "items");
        assertEquals("array", items.type());
        assertEquals("object", items.items().type());
        List<ProposedProperty> element = items.items().properties();
        assertEquals(List.of("sku", "price", "gift"), element.stream().map(ProposedProperty::name).toList());
        assertTrue(property(element, "sku").required());
        assertEquals(3, property(element, "sku").samples());
        assertFalse(property(element, "gift").required());
        assertNull(property(element, "price").type());
        Conflict conflict = conflictAt(result, "properties.cart.items[].price");
        assertEquals(List.of("number", "string"), conflict.types().stream().map(Conflict.TypeSeen::type).toList());
        assertTrue(conflict.message().startsWith("'cart.items[].price' is a number in 1 sample and a string in 1 "
                + "(e.g. sample 1: \"free\")"));
    }

    @Test
    void arraysOfArraysAndNullElements() {
        InferenceResult result = inferEvent("{\"grid\": [[1, 2], [3]]}", "{\"grid\": [[4], null]}");
        ProposedProperty grid = property(only(result), "grid");
        assertEquals("array", grid.items().type());
        assertEquals("integer", grid.items().items().type());
        assertTrue(noteAt(only(result), "properties.grid[]").message().contains("null elements in 1 sample"));
    }

    @Test
    void onlyEmptyArraysLeaveTheItemTypeOpen() {
        InferenceResult result = inferEvent("{\"tags\": []}", "{\"tags\": []}");
        ProposedProperty tags = property(only(result), "tags");
        assertEquals("array", tags.type());
        assertNull(tags.items());
        assertTrue(noteAt(only(result), "properties.tags").message().contains("empty array in every sample"));
    }

    @Test
    void anObjectInOneSampleAndAnArrayInAnotherIsAConflict() {
        InferenceResult result = inferEvent("{\"meta\": {\"a\": 1}}", "{\"meta\": [1]}");
        ProposedProperty meta = property(only(result), "meta");
        assertNull(meta.type());
        assertNull(meta.properties());
        assertNull(meta.items());
        assertEquals(List.of("object", "array"), conflictAt(result, "properties.meta").types().stream()
                .map(Conflict.TypeSeen::type).toList());
    }

    @Test
    void objectsBeyondTheDepthLimitKeepTheirTypeButNotTheirProperties() {
        InferenceResult result = inferEvent("""
                {"l1": {"l2": {"l3": {"l4": {"l5": {"l6": 1}, "leaf": true}}}}}""");
        ProposedProperty l4 = property(property(property(property(only(result), "l1").properties(), "l2")
                .properties(), "l3").properties(), "l4");
        assertEquals("boolean", property(l4.properties(), "leaf").type());
        ProposedProperty l5 = property(l4.properties(), "l5");
        assertEquals("object", l5.type());
        assertNull(l5.properties());
        assertEquals("'l1.l2.l3.l4.l5' is nested deeper than 5 levels; its inner structure was not inferred",
                noteAt(only(result), "properties.l1.l2.l3.l4.l5").message());
    }

    @Test
    void arraysCountAsALevelForTheDepthLimit() {
        InferenceResult result = inferEvent("{\"a\": [[[[[1]]]]]}");
        ProposedItems level = property(only(result), "a").items();
        for (int depth = 2; depth < 5; depth++) {
            assertEquals("array", level.type());
            level = level.items();
        }
        assertEquals("array", level.type());
        assertNull(level.items());
        assertTrue(noteAt(only(result), "properties.a[][][][]").message().contains("deeper than 5 levels"));
    }

    @Test
    void emptyObjectsAreObjectsWithNoProperties() {
        ProposedProperty meta = property(only(inferEvent("{\"meta\": {}}")), "meta");
        assertEquals("object", meta.type());
        assertEquals(List.of(), meta.properties());
    }
}
