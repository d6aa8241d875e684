package dev.uip.definition.suggestion.repository;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.definition.suggestion.domain.UnplannedSample;

/** Stores samples of one workspace's admitted events once per messageId and keeps only each event's newest. */
@ApplicationScoped
public class SampleStore {

    /** Stores the samples and trims their events to {@code perEvent}; answers how many rows were new. */
    public Uni<Integer> store(SqlConnection connection, String workspaceId, List<UnplannedSample> samples,
            int perEvent) {
        if (samples.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Tuple> tuples = samples.stream().map(s -> Tuple.of(s.workspaceId(), s.messageId(), s.event(),
                TrackedEvents.time(s.receivedAt()), s.payload())).toList();
        Set<String> events = new TreeSet<>();
        samples.forEach(s -> events.add(s.event()));
        return connection.preparedQuery("insert into unplanned_sample (workspace_id, message_id, event_name,"
                + " received_at, payload) values ($1, $2, $3, $4, $5) on conflict (workspace_id, message_id)"
                + " do nothing").executeBatch(tuples).map(SampleStore::inserted)
                .call(() -> Multi.createFrom().iterable(events)
                        .onItem().transformToUniAndConcatenate(event -> connection.preparedQuery(
                                "delete from unplanned_sample where workspace_id = $1 and message_id in"
                                        + " (select message_id from unplanned_sample where workspace_id = $1"
                                        + " and event_name = $2 order by received_at desc, message_id desc"
                                        + " offset $3)")
                                .execute(Tuple.of(workspaceId, event, perEvent)))
                        .collect().last());
    }

    private static int inserted(RowSet<?> rows) {
        int count = 0;
        for (RowSet<?> set = rows; set != null; set = set.next()) {
            count += set.rowCount();
        }
        return count;
    }
}
