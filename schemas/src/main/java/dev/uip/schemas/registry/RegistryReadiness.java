package dev.uip.schemas.registry;

import java.time.Duration;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;

/**
 * Readiness of the schema registry that holds these contracts: every service that reads or writes them is only ready
 * when the registry answers.
 */
@Readiness
@ApplicationScoped
public class RegistryReadiness implements AsyncHealthCheck {

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "uip.registry.url")
    String registryUrl;

    private HttpClient client;

    @PostConstruct
    void init() {
        client = vertx.createHttpClient();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        String url = registryUrl.replaceAll("/+$", "") + "/system/info";
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                .setTimeout(2000);
        return client.request(request)
                .flatMap(req -> req.send())
                .flatMap(response -> response.body().map(Buffer::toString).map(body -> response.statusCode()))
                .ifNoItem().after(Duration.ofSeconds(3)).fail()
                .map(status -> HealthCheckResponse.named("schema-registry").status(status == 200)
                        .withData("url", registryUrl).withData("status", status).build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("schema-registry").down()
                        .withData("url", registryUrl).withData("error", String.valueOf(failure.getMessage())).build());
    }
}
