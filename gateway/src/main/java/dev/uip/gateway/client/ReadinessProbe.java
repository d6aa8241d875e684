package dev.uip.gateway.client;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

import dev.uip.gateway.domain.ServiceStatus;

/** Asks one service's {@code /q/health/ready} without blocking; never fails, a service that does not answer is DOWN. */
@ApplicationScoped
public class ReadinessProbe {

    static final String READY_PATH = "/q/health/ready";

    @Inject
    Vertx vertx;

    private WebClient client;

    @PostConstruct
    void init() {
        client = WebClient.create(vertx, new WebClientOptions().setUserAgent("uip-gateway"));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public Uni<ServiceStatus> probe(String name, String baseUrl, Duration timeout) {
        String url = baseUrl.replaceAll("/+$", "") + READY_PATH;
        return Uni.createFrom().deferred(() -> client.getAbs(url).timeout(timeout.toMillis()).send())
                .ifNoItem().after(timeout).failWith(TimeoutException::new)
                .map(response -> response.statusCode() == 200
                        ? ServiceStatus.up(name, baseUrl, "ready")
                        : ServiceStatus.down(name, baseUrl, describe(response)))
                .onFailure().recoverWithItem(failure -> ServiceStatus.down(name, baseUrl,
                        describe(failure, timeout)));
    }

    /** The status code and, when the body is a health report, the checks that are down. */
    static String describe(HttpResponse<Buffer> response) {
        String detail = "HTTP " + response.statusCode();
        try {
            JsonArray checks = response.bodyAsJsonObject().getJsonArray("checks");
            StringBuilder down = new StringBuilder();
            for (int i = 0; checks != null && i < checks.size(); i++) {
                JsonObject check = checks.getJsonObject(i);
                if (!"UP".equals(check.getString("status"))) {
                    down.append(down.isEmpty() ? "" : ", ").append(check.getString("name"));
                }
            }
            return down.isEmpty() ? detail : detail + ", down: " + down;
        } catch (RuntimeException notAHealthReport) {
            return detail;
        }
    }

    static String describe(Throwable failure, Duration timeout) {
        // Vert.x's idle timeout and Mutiny's overall one both are TimeoutExceptions.
        if (failure instanceof TimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
