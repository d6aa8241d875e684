package dev.uip.gateway.account.client;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

import dev.uip.gateway.account.domain.AccountException;
import dev.uip.gateway.config.GatewayConfig;
import dev.uip.gateway.identity.Principal;
import dev.uip.gateway.identity.ServiceTokenSigner;
import dev.uip.schemas.identity.Role;

/**
 * Creates a workspace on definition-service ({@code POST /v1/workspaces}) as its first admin, with a service token for
 * that workspace: how sign-up and first-run setup make the workspace that everything else of it hangs on.
 */
@ApplicationScoped
public class DefinitionWorkspaces {

    private static final Logger LOG = Logger.getLogger(DefinitionWorkspaces.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig services;

    @Inject
    ServiceTokenSigner signer;

    private WebClient client;

    @PostConstruct
    void init() {
        client = WebClient.create(vertx, new WebClientOptions().setUserAgent("uip-gateway"));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** Fails with 409 WORKSPACE_TAKEN when the id exists there, 502 when definition-service cannot do it. */
    public Uni<Void> create(String id, String name, String actor, String actorName) {
        GatewayConfig.Service definition = services.services().get("definition");
        if (definition == null) {
            return Uni.createFrom().failure(unavailable());
        }
        String url = definition.url().replaceAll("/+$", "") + "/v1/workspaces";
        String token = signer.tokenFor(new Principal(id, actor, actorName, Role.ADMIN, false));
        return Uni.createFrom().deferred(() -> client.postAbs(url).timeout(TIMEOUT.toMillis())
                .putHeader("Authorization", "Bearer " + token)
                .sendJsonObject(new JsonObject().put("id", id).put("name", name)))
                .ifNoItem().after(TIMEOUT).failWith(TimeoutException::new)
                .onFailure().transform(failure -> {
                    LOG.warnf("definition-service did not create workspace %s: %s", id, failure.toString());
                    return unavailable();
                })
                .map(response -> {
                    int status = response.statusCode();
                    if (status == 409) {
                        throw workspaceTaken();
                    }
                    if (status / 100 != 2) {
                        LOG.warnf("definition-service answered HTTP %d to creating workspace %s", status, id);
                        throw unavailable();
                    }
                    return null;
                });
    }

    public static AccountException workspaceTaken() {
        return AccountException.conflict("WORKSPACE_TAKEN", "a workspace with this id exists already");
    }

    private static AccountException unavailable() {
        return new AccountException(502, "UPSTREAM_UNAVAILABLE", "the workspace cannot be created now: "
                + "definition-service did not do it; try again later");
    }
}
