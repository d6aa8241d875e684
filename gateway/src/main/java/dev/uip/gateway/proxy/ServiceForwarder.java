package dev.uip.gateway.proxy;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Sends one call to a service without blocking and answers what came back, or why nothing did: the service timed
 * out (no answer within {@code uip.gateway.proxy.timeout}) or could not be reached.
 */
@ApplicationScoped
public class ServiceForwarder {

    /** What a service answered. */
    public record Answer(int status, MultiMap headers, io.vertx.core.buffer.Buffer body) {
    }

    /** A call that got no answer: {@code timedOut} when the service took too long, else it could not be reached. */
    public static class NoAnswer extends RuntimeException {

        private final boolean timedOut;

        NoAnswer(boolean timedOut, Throwable cause) {
            super(cause == null ? null : cause.getMessage(), cause, false, false);
            this.timedOut = timedOut;
        }

        public boolean timedOut() {
            return timedOut;
        }
    }

    @Inject
    Vertx vertx;

    @Inject
    ProxyConfig config;

    private WebClient client;

    @PostConstruct
    void init() {
        client = WebClient.create(vertx, new WebClientOptions()
                .setUserAgent("uip-gateway")
                // a service's redirect goes back to the caller as it is
                .setFollowRedirects(false)
                .setMaxPoolSize(config.maxConnectionsPerService()));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** Sends {@code method url} with {@code headers} and {@code body} (null: none); fails only with {@link NoAnswer}. */
    public Uni<Answer> send(HttpMethod method, String url, MultiMap headers, io.vertx.core.buffer.Buffer body) {
        Duration timeout = config.timeout();
        return Uni.createFrom().deferred(() -> {
            HttpRequest<Buffer> request = client.requestAbs(method, url).timeout(timeout.toMillis());
            request.headers().getDelegate().addAll(headers);
            return body == null ? request.send() : request.sendBuffer(Buffer.newInstance(body));
        })
                .ifNoItem().after(timeout).failWith(TimeoutException::new)
                .map(response -> new Answer(response.statusCode(), response.headers().getDelegate(),
                        response.body() == null ? null : response.body().getDelegate()))
                // Vert.x's idle timeout and Mutiny's overall one both are TimeoutExceptions.
                .onFailure().transform(failure -> new NoAnswer(failure instanceof TimeoutException, failure));
    }
}
