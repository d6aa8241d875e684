package dev.uip.gateway.account.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

import dev.uip.gateway.account.repository.InvitationStore;
import dev.uip.gateway.account.repository.SessionStore;
import dev.uip.gateway.account.repository.SigninFailures;
import dev.uip.gateway.config.IdentityConfig;

/** Every ten minutes, forgets ended sessions, sign-in failures that no longer count and spent invitations. */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);
    private static final long EVERY_MS = 10 * 60 * 1000;

    @Inject
    Vertx vertx;

    @Inject
    Pool pool;

    @Inject
    SessionStore sessions;

    @Inject
    SigninFailures failures;

    @Inject
    InvitationStore invitations;

    @Inject
    IdentityConfig config;

    void onStart(@Observes StartupEvent start) {
        vertx.setPeriodic(EVERY_MS, id -> purge());
    }

    void purge() {
        sessions.purgeExpired(pool)
                .chain(() -> failures.purge(pool, config.signin().window()))
                .chain(() -> invitations.purge(pool))
                .subscribe().with(done -> {
                }, failure -> LOG.warnf("housekeeping of the account tables failed: %s", failure.toString()));
    }
}
