package dev.uip.definition.suggestion.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.definition.domain.inference.Conflict;
import dev.uip.definition.domain.inference.InferenceResult;
import dev.uip.definition.domain.inference.ProposedDefinition;
import dev.uip.definition.domain.inference.ProposedProperty;
import dev.uip.definition.domain.inference.SchemaInference;

/** Types chosen by the paths that conflicts report, at the top, nested in objects and in array elements. */
class TypeOverridesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void setsTypesAtConflictPaths() throws Exception {
        InferenceResult result = new SchemaInference().infer(JSON.readTree("""
                [{"event": "E", "properties": {"rows": 1, "cart": {"items": [{"price": 1}]}, "tags": ["a"]}},
                 {"event": "E", "properties": {"rows": "x", "cart": {"items": [{"price": "2"}]}, "tags": [3]}}]"""));
        assertEquals(List.of("properties.rows", "properties.cart.items[].price", "properties.tags[]"),
                result.conflicts().stream().map(Conflict::path).toList());
        ProposedDefinition chosen = TypeOverrides.apply(result.definitions().get(0), Map.of("properties.rows",
                "string", "properties.cart.items[].price", "NUMBER", "properties.tags[]", "string"));
        ProposedProperty rows = chosen.properties().get(0);
        assertEquals("string", rows.type());
        assertEquals("number", chosen.properties().get(1).properties().get(0).items().properties().get(0).type());
        assertEquals("string", chosen.properties().get(2).items().type());
        // Valid as a definition now: every path has a type.
        chosen.spec();
    }

    @Test
    void aScalarTypeDropsWhatWasInferredBelow() throws Exception {
        ProposedDefinition proposal = proposal("{\"cart\": {\"id\": 1}}");
        ProposedProperty cart = TypeOverrides.apply(proposal, Map.of("properties.cart", "string")).properties()
                .get(0);
        assertEquals("string", cart.type());
        assertNull(cart.properties());
    }

    @Test
    void refusesUnknownPathsTypesAndTooMany() throws Exception {
        ProposedDefinition proposal = proposal("{\"rows\": 1, \"tags\": [1]}");
        assertThrows(InvalidSuggestionRequestException.class,
                () -> TypeOverrides.apply(proposal, Map.of("properties.nope", "string")));
        assertThrows(InvalidSuggestionRequestException.class,
                () -> TypeOverrides.apply(proposal, Map.of("rows", "string")));
        assertThrows(InvalidSuggestionRequestException.class,
                () -> TypeOverrides.apply(proposal, Map.of("properties.rows", "colour")));
        assertThrows(InvalidSuggestionRequestException.class,
                () -> TypeOverrides.apply(proposal, Map.of("properties.rows[]", "string")));
        assertThrows(InvalidSuggestionRequestException.class,
                () -> TypeOverrides.apply(proposal, Map.of("properties.", "string")));
        Map<String, String> many = new java.util.HashMap<>();
        for (int i = 0; i <= TypeOverrides.MAX_OVERRIDES; i++) {
            many.put("properties.p" + i, "string");
        }
        assertThrows(InvalidSuggestionRequestException.class, () -> TypeOverrides.apply(proposal, many));
        assertEquals(proposal, TypeOverrides.apply(proposal, Map.of()));
    }

    private static ProposedDefinition proposal(String properties) throws Exception {
        JsonNode body = JSON.readTree("[{\"event\": \"E\", \"properties\": " + properties + "}]");
        return new SchemaInference().infer(body).definitions().get(0);
    }
}
