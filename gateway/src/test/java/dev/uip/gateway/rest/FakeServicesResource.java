package dev.uip.gateway.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Real HTTP endpoints standing in for the platform's services: one ready, one not ready, one too slow to answer, and
 * one address where nothing listens.
 */
public class FakeServicesResource implements QuarkusTestResourceLifecycleManager {

    static final long SLOW_MS = 5000;

    private HttpServer server;
    private ExecutorService threads;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/ready/q/health/ready",
                exchange -> answer(exchange, 200, "{\"status\":\"UP\",\"checks\":[]}"));
        server.createContext("/unready/q/health/ready", exchange -> answer(exchange, 503, """
                {"status":"DOWN","checks":[{"name":"Kafka connection health check","status":"UP"},
                {"name":"schema-registry","status":"DOWN"}]}"""));
        server.createContext("/slow/q/health/ready", exchange -> {
            try {
                Thread.sleep(SLOW_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "{\"status\":\"UP\",\"checks\":[]}");
        });
        threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "uip.gateway.services.ingest.url", base + "/ready",
                "uip.gateway.services.definition.url", base + "/unready",
                "uip.gateway.services.anomaly.url", base + "/slow",
                "uip.gateway.services.audit.url", "http://127.0.0.1:" + closedPort(),
                "smallrye.jwt.sign.key.location", dev.uip.stack.TestTokens.privateKeyLocation());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
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
