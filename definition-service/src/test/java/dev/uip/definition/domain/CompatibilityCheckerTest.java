package dev.uip.definition.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CompatibilityCheckerTest {

    static PropertySpec req(String name, PropertyType type) {
        return PropertySpec.of(name, type, true);
    }

    static PropertySpec opt(String name, PropertyType type) {
        return PropertySpec.of(name, type, false);
    }

    static List<String> check(List<PropertySpec> before, List<PropertySpec> after) {
        return CompatibilityChecker.check(before, after);
    }

    @Test
    void typeChangesBreakExceptWidening() {
        assertEquals(List.of("property 'rows' changed from integer to string: consumers reading 'rows' as a string"
                + " would fail on the integer values of events recorded before this version"),
                check(List.of(req("rows", PropertyType.INTEGER)), List.of(req("rows", PropertyType.STRING))));
        assertEquals(List.of(), check(List.of(req("rows", PropertyType.INTEGER)),
                List.of(req("rows", PropertyType.NUMBER))));
        assertEquals(1, check(List.of(req("n", PropertyType.NUMBER)), List.of(req("n", PropertyType.INTEGER)))
                .size());
        assertEquals(1, check(List.of(req("at", PropertyType.DATETIME)), List.of(req("at", PropertyType.INTEGER)))
                .size());
    }

    @Test
    void addingARequiredPropertyBreaksAndAnOptionalOneDoesNot() {
        assertEquals(List.of("new required property 'plan' has no default: events recorded before this version do"
                + " not have it"), check(List.of(), List.of(req("plan", PropertyType.STRING))));
        assertEquals(List.of(), check(List.of(), List.of(opt("plan", PropertyType.STRING))));
    }

    @Test
    void removingAPropertyOrRelaxingRequiredIsCompatible() {
        assertEquals(List.of(), check(List.of(req("a", PropertyType.STRING), req("b", PropertyType.STRING)),
                List.of(req("a", PropertyType.STRING))));
        assertEquals(List.of(), check(List.of(req("a", PropertyType.STRING)), List.of(opt("a",
                PropertyType.STRING))));
        assertEquals(List.of("property 'a' became required: events recorded before this version may not have it"),
                check(List.of(opt("a", PropertyType.STRING)), List.of(req("a", PropertyType.STRING))));
    }

    @Test
    void enumValuesMayGrowButNotShrink() {
        PropertySpec two = req("plan", PropertyType.ENUM).withAllowedValues(List.of("free", "pro"));
        PropertySpec three = req("plan", PropertyType.ENUM).withAllowedValues(List.of("free", "pro", "team"));
        assertEquals(List.of(), check(List.of(two), List.of(three)));
        assertEquals(List.of("property 'plan' no longer allows 'team': events recorded with that value before this"
                + " version would not be valid"), check(List.of(three), List.of(two)));
        // A plain string that becomes an enum now limits values it did not limit before.
        assertEquals(1, check(List.of(req("plan", PropertyType.STRING)), List.of(two)).size());
        assertEquals(List.of(), check(List.of(two), List.of(req("plan", PropertyType.STRING))));
    }

    @Test
    void tighterConstraintsBreakAndLooserOnesDoNot() {
        PropertySpec seats = req("seats", PropertyType.INTEGER).withRange(1.0, 100.0);
        assertEquals(List.of(), check(List.of(seats), List.of(seats.withRange(0.0, 1000.0))));
        List<String> reasons = check(List.of(seats), List.of(seats.withRange(5.0, 50.0)));
        assertEquals(2, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).startsWith("property 'seats' has a higher minimum 5 (was 1)"), reasons.get(0));
        assertTrue(reasons.get(1).startsWith("property 'seats' has a lower maximum 50 (was 100)"), reasons.get(1));
        PropertySpec code = req("code", PropertyType.STRING).withText(null, 10);
        assertEquals(1, check(List.of(code), List.of(code.withText(null, 5))).size());
        assertEquals(List.of(), check(List.of(code), List.of(code.withText(null, 20))));
        assertEquals(1, check(List.of(code), List.of(code.withText("[a-z]+", 10))).size());
    }

    @Test
    void nestedChangesNameTheirPath() {
        PropertySpec before = req("address", PropertyType.OBJECT).withProperties(List.of(req("city",
                PropertyType.STRING)));
        PropertySpec after = req("address", PropertyType.OBJECT).withProperties(List.of(req("city",
                PropertyType.STRING), req("zip", PropertyType.STRING)));
        assertEquals(List.of("new required property 'address.zip' has no default: events recorded before this"
                + " version do not have it"), check(List.of(before), List.of(after)));
        PropertySpec ints = req("ids", PropertyType.ARRAY).withItems(req(null, PropertyType.INTEGER));
        PropertySpec strings = req("ids", PropertyType.ARRAY).withItems(req(null, PropertyType.STRING));
        assertTrue(check(List.of(ints), List.of(strings)).get(0).startsWith("property 'ids[]' changed from"));
    }
}
