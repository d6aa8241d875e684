package dev.uip.definition.notify.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.definition.notify.domain.Channel;
import dev.uip.definition.notify.domain.ChannelKind;
import dev.uip.definition.notify.domain.ChannelStatus;

/** Channels of a workspace, read and written inside a workspace-scoped transaction (WorkspaceScope#sql). */
@ApplicationScoped
public class ChannelStore {

    private static final String COLUMNS = "workspace_id, id, name, kind, team, paging, target_masked, recipients,"
            + " secret_version, status, status_since, consecutive_failures, last_error, version, created_by,"
            + " created_at, updated_at";

    /** What a new or changed channel stores; the URL only sealed and masked. */
    public record Values(String name, ChannelKind kind, String team, boolean paging, String sealed, String masked,
            List<String> recipients) {
    }

    /** Serializes channel creations of one workspace, so that the channel limit holds under concurrent calls. */
    public Uni<Void> lockWorkspace(SqlConnection connection, String workspaceId) {
        return connection.preparedQuery("select pg_advisory_xact_lock(hashtext('uip-channels:' || $1))")
                .execute(Tuple.of(workspaceId)).replaceWithVoid();
    }

    public Uni<Integer> count(SqlConnection connection) {
        return connection.query("select count(*) from channel where deleted_at is null").execute()
                .map(rows -> rows.iterator().next().getInteger(0));
    }

    public Uni<Boolean> nameTaken(SqlConnection connection, String name, String exceptId) {
        return connection.preparedQuery("select 1 from channel where deleted_at is null and lower(name) = lower($1)"
                + " and id <> $2").execute(Tuple.of(name, exceptId == null ? "" : exceptId))
                .map(rows -> rows.size() > 0);
    }

    public Uni<Channel> insert(SqlConnection connection, String workspaceId, String id, Values values,
            String actor) {
        return connection.preparedQuery("insert into channel (workspace_id, id, name, kind, team, paging,"
                + " target_sealed, target_masked, recipients, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8, $9,"
                + " $10) returning " + COLUMNS)
                .execute(Tuple.tuple().addString(workspaceId).addString(id).addString(values.name())
                        .addString(values.kind().name()).addString(values.team()).addBoolean(values.paging())
                        .addString(values.sealed()).addString(values.masked())
                        .addArrayOfString(values.recipients().toArray(String[]::new)).addString(actor))
                .map(ChannelStore::single);
    }

    /** The live channel {@code id}, locked for a change when {@code forUpdate}; null if there is none. */
    public Uni<Channel> find(SqlConnection connection, String id, boolean forUpdate) {
        return connection.preparedQuery("select " + COLUMNS + " from channel where id = $1 and deleted_at is null"
                + (forUpdate ? " for update" : "")).execute(Tuple.of(id)).map(ChannelStore::single);
    }

    public Uni<List<Channel>> list(SqlConnection connection) {
        return connection.query("select " + COLUMNS + " from channel where deleted_at is null order by lower(name)")
                .execute().map(ChannelStore::all);
    }

    /** Writes {@code values} over channel {@code id} (the sealed URL only when given) and bumps its version. */
    public Uni<Channel> update(SqlConnection connection, String id, Values values) {
        return connection.preparedQuery("update channel set name = $2, team = $3, paging = $4,"
                + " target_sealed = coalesce($5, target_sealed), target_masked = coalesce($6, target_masked),"
                + " recipients = $7, version = version + 1, updated_at = now() where id = $1 and deleted_at is null"
                + " returning " + COLUMNS)
                .execute(Tuple.tuple().addString(id).addString(values.name()).addString(values.team())
                        .addBoolean(values.paging()).addString(values.sealed()).addString(values.masked())
                        .addArrayOfString(values.recipients().toArray(String[]::new)))
                .map(ChannelStore::single);
    }

    /** A new signing secret version (the old secret stops working at once). */
    public Uni<Channel> rotate(SqlConnection connection, String id) {
        return connection.preparedQuery("update channel set secret_version = secret_version + 1, version = version"
                + " + 1, updated_at = now() where id = $1 and deleted_at is null returning " + COLUMNS)
                .execute(Tuple.of(id)).map(ChannelStore::single);
    }

    /** Deletes channel {@code id} (kept for the delivery log) and cancels its deliveries not sent yet. */
    public Uni<Void> delete(SqlConnection connection, String id) {
        return connection.preparedQuery("update channel set deleted_at = now(), updated_at = now(), target_sealed ="
                + " null where id = $1 and deleted_at is null").execute(Tuple.of(id))
                .chain(() -> connection.preparedQuery("update delivery set status = 'CANCELLED', updated_at = now(),"
                        + " next_attempt_at = null where channel_id = $1 and status = 'PENDING'")
                        .execute(Tuple.of(id)))
                .replaceWithVoid();
    }

    private static Channel single(RowSet<Row> rows) {
        List<Channel> found = all(rows);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Channel> all(RowSet<Row> rows) {
        List<Channel> out = new ArrayList<>();
        for (Row row : rows) {
            out.add(new Channel(row.getString("workspace_id"), row.getString("id"), row.getString("name"),
                    ChannelKind.valueOf(row.getString("kind")), row.getString("team"), row.getBoolean("paging"),
                    row.getString("target_masked"), Arrays.asList(row.getArrayOfStrings("recipients")),
                    row.getInteger("secret_version"), ChannelStatus.valueOf(row.getString("status")),
                    instant(row.getOffsetDateTime("status_since")), row.getInteger("consecutive_failures"),
                    row.getString("last_error"), row.getInteger("version"), row.getString("created_by"),
                    instant(row.getOffsetDateTime("created_at")), instant(row.getOffsetDateTime("updated_at"))));
        }
        return out;
    }

    static java.time.Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
