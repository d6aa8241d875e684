package dev.uip.gateway.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.uip.stack.TestTokens;

/**
 * Real HTTP servers standing in for the services behind the gateway, on service names of their own ({@code stub-*}):
 * each answers a call with what it received (method, path with query, headers, body) as JSON, counts the calls it
 * got ({@code GET <base>/count}) and serves an OpenAPI document. Some paths answer differently: {@code .../created}
 * 201 with a Location, {@code .../teapot} 418, {@code .../slow} only after {@value #SLOW_MS} ms. stub-audit has
 * nothing listening, so calls to it fail.
 */
public class StubServicesResource implements QuarkusTestResourceLifecycleManager {

    public static final long SLOW_MS = 4000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private ExecutorService threads;
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        service("definition");
        service("anomaly");
        service("ingest");
        threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, String> config = new HashMap<>();
        config.put("uip.gateway.services.stub-definition.url", base + "/definition");
        config.put("uip.gateway.services.stub-anomaly.url", base + "/anomaly");
        config.put("uip.gateway.services.stub-ingest.url", base + "/ingest");
        config.put("uip.gateway.services.stub-audit.url", "http://127.0.0.1:" + closedPort());
        config.put("uip.test.stub-base", base);
        config.put("smallrye.jwt.sign.key.location", TestTokens.privateKeyLocation());
        return config;
    }

    private void service(String name) {
        server.createContext("/" + name + "/v1/", exchange -> received(name, exchange));
        server.createContext("/" + name + "/q/openapi", exchange -> {
            if (name.equals("anomaly")) {
                slowly();
            }
            answer(exchange, 200, StubDocuments.document(name), Map.of());
        });
        server.createContext("/" + name + "/count", exchange -> answer(exchange, 200, String.valueOf(calls.get()),
                Map.of()));
    }

    private void received(String service, HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        ObjectNode echo = JSON.createObjectNode();
        echo.put("service", service);
        echo.put("method", exchange.getRequestMethod());
        echo.put("uri", exchange.getRequestURI().getRawPath().substring(service.length() + 1)
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        ObjectNode headers = echo.putObject("headers");
        new TreeMap<>(exchange.getRequestHeaders()).forEach((name, values) -> {
            var array = headers.putArray(name.toLowerCase(java.util.Locale.ROOT));
            values.forEach(array::add);
        });
        try (InputStream in = exchange.getRequestBody()) {
            echo.put("body", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        String path = exchange.getRequestURI().getPath();
        if (path.endsWith("/slow")) {
            slowly();
        }
        if (path.endsWith("/created")) {
            answer(exchange, 201, echo.toString(), Map.of("Location", "http://127.0.0.1:"
                    + server.getAddress().getPort() + "/v1/definitions/created", "X-Internal", "secret"));
        } else if (path.endsWith("/teapot")) {
            answer(exchange, 418, "{\"code\":\"TEAPOT\",\"message\":\"short and stout\"}", Map.of());
        } else {
            answer(exchange, 200, echo.toString(), Map.of("ETag", "\"v1\""));
        }
    }

    private static void slowly() {
        try {
            Thread.sleep(SLOW_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    private static void answer(HttpExchange exchange, int status, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A port that was free a moment ago and has nothing listening on it now. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
