package dev.uip.definition.quarantine.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.definition.quarantine.domain.QuarantineFilter;
import dev.uip.definition.quarantine.domain.QuarantineStatus;
import dev.uip.schemas.Violation;

/** Changes the status of quarantined events of one workspace and records the operations that did it. */
@ApplicationScoped
public class QuarantineOperations {

    /** A stored release or discard. */
    public record Operation(String id, String workspaceId, String kind, String actor, String reason,
            String filterJson, int rowCount, Instant createdAt) {
    }

    public Uni<Void> record(SqlConnection connection, Operation operation) {
        return connection.preparedQuery("insert into quarantine_operation (id, workspace_id, kind, actor, reason,"
                + " filter_json, row_count, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.from(List.of(operation.id(), operation.workspaceId(), operation.kind(),
                        operation.actor(), operation.reason() == null ? "" : operation.reason(),
                        operation.filterJson(), operation.rowCount(), FilterSql.time(operation.createdAt()))))
                .replaceWithVoid();
    }

    public Uni<Operation> operation(SqlConnection connection, String workspaceId, String id) {
        return connection.preparedQuery("select id, workspace_id, kind, actor, reason, filter_json, row_count,"
                + " created_at from quarantine_operation where workspace_id = $1 and id = $2")
                .execute(Tuple.of(workspaceId, id)).map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new Operation(row.getString("id"), row.getString("workspace_id"), row.getString("kind"),
                            row.getString("actor"), row.getString("reason"), row.getString("filter_json"),
                            row.getInteger("row_count"), Rows.instant(row, "created_at"));
                });
    }

    /**
     * Moves up to {@code limit} matching QUARANTINED rows (oldest first) to {@code to}, under operation {@code id};
     * rows another transaction holds are skipped. Returns how many moved.
     */
    public Uni<Integer> move(SqlConnection connection, String workspaceId, QuarantineFilter filter,
            QuarantineStatus to, String id, String actor, String reason, int limit) {
        FilterSql sql = FilterSql.of(workspaceId, filter.withStatus(QuarantineStatus.QUARANTINED));
        String status = sql.param(to.name());
        String operation = sql.param(id);
        String who = sql.param(actor);
        String why = sql.param(reason);
        String max = sql.param((long) limit);
        boolean releasing = to == QuarantineStatus.RELEASING;
        String query = "update quarantined_events q set status = " + status + ", operation_id = " + operation
                + ", actor = " + who + ", status_reason = " + why + ", updated_at = now()"
                + (releasing ? ", release_requested_at = now(), release_sent_at = null, last_outcome = null" : "")
                + " from (select workspace_id, message_id from quarantined_events where " + sql.where()
                + " order by quarantined_at, message_id limit " + max + " for update skip locked) s"
                + " where q.workspace_id = s.workspace_id and q.message_id = s.message_id";
        return connection.preparedQuery(query).execute(sql.tuple()).map(rows -> rows.rowCount())
                .call(moved -> releasing ? Uni.createFrom().voidItem() : closed(connection, workspaceId, moved));
    }

    /**
     * Applies a release's outcome to its row if the row is still RELEASING under that release: RELEASED (also when
     * already released), or back to QUARANTINED with the new reason and violations (STILL_FAILING) or as it was
     * (RETRY_LATER). Returns whether a row changed.
     */
    public Uni<Boolean> outcome(SqlConnection connection, String workspaceId, String messageId, String releaseId,
            String outcome, String reason, List<Violation> violations) {
        boolean released = outcome.equals("RELEASED") || outcome.equals("ALREADY_RELEASED");
        boolean failing = outcome.equals("STILL_FAILING");
        List<String> paths = new ArrayList<>();
        violations.stream().map(Violation::getPath).distinct().limit(QuarantineStore.MAX_PATHS).forEach(paths::add);
        String query = "update quarantined_events set status = $4, last_outcome = $5, updated_at = now()"
                + (failing ? ", reason = coalesce($6, reason), violations = $7::text::jsonb, violation_paths = $8" : "")
                + " where workspace_id = $1 and message_id = $2 and operation_id = $3 and status = 'RELEASING'";
        List<Object> params = new ArrayList<>(List.of(workspaceId, messageId, releaseId,
                (released ? QuarantineStatus.RELEASED : QuarantineStatus.QUARANTINED).name(), outcome));
        if (failing) {
            params.add(reason);
            params.add(Rows.json(violations.size() > QuarantineStore.MAX_VIOLATIONS
                    ? violations.subList(0, QuarantineStore.MAX_VIOLATIONS)
                    : violations));
            params.add(paths.toArray(new String[0]));
        }
        return connection.preparedQuery(query).execute(Tuple.from(params)).map(rows -> rows.rowCount() == 1)
                .call(changed -> changed && released
                        ? closed(connection, workspaceId, 1)
                        : Uni.createFrom().voidItem());
    }

    /** Rows of one operation by status and last outcome, e.g. {@code RELEASED/RELEASED -> 10}. */
    public Uni<Map<String, Long>> progress(SqlConnection connection, String workspaceId, String id) {
        return connection.preparedQuery("select status, coalesce(last_outcome, '') as outcome, count(*) as n from"
                + " quarantined_events where workspace_id = $1 and operation_id = $2 group by status, last_outcome")
                .execute(Tuple.of(workspaceId, id)).map(rows -> {
                    Map<String, Long> counts = new LinkedHashMap<>();
                    for (Row row : rows) {
                        counts.put(row.getString("status") + "/" + row.getString("outcome"), row.getLong("n"));
                    }
                    return counts;
                });
    }

    /** Rows that left the open states no longer count towards the workspace's cap. */
    private Uni<Void> closed(SqlConnection connection, String workspaceId, int rows) {
        if (rows == 0) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("update quarantine_usage set open_rows = greatest(0, open_rows - $2)"
                + " where workspace_id = $1").execute(Tuple.of(workspaceId, (long) rows)).replaceWithVoid();
    }
}
