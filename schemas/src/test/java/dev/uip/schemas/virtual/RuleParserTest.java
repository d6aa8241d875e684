package dev.uip.schemas.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Every refusal names the offending path and a code; every bound is enforced. */
class RuleParserTest {

    static final String LEAF = "{\"path\":\"properties.a\",\"op\":\"equals\",\"value\":\"x\"}";

    static InvalidVirtualRuleException refused(String rule) {
        return assertThrows(InvalidVirtualRuleException.class, () -> VirtualRule.parse(rule));
    }

    static void refused(String rule, String path, String code) {
        InvalidVirtualRuleException e = refused(rule);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(path, e.path(), e.getMessage());
    }

    static String page(String where) {
        return "{\"callTypes\":[\"page\"],\"where\":" + where + "}";
    }

    @Test
    void sourceIsRequiredAndConsistent() {
        refused("", "virtualRule", "MISSING_RULE");
        refused("[1]", "virtualRule", "MISSING_RULE");
        refused("{not json", "virtualRule", "INVALID_RULE_JSON");
        refused("{\"where\":" + LEAF + "}", "virtualRule", "MISSING_SOURCE");
        refused("{\"events\":[],\"callTypes\":[]}", "virtualRule", "MISSING_SOURCE");
        refused("{\"events\":[\"A\"],\"callTypes\":[\"page\"]}", "virtualRule.callTypes", "CONTRADICTORY_SOURCE");
        refused("{\"callTypes\":[\"click\"]}", "virtualRule.callTypes[0]", "INVALID_CALL_TYPE");
        refused("{\"events\":[\"A\", 3]}", "virtualRule.events[1]", "INVALID_EVENTS");
        refused("{\"events\":[\"A\"],\"extra\":1}", "virtualRule.extra", "UNKNOWN_FIELD");
        String events = IntStream.range(0, 51).mapToObj(i -> "\"E" + i + "\"").collect(Collectors.joining(","));
        refused("{\"events\":[" + events + "]}", "virtualRule.events", "INVALID_EVENTS");
    }

    @Test
    void conditionsAreChecked() {
        refused(page("{\"path\":\"properties.a\",\"op\":\"like\",\"value\":\"x\"}"), "virtualRule.where.op",
                "UNKNOWN_OPERATOR");
        refused(page("{\"path\":\"url\",\"op\":\"exists\"}"), "virtualRule.where.path", "INVALID_PATH");
        refused(page("{\"path\":\"properties\",\"op\":\"exists\"}"), "virtualRule.where.path", "INVALID_PATH");
        refused(page("{\"path\":\"properties..a\",\"op\":\"exists\"}"), "virtualRule.where.path", "INVALID_PATH");
        refused(page("{\"path\":\"properties." + "a.".repeat(10) + "b\",\"op\":\"exists\"}"),
                "virtualRule.where.path", "INVALID_PATH");
        refused(page("{\"op\":\"exists\"}"), "virtualRule.where.path", "INVALID_PATH");
        refused(page("{\"path\":\"properties.a\",\"op\":\"gt\",\"value\":\"5\"}"), "virtualRule.where.value",
                "INVALID_VALUE");
        refused(page("{\"path\":\"properties.a\",\"op\":\"contains\",\"value\":5}"), "virtualRule.where.value",
                "INVALID_VALUE");
        refused(page("{\"path\":\"properties.a\",\"op\":\"equals\",\"value\":null}"), "virtualRule.where.value",
                "INVALID_VALUE");
        refused(page("{\"path\":\"properties.a\",\"op\":\"equals\",\"value\":{\"b\":1}}"),
                "virtualRule.where.value", "INVALID_VALUE");
        refused(page("{\"path\":\"properties.a\",\"op\":\"exists\",\"value\":true}"), "virtualRule.where.value",
                "INVALID_VALUE");
        refused(page("{\"path\":\"properties.a\",\"op\":\"in\",\"values\":[]}"), "virtualRule.where.values",
                "INVALID_VALUE");
        refused(page("{\"path\":\"properties.a\",\"op\":\"in\",\"values\":[\"a\",[1]]}"),
                "virtualRule.where.values[1]", "INVALID_VALUE");
        refused(page("{\"path\":\"properties.a\",\"op\":\"equals\",\"value\":\"" + "v".repeat(1001) + "\"}"),
                "virtualRule.where.value", "VALUE_TOO_LONG");
        String many = String.join(",", Collections.nCopies(101, "1"));
        refused(page("{\"path\":\"properties.a\",\"op\":\"in\",\"values\":[" + many + "]}"),
                "virtualRule.where.values", "TOO_MANY_VALUES");
        refused(page("{\"and\":[]}"), "virtualRule.where.and", "EMPTY_GROUP");
        refused(page("{\"and\":[" + LEAF + "],\"or\":[" + LEAF + "]}"), "virtualRule.where.or", "UNKNOWN_FIELD");
        refused(page("[" + LEAF + "]"), "virtualRule.where", "INVALID_CONDITION");
        refused(page("{\"and\":[" + LEAF + ",{\"path\":\"properties.a\",\"op\":\"equals\",\"valu\":1}]}"),
                "virtualRule.where.and[1].valu", "UNKNOWN_FIELD");
    }

