package dev.uip.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.vertx.core.MultiMap;

/** The headers that cross the gateway, both ways, on their own. */
class ProxyHeadersTest {

    @Test
    void takesOnlyContentHeadersToTheServiceAndTheServiceTokenAsItsOnlyCredential() {
        MultiMap caller = MultiMap.caseInsensitiveMultiMap()
                .add("authorization", "Bearer uipm_secret").add("Cookie", "uip_session=s")
                .add("X-CSRF-Token", "c").add("X-UIP-Workspace", "other").add("Host", "gateway")
                .add("content-type", "application/json").add("Accept", "application/json").add("Accept", "text/plain");

        MultiMap sent = ProxyHeaders.toService(caller, "jwt");

        assertEquals(List.of("Bearer jwt"), sent.getAll("Authorization"));
        assertEquals("application/json", sent.get("Content-Type"));
        assertEquals(List.of("application/json", "text/plain"), sent.getAll("Accept"));
        for (String gone : List.of("Cookie", "X-CSRF-Token", "X-UIP-Workspace", "Host")) {
            assertNull(sent.get(gone), gone);
        }
    }

    @Test
    void rewritesALocationIntoTheServiceToTheGatewaysPath() {
        assertEquals("/api/v1/definitions/Order%20Completed?v=2",
                ProxyHeaders.location("http://127.0.0.1:8082/v1/definitions/Order%20Completed?v=2"));
        assertEquals("/api/v1/workspaces/acme", ProxyHeaders.location("/v1/workspaces/acme"));
        assertEquals("https://elsewhere.example/docs", ProxyHeaders.location("https://elsewhere.example/docs"));
        assertEquals("not a uri ^", ProxyHeaders.location("not a uri ^"));
        MultiMap back = ProxyHeaders.toCaller(MultiMap.caseInsensitiveMultiMap().add("location", "/v1/rules/x")
                .add("Set-Cookie", "internal=1").add("Content-Type", "application/json"));
        assertEquals("/api/v1/rules/x", back.get("Location"));
        assertNull(back.get("Set-Cookie"));
        assertEquals("application/json", back.get("Content-Type"));
    }
}
