package dev.uip.definition.notify.repository;

import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.definition.notify.domain.Notification;

/**
 * Writes notifications in the producer's own workspace-scoped transaction (see WorkspaceScope#sql), at most once per
 * workspace and id.
 */
@ApplicationScoped
public class Notifications {

    private static final String INSERT = "insert into notification (workspace_id, id, kind, team, event_name, severity,"
            + " page, title, body_text, payload, suppressed_reason, subject_type, subject_id, created_at)"
            + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text::jsonb, $11, $12, $13, $14)"
            + " on conflict (workspace_id, id) do nothing";

    /** Writes {@code notification} unless one with its id exists; true when it was written now. */
    public Uni<Boolean> add(SqlConnection connection, Notification notification) {
        Tuple values = Tuple.tuple().addString(notification.workspaceId()).addString(notification.id())
                .addString(notification.kind().name()).addString(notification.team())
                .addString(notification.eventName()).addString(notification.severity().name())
                .addBoolean(notification.page()).addString(notification.title()).addString(notification.text())
                .addString(notification.payload().toString()).addString(notification.suppressedReason())
                .addString(notification.subjectType()).addString(notification.subjectId())
                .addOffsetDateTime(notification.createdAt().atOffset(ZoneOffset.UTC));
        return connection.preparedQuery(INSERT).execute(values).map(rows -> rows.rowCount() == 1);
    }
}
