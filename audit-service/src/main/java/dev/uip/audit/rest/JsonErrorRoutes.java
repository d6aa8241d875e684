package dev.uip.audit.rest;

import jakarta.enterprise.event.Observes;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers every request no route serves, and every error the HTTP layer raises itself, with the JSON error body
 * {@code {"code","message"}} instead of an HTML page; nothing the client sent is echoed.
 */
public class JsonErrorRoutes {

    void register(@Observes Router router) {
        // Last of all routes: reached only when neither the REST API nor /q/* took the request.
        router.route().order(Integer.MAX_VALUE).handler(ctx -> answer(ctx, 404, "NOT_FOUND", "no such resource"));
        router.errorHandler(400, ctx -> answer(ctx, 400, "BAD_REQUEST", "the request cannot be read"));
        router.errorHandler(404, ctx -> answer(ctx, 404, "NOT_FOUND", "no such resource"));
        router.errorHandler(405, ctx -> answer(ctx, 405, "METHOD_NOT_ALLOWED", "the resource does not answer this "
                + "method"));
        router.errorHandler(413, ctx -> answer(ctx, 413, "TOO_LARGE", "the request is too large"));
    }

    static void answer(RoutingContext ctx, int status, String code, String message) {
        if (ctx.response().headWritten()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("code", code).put("message", message).encode());
    }
}