    @Test
    void regexGoesThroughTheSafeEngine() {
        // back-references and look-around are not RE2: refused with the reason, never run
        InvalidVirtualRuleException backReference = refused(page(
                "{\"path\":\"properties.a\",\"op\":\"regex\",\"value\":\"(a)\\\\1\"}"));
        assertEquals("INVALID_REGEX", backReference.code());
        assertEquals("virtualRule.where.value", backReference.path());
        assertTrue(backReference.getMessage().contains("RE2"), backReference.getMessage());
        refused(page("{\"path\":\"properties.a\",\"op\":\"regex\",\"value\":\"(?=a)b\"}"), "virtualRule.where.value",
                "INVALID_REGEX");
        // too large once counted repetitions are expanded
        refused(page("{\"path\":\"properties.a\",\"op\":\"regex\",\"value\":\"((a{100}){100}){100}\"}"),
                "virtualRule.where.value", "INVALID_REGEX");
        refused(page("{\"path\":\"properties.a\",\"op\":\"regex\",\"value\":\"" + "a".repeat(501) + "\"}"),
                "virtualRule.where.value", "INVALID_REGEX");
    }

    @Test
    void regexConditionsAreBoundedPerRule() {
        String regex = "{\"path\":\"properties.a\",\"op\":\"regex\",\"value\":\"a.*\"}";
        String five = String.join(",", Collections.nCopies(5, regex));
        VirtualRule.parse(page("{\"or\":[" + five + "," + LEAF + "]}"));
        refused(page("{\"or\":[" + five + "," + LEAF + "," + regex + "]}"), "virtualRule.where.or[6]",
                "TOO_MANY_REGEX_CONDITIONS");
    }

    @Test
    void depthIsBounded() {
        String four = "{\"and\":[{\"or\":[{\"and\":[{\"or\":[" + LEAF + "]}]}]}]}";
        VirtualRule.parse(page(four));
        String five = "{\"and\":[" + four + "]}";
        refused(page(five), "virtualRule.where.and[0].and[0].or[0].and[0]", "RULE_TOO_DEEP");
    }

    @Test
    void conditionCountIsBounded() {
        String fifty = String.join(",", Collections.nCopies(50, LEAF));
        VirtualRule.parse(page("{\"and\":[" + fifty + "]}"));
        refused(page("{\"and\":[" + fifty + "," + LEAF + "]}"), "virtualRule.where.and", "TOO_MANY_CONDITIONS");
        // spread over groups, the whole rule still counts
        String thirty = "{\"or\":[" + String.join(",", Collections.nCopies(30, LEAF)) + "]}";
        refused(page("{\"and\":[" + thirty + "," + thirty + "]}"), "virtualRule.where.and[1].or[20]",
                "TOO_MANY_CONDITIONS");
    }

    @Test
    void ruleSizeIsBounded() {
        String huge = "{\"callTypes\":[\"page\"],\"where\":" + LEAF + ",\"pad\":\"" + "x".repeat(20_001) + "\"}";
        refused(huge, "virtualRule", "RULE_TOO_LARGE");
    }
}
