package dev.uip.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The merge of OpenAPI documents on its own: renames, shared components, and the gateway's document untouched. */
class OpenApiMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpenApiMerger merger = new OpenApiMerger((service, path) -> path.startsWith("/v1/" + service));

    @Test
    void sharesAnEqualComponentAndRenamesADifferentOneWithTheReferencesInsideComponents() throws Exception {
        ObjectNode gateway = doc("""
                {"openapi":"3.1.0","info":{"title":"gw"},"paths":{},
                 "components":{"schemas":{"Page":{"type":"object"},"Error":{"type":"string"}}}}""");
        ObjectNode service = doc("""
                {"paths":{"/v1/a/x":{"get":{"responses":{"200":{"content":{"application/json":
                   {"schema":{"$ref":"#/components/schemas/List"}}}}}}}},
                 "components":{"schemas":{"Page":{"type":"object"},"Error":{"type":"object"},
                   "List":{"type":"array","items":{"$ref":"#/components/schemas/Error"}}}}}""");

        ObjectNode merged = merger.merge(gateway, List.of(ServiceDocument.of("a", service)));

        ObjectNode schemas = (ObjectNode) merged.at("/components/schemas");
        assertEquals(List.of("Page", "Error", "a_Error", "List"), List.copyOf(iterable(schemas.fieldNames())));
        assertEquals("#/components/schemas/a_Error", merged.at("/components/schemas/List/items/$ref").asText());
        assertEquals("#/components/schemas/List",
                merged.at("/paths/~1api~1v1~1a~1x/get/responses/200/content/application~1json/schema/$ref").asText());
        assertFalse(gateway.at("/components/schemas").has("a_Error"), "the gateway's document is not changed");
    }

    @Test
    void leavesOutPathsTheGatewayDoesNotPassOnAndNamesMissingServices() throws Exception {
        ObjectNode service = doc("""
                {"paths":{"/v1/a":{"get":{}},"/v1/b":{"get":{}},"/q/health":{"get":{}}}}""");

        ObjectNode merged = merger.merge(doc("{\"paths\":{}}"), List.of(ServiceDocument.of("a", service),
                ServiceDocument.missing("b", "HTTP 503")));

        assertEquals(List.of("/api/v1/a"), List.copyOf(iterable(merged.at("/paths").fieldNames())));
        assertEquals(List.of("/v1/b", "/q/health"), JSON.convertValue(merged.at("/x-uip-not-passed-on/a"),
                List.class), "what the gateway does not pass on is listed, per service");
        assertTrue(merged.at("/info/description").asText().endsWith("Missing (no document from the service): "
                + "b (HTTP 503)."), merged.at("/info/description").asText());
    }

    private static ObjectNode doc(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
