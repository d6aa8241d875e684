package dev.uip.definition.suggestion.service;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.definition.config.SuggestionConfig;

/**
 * Forgets, every purge interval and in every workspace, the samples, hourly volumes and events older than
 * {@code uip.suggestions.max-age} (through the SECURITY DEFINER function of migration V9).
 */
@ApplicationScoped
public class SuggestionPurge {

    private static final Logger LOG = Logger.getLogger(SuggestionPurge.class);

    @Inject
    Pool pool;

    @Inject
    SuggestionConfig config;

    @Inject
    Vertx vertx;

    private long timer = -1;

    void onStart(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.purgeInterval().toMillis(), id -> purge(
                Clock.systemUTC().instant().minus(config.maxAge())).subscribe().with(
                        gone -> LOG.debugf("suggestions purge: %d rows", gone),
                        failure -> LOG.warnf("suggestions purge failed, retrying next interval: %s", failure)));
    }

    void onStop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    /** Purges what is older than {@code before}; answers how many rows went. */
    public Uni<Integer> purge(Instant before) {
        return pool.preparedQuery("select uip_suggestions_purge($1) as gone")
                .execute(Tuple.of(OffsetDateTime.ofInstant(before, ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getInteger("gone"));
    }
}
