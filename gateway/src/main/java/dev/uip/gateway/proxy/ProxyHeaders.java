package dev.uip.gateway.proxy;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.vertx.core.MultiMap;

/**
 * Which headers cross the gateway: a call takes only its content headers to the service (never the caller's
 * Authorization, Cookie or any header a service could mistake for identity); an answer brings back its content
 * headers, with a {@code Location} into the service rewritten to the gateway's {@code /api} path.
 */
final class ProxyHeaders {

    private static final List<String> TO_SERVICE = List.of("Content-Type", "Content-Encoding", "Content-Language",
            "Accept", "Accept-Language", "If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since");
    private static final List<String> TO_CALLER = List.of("Content-Type", "Content-Encoding", "Content-Language",
            "Content-Disposition", "Cache-Control", "ETag", "Last-Modified", "Retry-After", "Allow", "Vary");
    private static final Set<String> LOCATION = Set.of("location");

    private ProxyHeaders() {
    }

    /** The headers of a call to a service: the caller's content headers and the service token. */
    static MultiMap toService(MultiMap callerHeaders, String serviceToken) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (String name : TO_SERVICE) {
            List<String> values = callerHeaders.getAll(name);
            if (!values.isEmpty()) {
                headers.add(name, values);
            }
        }
        headers.set("Authorization", "Bearer " + serviceToken);
        return headers;
    }

    /** The headers of the service's answer that go back to the caller. */
    static MultiMap toCaller(MultiMap serviceHeaders) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (String name : TO_CALLER) {
            List<String> values = serviceHeaders.getAll(name);
            if (!values.isEmpty()) {
                headers.add(name, values);
            }
        }
        for (String name : LOCATION) {
            String location = serviceHeaders.get(name);
            if (location != null) {
                headers.set("Location", location(location));
            }
        }
        return headers;
    }

    /** A service's {@code Location} (absolute or not) as the gateway's path: {@code /v1/x} becomes {@code /api/v1/x}. */
    static String location(String serviceLocation) {
        try {
            URI uri = URI.create(serviceLocation);
            String path = uri.getRawPath();
            if (path == null || !path.toLowerCase(Locale.ROOT).startsWith("/v1/")) {
                return serviceLocation;
            }
            return RouteTable.API_PREFIX + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException notAUri) {
            return serviceLocation;
        }
    }
}
