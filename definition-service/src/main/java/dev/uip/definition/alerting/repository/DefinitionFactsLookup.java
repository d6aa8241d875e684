package dev.uip.definition.alerting.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.definition.alerting.domain.DefinitionFacts;
import dev.uip.definition.domain.AlertSeverity;

/** Reads what an alert's event definition says: key event, criticality, owner team. */
@ApplicationScoped
public class DefinitionFactsLookup {

    /** The facts of the definition of {@code callType} and {@code event}; NONE when there is no definition. */
    public Uni<DefinitionFacts> of(SqlConnection connection, String workspaceId, String callType, String event) {
        String name = callType.equals("IDENTIFY") ? "identify" : event;
        if (!(callType.equals("TRACK") || callType.equals("PAGE") || callType.equals("SCREEN")
                || callType.equals("IDENTIFY"))) {
            return Uni.createFrom().item(DefinitionFacts.NONE);
        }
        return connection.preparedQuery("select key_event, criticality, owner_team from event_definition where"
                + " workspace_id = $1 and call_type = $2 and name = $3").execute(Tuple.of(workspaceId, callType, name))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return DefinitionFacts.NONE;
                    }
                    var row = rows.iterator().next();
                    return new DefinitionFacts(row.getBoolean("key_event"),
                            AlertSeverity.valueOf(row.getString("criticality")), row.getString("owner_team"));
                });
    }
}
