package dev.uip.gateway.openapi;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.uip.gateway.config.GatewayConfig;
import dev.uip.gateway.proxy.RouteTable;

/**
 * Fetches the OpenAPI document of every service the gateway passes calls to, all at once and each within the probe
 * timeout; never fails: a service that does not answer with a document is reported missing with the reason.
 */
@ApplicationScoped
public class ServiceDocuments {

    static final String OPENAPI_PATH = "/q/openapi?format=json";

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    @Inject
    RouteTable routes;

    @Inject
    ObjectMapper json;

    private WebClient client;

    @PostConstruct
    void init() {
        client = WebClient.create(vertx, new WebClientOptions().setUserAgent("uip-gateway"));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** One document or reason per service, ordered by service name. */
    public Uni<List<ServiceDocument>> all() {
        List<Uni<ServiceDocument>> fetches = routes.services().stream()
                .map(service -> fetch(service, routes.baseUrl(service).orElseThrow()))
                .toList();
        return fetches.isEmpty() ? Uni.createFrom().item(List.of()) : Uni.join().all(fetches).andFailFast();
    }

    private Uni<ServiceDocument> fetch(String service, String baseUrl) {
        Duration timeout = config.probeTimeout();
        return Uni.createFrom().deferred(() -> client.getAbs(baseUrl + OPENAPI_PATH).timeout(timeout.toMillis()).send())
                .ifNoItem().after(timeout).failWith(TimeoutException::new)
                .map(response -> {
                    if (response.statusCode() != 200) {
                        return ServiceDocument.missing(service, "HTTP " + response.statusCode());
                    }
                    JsonNode document = read(response.bodyAsString());
                    return document instanceof ObjectNode object && object.path("paths").isObject()
                            ? ServiceDocument.of(service, object)
                            : ServiceDocument.missing(service, "not an OpenAPI document");
                })
                .onFailure().recoverWithItem(failure -> ServiceDocument.missing(service,
                        failure instanceof TimeoutException
                                ? "no answer within " + timeout.toMillis() + " ms"
                                : "not reachable"));
    }

    private JsonNode read(String body) {
        try {
            return body == null ? null : json.readTree(body);
        } catch (java.io.IOException notJson) {
            return null;
        }
    }
}
