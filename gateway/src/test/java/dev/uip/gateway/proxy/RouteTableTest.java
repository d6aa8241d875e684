package dev.uip.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The route table on its own: which service a path goes to, which paths stay with the gateway, bad tables refused. */
class RouteTableTest {

    private static final Map<String, String> URLS = Map.of("definition", "http://def:8082/", "audit",
            "http://audit:8084");
    private static final List<String> LOCAL = List.of("invitations", "members", "tokens");

    private final RouteTable table = new RouteTable(Map.of("definitions", "definition", "key-events", "definition",
            "audit", "audit"), URLS, LOCAL);

    @Test
    void routesByTheFirstSegmentAfterV1() {
        assertEquals(Optional.of(new RouteTable.Target("definition", "http://def:8082")),
                table.target("/api/v1/definitions/a/b"));
        assertEquals("definition", table.target("/api/v1/key-events").orElseThrow().service());
        assertEquals("audit", table.target("/api/v1/audit/acme").orElseThrow().service());
        for (String unknown : List.of("/api/v1/definition", "/api/v1/", "/api/v1", "/api/v2/audit", "/v1/audit",
                "/api/v1/members")) {
            assertTrue(table.target(unknown).isEmpty(), unknown);
        }
        assertTrue(table.routes("definition", "/v1/definitions/{name}"));
        assertFalse(table.routes("audit", "/v1/definitions/{name}"));
        assertFalse(table.routes("definition", "/v1/batch"));
    }

    @Test
    void itsPathPatternLeavesTheGatewaysOwnSegmentsAlone() {
        Pattern passedOn = Pattern.compile(table.passedOnPathRegex());
        for (String path : List.of("/api/v1/definitions", "/api/v1/x/y", "/api/v1/membership", "/api/v1/tokens-x")) {
            assertTrue(passedOn.matcher(path).matches(), path);
        }
        for (String path : List.of("/api/v1/members", "/api/v1/members/u1", "/api/v1/tokens", "/api/v1/invitations/i",
                "/api/v1/", "/api/status", "/api/openapi.json", "/q/health")) {
            assertFalse(passedOn.matcher(path).matches(), path);
        }
    }

    @Test
    void refusesATableItCouldNotServe() {
        IllegalStateException unknownService = assertThrows(IllegalStateException.class,
                () -> new RouteTable(Map.of("trends", "anomaly"), URLS, LOCAL));
        assertTrue(unknownService.getMessage().contains("'trends' goes to 'anomaly'"), unknownService.getMessage());
        IllegalStateException local = assertThrows(IllegalStateException.class,
                () -> new RouteTable(Map.of("members", "definition"), URLS, LOCAL));
        assertTrue(local.getMessage().contains("answered by the gateway itself"), local.getMessage());
        assertThrows(IllegalStateException.class, () -> new RouteTable(Map.of("Defs/x", "definition"), URLS, LOCAL));
    }
}
