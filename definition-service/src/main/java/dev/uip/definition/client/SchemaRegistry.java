package dev.uip.definition.client;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.definition.config.RegistryConfig;
import dev.uip.definition.domain.IncompatibleChangeException;
import dev.uip.definition.domain.RegistryUnavailableException;

/**
 * Registers event schemas in Apicurio Registry through its v2 REST API: one group per workspace, one artifact per
 * event, each artifact under a BACKWARD compatibility rule so the registry refuses incompatible versions too. A
 * breaking version is registered by relaxing the artifact's rule to NONE for that one version and restoring BACKWARD
 * right after (also when registration fails). A transient failure (no answer, 5xx, 429: the local registry's storage
 * answers 500 when concurrent registrations time out on its lock) is retried with bounded, jittered backoff
 * ({@code uip.registry.retry.*}); registration is idempotent for the newest content, so a retry adds no version.
 * Registrations of this instance run one at a time: the registry serializes them anyway, and concurrent ones only
 * make its storage time out on its locks.
 * Non-blocking: the JDK client's futures.
 */
@ApplicationScoped
public class SchemaRegistry {

    /** Where a registered schema version lives. */
    public record Coordinates(String groupId, String artifactId, String version, long globalId) {
    }

    private static final Logger LOG = Logger.getLogger(SchemaRegistry.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String baseUrl;
    private final RegistryConfig.Retry retry;
    private final OneAtATime queue = new OneAtATime();

    @Inject
    ObjectMapper json;

    @Inject
    public SchemaRegistry(RegistryConfig config) {
        this.baseUrl = config.url().replaceAll("/+$", "");
        this.retry = config.retry();
    }

    /** Registers {@code schema} as the newest version of the event's artifact; {@code breaking} skips the rule. */
    public Uni<Coordinates> register(String groupId, String artifactId, String schema, boolean breaking) {
        return Uni.createFrom().deferred(() -> {
            // The HTTP client completes on its own threads; Hibernate Reactive must continue on the caller's context.
            Context caller = Vertx.currentContext();
            Executor back = caller == null ? Runnable::run : task -> caller.runOnContext(ignored -> task.run());
            Uni<Coordinates> attempt = Uni.createFrom().deferred(() -> {
                Uni<Void> relax = breaking ? setRule(groupId, artifactId, "NONE") : Uni.createFrom().voidItem();
                return relax.chain(() -> createVersion(groupId, artifactId, schema))
                        .onItemOrFailure().call((coordinates, failure) -> setRule(groupId, artifactId, "BACKWARD"));
            });
            return queue.run(() -> attempt
                    .onFailure(SchemaRegistry::isTransient).invoke(failure -> LOG.infof(
                            "registering %s/%s failed, retrying: %s", groupId, artifactId, failure.getMessage()))
                    .onFailure(SchemaRegistry::isTransient).retry()
                    .withBackOff(retry.initialBackoff(), retry.maxBackoff()).withJitter(0.5)
                    .atMost(Math.max(0, retry.attempts() - 1)))
                    .emitOn(back);
        });
    }

    /**
     * Creates the artifact or its next version. Idempotent for the newest content: a schema identical (canonically)
     * to the artifact's newest version returns that version, so a retry after a failed database commit reuses the
     * version registered the first time instead of adding another.
     */
    private Uni<Coordinates> createVersion(String groupId, String artifactId, String schema) {
        return send(HttpRequest.newBuilder(URI.create(groupPath(groupId)
                + "/artifacts?ifExists=RETURN_OR_UPDATE&canonical=true"))
                .header("Content-Type", "application/json")
                .header("X-Registry-ArtifactId", artifactId)
                .header("X-Registry-ArtifactType", "AVRO")
                .POST(HttpRequest.BodyPublishers.ofString(schema)))
                .map(response -> {
                    JsonNode body = body(response);
                    if (response.statusCode() == 409) {
                        throw new IncompatibleChangeException(causes(body));
                    }
                    expectOk(response, body, "register a schema for " + artifactId);
                    return new Coordinates(body.path("groupId").asText(groupId), artifactId,
                            body.path("version").asText(), body.path("globalId").asLong());
                });
    }

    private Uni<Void> setRule(String groupId, String artifactId, String level) {
        String rules = artifactPath(groupId, artifactId) + "/rules";
        String rule = "{\"type\":\"COMPATIBILITY\",\"config\":\"" + level + "\"}";
        return send(HttpRequest.newBuilder(URI.create(rules + "/COMPATIBILITY"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(rule)))
                .chain(response -> response.statusCode() != 404
                        ? Uni.createFrom().item(response)
                        : send(HttpRequest.newBuilder(URI.create(rules))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(rule))))
                .map(response -> {
                    // 404 here: the artifact does not exist yet, so there is nothing to relax.
                    if (response.statusCode() != 404) {
                        expectOk(response, body(response), "set the compatibility rule of " + artifactId);
                    }
                    return null;
                });
    }

    private Uni<HttpResponse<String>> send(HttpRequest.Builder request) {
        return Uni.createFrom()
                .completionStage(() -> http.sendAsync(request.timeout(TIMEOUT).header("Accept", "application/json")
                        .build(), HttpResponse.BodyHandlers.ofString()))
                .onFailure().transform(failure -> failure instanceof RegistryUnavailableException
                        ? failure
                        : new RegistryUnavailableException("the schema registry did not answer: " + failure,
                                failure));
    }

    private void expectOk(HttpResponse<String> response, JsonNode body, String what) {
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new RegistryUnavailableException("could not " + what + ": registry answered " + status + " "
                    + body.path("message").asText(""), null, status >= 500 || status == 429 || status == 408);
        }
    }

    /** Whether a failure, or one it carries, is a transient registry failure worth another try. */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RegistryUnavailableException unavailable) {
                return unavailable.isTransient();
            }
            if (t instanceof CompositeException composite) {
                return composite.getCauses().stream().anyMatch(SchemaRegistry::isTransient);
            }
            if (t instanceof IncompatibleChangeException) {
                return false;
            }
        }
        return false;
    }

    private List<String> causes(JsonNode body) {
        List<String> reasons = new ArrayList<>();
        body.path("causes").forEach(cause -> reasons.add("the registry's BACKWARD rule refused it: "
                + cause.path("description").asText() + " at " + cause.path("context").asText()));
        if (reasons.isEmpty()) {
            reasons.add("the registry refused it: " + body.path("message").asText("incompatible schema"));
        }
        return reasons;
    }

    private JsonNode body(HttpResponse<String> response) {
        try {
            return response.body() == null || response.body().isBlank()
                    ? json.createObjectNode()
                    : json.readTree(response.body());
        } catch (java.io.IOException e) {
            return json.createObjectNode();
        }
    }

    private String groupPath(String groupId) {
        return baseUrl + "/groups/" + encode(groupId);
    }

    private String artifactPath(String groupId, String artifactId) {
        return groupPath(groupId) + "/artifacts/" + encode(artifactId);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
