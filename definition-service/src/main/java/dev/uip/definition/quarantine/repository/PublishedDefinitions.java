package dev.uip.definition.quarantine.repository;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads what a preview needs of track definitions (quarantined events are found by event name, which only track
 * events have): status, enforcement and the schema of the published version.
 */
@ApplicationScoped
public class PublishedDefinitions {

    /** A definition's current state; {@code schemaText} is null while no version is published. */
    public record Current(String status, String enforcement, String schemaText) {
    }

    public Uni<Map<String, Current>> byName(SqlConnection connection, String workspaceId, Set<String> names) {
        return connection.preparedQuery("select d.name, d.status, d.enforcement, v.schema_text from event_definition d"
                + " left join event_definition_version v on v.workspace_id = d.workspace_id and v.definition_id = d.id"
                + " and v.version = d.published_version where d.workspace_id = $1 and d.call_type = 'TRACK'"
                + " and d.name = any($2)")
                .execute(Tuple.of(workspaceId, names.toArray(new String[0]))).map(rows -> {
                    Map<String, Current> found = new HashMap<>();
                    for (Row row : rows) {
                        String schema = row.getString("schema_text");
                        found.put(row.getString("name"), new Current(row.getString("status"),
                                row.getString("enforcement"), schema == null || schema.isEmpty() ? null : schema));
                    }
                    return found;
                });
    }

    /** Whether the workspace accepts events nobody defined (its unplanned policy); a workspace not stored does. */
    public Uni<Boolean> acceptsUnplanned(SqlConnection connection, String workspaceId) {
        return connection.preparedQuery("select unplanned_events from workspace where id = $1")
                .execute(Tuple.of(workspaceId)).map(rows -> !rows.iterator().hasNext()
                        || "ACCEPT_AND_FLAG".equals(rows.iterator().next().getString("unplanned_events")));
    }
}
