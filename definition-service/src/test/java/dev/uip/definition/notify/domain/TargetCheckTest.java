package dev.uip.definition.notify.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What the production setting (https only, no private targets) accepts, with a fixed name table. */
class TargetCheckTest {

    private static final Map<String, String> DNS = Map.of("hooks.example.com", "93.184.216.34",
            "internal.example.com", "10.1.2.3", "rebind.example.com", "169.254.169.254", "v6.example.com",
            "fd00::1", "cgnat.example.com", "100.64.0.7");

    private final TargetCheck production = new TargetCheck(false, false, 2048, 20, TargetCheckTest::resolve);
    private final TargetCheck local = new TargetCheck(true, true, 2048, 20, TargetCheckTest::resolve);

    @Test
    void productionAcceptsPublicHttpsOnly() {
        assertEquals("https://hooks.example.com/…",
                TargetCheck.mask(production.url("url", "https://hooks.example.com/services/T0KEN?x=1")));
        refused("http://hooks.example.com/x", "must be an https URL");
        refused("https://127.0.0.1/x", "local or private");
        refused("https://localhost/x", "local or private");
        refused("https://internal.example.com/x", "local or private");
        refused("https://rebind.example.com/x", "local or private");
        refused("https://[::1]/x", "local or private");
        refused("https://v6.example.com/x", "local or private");
        refused("https://cgnat.example.com/x", "local or private");
        refused("https://nowhere.example.com/x", "does not resolve");
        refused("https://user:pw@hooks.example.com/x", "credentials");
        refused("https://hooks.example.com/" + "a".repeat(2048), "longer than 2048");
        refused("gopher://hooks.example.com/x", "https");
    }

    @Test
    void developmentAcceptsLocalHttp() {
        assertEquals("http://127.0.0.1:8099/…", TargetCheck.mask(local.url("url", "http://127.0.0.1:8099/hook")));
        assertDoesNotThrow(() -> local.reachable("url", URI.create("http://10.0.0.1/x")));
    }

    @Test
    void recipientsAreCheckedAndBounded() {
        assertEquals(List.of("a@example.com", "b@example.org"),
                production.recipients("recipients", List.of(" a@example.com", "b@example.org", "a@example.com")));
        assertThrows(InvalidNotifyRequestException.class,
                () -> production.recipients("recipients", List.of("a@example.com", "nope")));
        assertThrows(InvalidNotifyRequestException.class,
                () -> production.recipients("recipients", List.of("a@b@example.com")));
        assertThrows(InvalidNotifyRequestException.class,
                () -> production.recipients("recipients", Collections.nCopies(21, "a@example.com")));
    }

    private void refused(String url, String message) {
        InvalidNotifyRequestException e = assertThrows(InvalidNotifyRequestException.class,
                () -> production.url("url", url));
        assertEquals("url", e.field());
        assertEquals(true, e.getMessage().contains(message), e.getMessage());
    }

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        if (host.equals("localhost")) {
            return new InetAddress[]{InetAddress.getLoopbackAddress()};
        }
        String address = DNS.get(host);
        if (address == null) {
            if (Character.isDigit(host.charAt(0)) || host.startsWith("[") || host.contains(":")) {
                return InetAddress.getAllByName(host);
            }
            throw new UnknownHostException(host);
        }
        return new InetAddress[]{InetAddress.getByName(address)};
    }
}
