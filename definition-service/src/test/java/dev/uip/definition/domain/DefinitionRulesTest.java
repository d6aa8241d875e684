package dev.uip.definition.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class DefinitionRulesTest {

    static PropertySpec prop(String name, PropertyType type) {
        return PropertySpec.of(name, type, true);
    }

    static String fieldOf(PropertySpec... properties) {
        DefinitionSpec spec = new DefinitionSpec("Signup", null, null, null, false, null, null, null,
                List.of(properties));
        return assertThrows(InvalidDefinitionException.class, () -> DefinitionRules.check(spec)).field();
    }

    @Test
    void namesAndDuplicatesAreRefusedWithTheirPath() {
        assertEquals("properties[1].name", fieldOf(prop("ok", PropertyType.STRING), prop("has space",
                PropertyType.STRING)));
        assertEquals("properties[1].name", fieldOf(prop("a", PropertyType.STRING), prop("a", PropertyType.NUMBER)));
        assertEquals("properties[0].type", fieldOf(prop("a", null)));
        var e = assertThrows(InvalidDefinitionException.class, () -> DefinitionRules.check(" ", List.of()));
        assertEquals("name", e.field());
    }

    @Test
    void constraintsMustFitTheType() {
        assertEquals("properties[0].pattern", fieldOf(prop("a", PropertyType.STRING).withText("([a-z", null)));
        assertEquals("properties[0].pattern", fieldOf(prop("a", PropertyType.INTEGER).withText("x", null)));
        assertEquals("properties[0].minimum", fieldOf(prop("a", PropertyType.INTEGER).withRange(5.0, 1.0)));
        assertEquals("properties[0].minimum", fieldOf(prop("a", PropertyType.STRING).withRange(5.0, null)));
        assertEquals("properties[0].maxLength", fieldOf(prop("a", PropertyType.STRING).withText(null, 0)));
        assertEquals("properties[0].allowedValues", fieldOf(prop("a", PropertyType.ENUM)));
        assertEquals("properties[0].allowedValues[1]",
                fieldOf(prop("a", PropertyType.ENUM).withAllowedValues(List.of("x", "x"))));
        assertEquals("properties[0].allowedValues", fieldOf(prop("a", PropertyType.BOOLEAN)
                .withAllowedValues(List.of("x"))));
        assertDoesNotThrow(() -> DefinitionRules.check(new DefinitionSpec("Ok", null, null, null, false, null, null,
                null, List.of(prop("a", PropertyType.STRING).withText("^[a-z]+$", 10).withAllowedValues(List.of(
                        "ab"))))));
    }

    @Test
    void nestedPropertiesAreCheckedWithTheirFullPath() {
        assertEquals("properties[0].items", fieldOf(prop("list", PropertyType.ARRAY)));
        assertEquals("properties[0].properties", fieldOf(prop("obj", PropertyType.OBJECT)));
        assertEquals("properties[0].items.properties[1].pattern", fieldOf(prop("list", PropertyType.ARRAY)
                .withItems(prop(null, PropertyType.OBJECT).withProperties(List.of(prop("a", PropertyType.STRING),
                        prop("b", PropertyType.STRING).withText("*", null))))));
        assertEquals("properties[0].items", fieldOf(prop("s", PropertyType.STRING).withItems(prop(null,
                PropertyType.STRING))));
    }

    @Test
    void objectsAndArraysNestAtMostFiveLevels() {
        PropertySpec leaf = prop("leaf", PropertyType.STRING);
        PropertySpec objects = leaf;
        PropertySpec arrays = prop(null, PropertyType.STRING);
        for (int level = 0; level < 4; level++) {
            objects = prop("o", PropertyType.OBJECT).withProperties(List.of(objects));
            arrays = prop("a", PropertyType.ARRAY).withItems(arrays);
        }
        // Five levels: the leaf sits at depth 5.
        PropertySpec fiveObjects = objects;
        PropertySpec fiveArrays = arrays;
        assertDoesNotThrow(() -> DefinitionRules.check("Deep", List.of(fiveObjects, fiveArrays)));
        assertEquals("properties[0].properties[0].properties[0].properties[0].properties[0].properties",
                fieldOf(prop("o", PropertyType.OBJECT).withProperties(List.of(fiveObjects))));
        assertEquals("properties[0].items.items.items.items.items",
                fieldOf(prop("a", PropertyType.ARRAY).withItems(fiveArrays)));
    }

    @Test
    void metadataIsBounded() {
        var tags = new DefinitionSpec("A", null, null, null, false, null, List.of("ok", " padded"), null, List.of());
        assertEquals("tags[1]", assertThrows(InvalidDefinitionException.class, () -> DefinitionRules.check(tags))
                .field());
        var team = new DefinitionSpec("A", null, null, "x".repeat(201), false, null, null, null, List.of());
        assertEquals("ownerTeam", assertThrows(InvalidDefinitionException.class, () -> DefinitionRules.check(team))
                .field());
        var slash = new DefinitionSpec("a/b", null, null, null, false, null, null, null, List.of());
        assertEquals("name", assertThrows(InvalidDefinitionException.class, () -> DefinitionRules.check(slash))
                .field());
    }

    static InvalidDefinitionException refusal(PropertySpec... properties) {
        DefinitionSpec spec = new DefinitionSpec("Signup", null, null, null, false, null, null, null,
                List.of(properties));
        return assertThrows(InvalidDefinitionException.class, () -> DefinitionRules.check(spec));
    }

    static void accepted(PropertySpec... properties) {
        assertDoesNotThrow(() -> DefinitionRules.check(new DefinitionSpec("Ok", null, null, null, false, null, null,
                null, List.of(properties))));
    }

    @Test
    void patternsAreCheckedAsValidationRunsThem() {
        // Safe under RE2 (linear time): accepted, although java.util.regex backtracks on them.
        accepted(prop("a", PropertyType.STRING).withText("(a|b)*", null));
        accepted(prop("a", PropertyType.STRING).withText("(.*a){12}", null));
        accepted(prop("a", PropertyType.STRING).withText("^[\\p{L} ]{1,50}$", null));

        var lookAhead = refusal(prop("a", PropertyType.STRING).withText("(?=x)x", null));
        assertEquals("properties[0].pattern", lookAhead.field());
        assertTrue(lookAhead.getMessage().contains("RE2"), lookAhead.getMessage());
        assertEquals("properties[0].pattern", refusal(prop("a", PropertyType.STRING).withText("(a)\\1", null))
                .field());
        var huge = refusal(prop("a", PropertyType.STRING).withText("((a{1000}){1000}){1000}", null));
        assertEquals("properties[0].pattern", huge.field());
        assertTrue(huge.getMessage().contains("too large"), huge.getMessage());
        var longOne = refusal(prop("x", PropertyType.STRING), prop("a", PropertyType.STRING).withText("a".repeat(501),
                null));
        assertEquals("properties[1].pattern", longOne.field());
        assertTrue(longOne.getMessage().contains("at most 500"), longOne.getMessage());
        assertEquals("properties[0].pattern", refusal(prop("a", PropertyType.STRING).withText("", null)).field());
    }

    @Test
    void everyTenantValueIsBounded() {
        // Nesting cannot multiply the per-level bound: 5 objects of 250 properties each is too many in all.
        List<PropertySpec> many = new java.util.ArrayList<>();
        for (int i = 0; i < 250; i++) {
            many.add(prop("p" + i, PropertyType.STRING));
        }
        List<PropertySpec> objects = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            objects.add(prop("o" + i, PropertyType.OBJECT).withProperties(many));
        }
        var tooMany = assertThrows(InvalidDefinitionException.class, () -> DefinitionRules.check("Wide", objects));
        assertEquals("properties", tooMany.field());
        assertDoesNotThrow(() -> DefinitionRules.check("Wide", objects.subList(0, 3)));

        assertEquals("properties[0].allowedValues[1]", fieldOf(prop("a", PropertyType.ENUM)
                .withAllowedValues(List.of("ok", "x".repeat(501)))));
        assertEquals("properties[0].description", fieldOf(prop("a", PropertyType.STRING)
                .withDescription("bell\u0007")));
        assertEquals("properties[0].minimum", fieldOf(prop("a", PropertyType.NUMBER)
                .withRange(Double.NEGATIVE_INFINITY, null)));
        assertEquals("properties[0].maximum", fieldOf(prop("a", PropertyType.NUMBER).withRange(null, Double.NaN)));
        assertEquals("properties[0].name", fieldOf(prop("a".repeat(129), PropertyType.STRING)));
        assertEquals("properties[0].name", fieldOf(prop("9lives", PropertyType.STRING)));
        assertEquals("properties[0].name", fieldOf(prop("caf\u00e9", PropertyType.STRING)));
        accepted(prop("_" + "a".repeat(127), PropertyType.STRING));
        var description = new DefinitionSpec("A", null, "d".repeat(2001), null, false, null, null, null, List.of());
        assertEquals("description", assertThrows(InvalidDefinitionException.class,
                () -> DefinitionRules.check(description)).field());
        var name = new DefinitionSpec("n".repeat(201), null, null, null, false, null, null, null, List.of());
        assertEquals("name", assertThrows(InvalidDefinitionException.class, () -> DefinitionRules.check(name))
                .field());
        var tags = new DefinitionSpec("A", null, null, null, false, null, java.util.Collections.nCopies(21, "t"),
                null, List.of());
        assertEquals("tags", assertThrows(InvalidDefinitionException.class, () -> DefinitionRules.check(tags))
                .field());
    }
}
