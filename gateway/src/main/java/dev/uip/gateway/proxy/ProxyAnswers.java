package dev.uip.gateway.proxy;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The JSON error answers of passed-on calls: {@code {"code","message"}}, never a stack trace. */
final class ProxyAnswers {

    private ProxyAnswers() {
    }

    static void error(RoutingContext ctx, int status, String code, String message) {
        if (ctx.response().headWritten() || ctx.response().closed()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("code", code).put("message", message).encode());
    }
}
