package dev.uip.definition.service;

import java.util.concurrent.Executor;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Returns to the request's Vert.x context after a Kafka acknowledgement, which may complete on a producer thread:
 * Hibernate Reactive may only be used from the context that opened the session.
 */
final class Contexts {

    private Contexts() {
    }

    static Executor current() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run());
    }
}
