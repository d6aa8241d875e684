package dev.uip.definition.alerting.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.alerting.domain.AlertConflictException;
import dev.uip.definition.alerting.domain.AlertNotFoundException;
import dev.uip.definition.alerting.domain.MaintenanceWindow;
import dev.uip.definition.alerting.domain.WindowRules;
import dev.uip.definition.alerting.repository.WindowStore;
import dev.uip.definition.config.AlertingConfig;
import dev.uip.definition.mapping.StateRecords;
import dev.uip.definition.messaging.Outbox;
import dev.uip.definition.repository.WorkspaceScope;

/** Creates, lists and ends maintenance windows, each change with its MAINTENANCE_WINDOW change event. */
@ApplicationScoped
public class MaintenanceWindows {

    @Inject
    WorkspaceScope scope;

    @Inject
    WindowStore store;

    @Inject
    Outbox outbox;

    @Inject
    AlertingConfig config;

    public Uni<MaintenanceWindow> create(String workspaceId, String actor, String event, Instant startsAt,
            Instant endsAt, String reason) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        WindowRules.check(event, startsAt, endsAt, reason, now, config.maxWindowDays(), config.maxWindowLeadDays());
        String text = reason == null || reason.isBlank() ? null : reason.strip();
        MaintenanceWindow window = new MaintenanceWindow(UUID.randomUUID().toString(), event, startsAt, endsAt, text,
                actor, now, null, null);
        return scope.sql(workspaceId, connection -> store.countCurrent(connection, workspaceId, now).chain(count -> {
            if (count >= config.maxActiveWindows()) {
                throw new AlertConflictException("TOO_MANY_WINDOWS",
                        "the workspace has " + count + " maintenance windows not yet over,"
                                + " the most it may have; end one first");
            }
            return store.add(connection, workspaceId, window).chain(() -> outbox.change(connection, StateRecords
                    .change(workspaceId, actor, "CREATED", "MAINTENANCE_WINDOW", window.id(), null, ChangeJson
                            .window(window), 1, now)));
        })).invoke(outbox::committed).replaceWith(window);
    }

    public Uni<List<MaintenanceWindow>> list(String workspaceId, boolean currentOnly) {
        Instant now = Instant.now();
        return scope.sql(workspaceId, connection -> store.list(connection, workspaceId, currentOnly, now,
                config.maxActiveWindows() * 2));
    }

    /** Ends the window now (the record stays); one already ended or over is a conflict. */
    public Uni<MaintenanceWindow> end(String workspaceId, String actor, String id) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return scope.sql(workspaceId, connection -> store.lock(connection, workspaceId, id).chain(before -> {
            if (before == null) {
                throw new AlertNotFoundException("no maintenance window '" + id + "'");
            }
            if (!before.current(now)) {
                throw new AlertConflictException("the maintenance window is over already");
            }
            MaintenanceWindow after = new MaintenanceWindow(before.id(), before.event(), before.startsAt(),
                    before.endsAt(), before.reason(), before.createdBy(), before.createdAt(), now, actor);
            return store.end(connection, workspaceId, id, actor, now).chain(() -> outbox.change(connection,
                    StateRecords.change(workspaceId, actor, "ENDED", "MAINTENANCE_WINDOW", id, ChangeJson.window(
                            before), ChangeJson.window(after), 2, now)))
                    .replaceWith(after);
        })).invoke(outbox::committed);
    }
}
