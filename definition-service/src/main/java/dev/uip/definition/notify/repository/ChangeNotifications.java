package dev.uip.definition.notify.repository;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.uip.definition.notify.domain.ChangeFacts;
import dev.uip.schemas.DefinitionChanged;

/**
 * The outbox's hook for change subscriptions: in the transaction that writes a change event, each matching
 * subscription of the workspace gets a CHANGE notification {@code change:<changeId>:<subscriptionId>} (to its channel,
 * else its team, else the definition's owner team), or, with a daily digest, a digest item. A subscription matches on
 * its scope (WORKSPACE; TEAM: the owner team in the change's after/before JSON; EVENT: the event name), its actions
 * (empty: all) and keyEventsOnly. Every parameter is text (cast in SQL) so that both SQL clients bind it the same way.
 */
@ApplicationScoped
public class ChangeNotifications {

    private static final String MATCH = " from subscription s where s.workspace_id = cast(:ws as text)"
            + " and (cardinality(s.actions) = 0 or cast(:action as text) = any(s.actions))"
            + " and (not s.key_events_only or cast(cast(:keyEvent as text) as boolean))"
            + " and (s.scope = 'WORKSPACE' or (s.scope = 'TEAM' and lower(s.team) = lower(cast(:team as text)))"
            + " or (s.scope = 'EVENT' and s.event_name = cast(:event as text)))";

    private static final List<NamedSql> STATEMENTS = List.of(
            NamedSql.of("insert into notification (workspace_id, id, kind, team, event_name, severity, page, title,"
                    + " body_text, payload, subject_type, subject_id, created_at)"
                    + " select s.workspace_id, 'change:' || cast(:changeId as text) || ':' || s.id, 'CHANGE',"
                    + " coalesce(s.team, cast(:team as text)), cast(:event as text), cast(:severity as text), false,"
                    + " cast(:title as text), cast(:text as text), cast(cast(:payload as text) as jsonb) || jsonb_build_object("
                    + "'notificationId', 'change:' || cast(:changeId as text) || ':' || s.id, 'subscriptionId', s.id),"
                    + " cast(:entityType as text), cast(:entityId as text), cast(cast(:at as text) as timestamptz)"
                    + MATCH
                    + " and s.digest = 'NONE' on conflict (workspace_id, id) do nothing"),
            NamedSql.of("insert into notification_target (workspace_id, notification_id, channel_id)"
                    + " select s.workspace_id, 'change:' || cast(:changeId as text) || ':' || s.id, s.channel_id"
                    + MATCH + " and s.digest = 'NONE' and s.channel_id is not null on conflict do nothing"),
            NamedSql.of("insert into digest_item (workspace_id, subscription_id, change_id, day, line, occurred_at)"
                    + " select s.workspace_id, s.id, cast(:changeId as text), cast(cast(:day as text) as date),"
                    + " cast(:line as text), cast(cast(:at as text) as timestamptz)" + MATCH
                    + " and s.digest = 'DAILY' on conflict do nothing"));

    @Inject
    ObjectMapper json;

    /** Within the SQL transaction of {@code connection} (see Outbox#change(SqlConnection, ...)). */
    public Uni<Void> written(SqlConnection connection, DefinitionChanged change) {
        Map<String, String> values = values(ChangeFacts.of(change));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (NamedSql statement : STATEMENTS) {
            Tuple tuple = Tuple.tuple();
            statement.names().forEach(name -> tuple.addString(values.get(name)));
            chain = chain.chain(() -> connection.preparedQuery(statement.numbered()).execute(tuple))
                    .replaceWithVoid();
        }
        return chain;
    }

    /** Within the current Hibernate Reactive transaction (see Outbox#change(DefinitionChanged)). */
    public Uni<Void> written(DefinitionChanged change) {
        Map<String, String> values = values(ChangeFacts.of(change));
        return Panache.getSession().chain(session -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (NamedSql statement : STATEMENTS) {
                chain = chain.chain(() -> {
                    var query = session.createNativeQuery(statement.named());
                    statement.names().forEach(name -> query.setParameter(name, values.get(name)));
                    return query.executeUpdate();
                }).replaceWithVoid();
            }
            return chain;
        });
    }

    private Map<String, String> values(ChangeFacts facts) {
        String subject = facts.entityType().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + facts.entityId();
        String title = subject + ": " + facts.action();
        String text = facts.summary() + " at " + facts.occurredAt() + (facts.keyEvent() ? " (key event)" : "")
                + (facts.ownerTeam() == null ? "" : ", owner team " + facts.ownerTeam());
        ObjectNode payload = json.createObjectNode().put("kind", "CHANGE").put("workspaceId", facts.workspaceId())
                .put("title", title).put("text", text).put("eventName", facts.eventName())
                .put("ownerTeam", facts.ownerTeam()).put("keyEvent", facts.keyEvent());
        payload.putObject("change").put("changeId", facts.changeId()).put("action", facts.action())
                .put("entityType", facts.entityType()).put("entityId", facts.entityId()).put("actor", facts.actor())
                .put("occurredAt", facts.occurredAt().toString());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("ws", facts.workspaceId());
        values.put("changeId", facts.changeId());
        values.put("action", facts.action());
        values.put("keyEvent", Boolean.toString(facts.keyEvent()));
        values.put("team", facts.ownerTeam());
        values.put("event", facts.eventName());
        values.put("severity", facts.keyEvent() ? "MEDIUM" : "LOW");
        values.put("title", title);
        values.put("text", text);
        values.put("payload", payload.toString());
        values.put("entityType", facts.entityType());
        values.put("entityId", facts.entityId());
        values.put("at", facts.occurredAt().toString());
        values.put("day", facts.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        values.put("line", facts.summary() + " at " + facts.occurredAt());
        return values;
    }
}
