package dev.uip.gateway.account;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.json.JsonObject;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP endpoint standing in for definition-service's {@code POST /v1/workspaces}: records every call (body and
 * Authorization header) and answers 201, or 409 for an id that starts with {@value #TAKEN_PREFIX} (a workspace that
 * exists there already).
 */
public class DefinitionStub implements QuarkusTestResourceLifecycleManager {

    /** Workspace ids that definition-service answers 409 for. */
    public static final String TAKEN_PREFIX = "taken-";

    /** One call to create a workspace. */
    public record Call(JsonObject body, String authorization) {
    }

    /** Every call so far, in order. */
    public static final List<Call> CALLS = new CopyOnWriteArrayList<>();

    private HttpServer server;
    private ExecutorService threads;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/workspaces", exchange -> {
            JsonObject body = new JsonObject(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            CALLS.add(new Call(body, exchange.getRequestHeaders().getFirst("Authorization")));
            if (body.getString("id", "").startsWith(TAKEN_PREFIX)) {
                answer(exchange, 409, "{\"code\":\"WORKSPACE_CONFLICT\",\"message\":\"exists\"}");
            } else {
                answer(exchange, 201, body.encode());
            }
        });
        threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.start();
        return Map.of("uip.gateway.services.definition.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    /** The last call that created {@code workspace}, or null. */
    public static Call lastFor(String workspace) {
        Call found = null;
        for (Call call : CALLS) {
            if (workspace.equals(call.body().getString("id"))) {
                found = call;
            }
        }
        return found;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
