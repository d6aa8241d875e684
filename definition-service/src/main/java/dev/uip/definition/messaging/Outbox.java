package dev.uip.definition.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.avro.specific.SpecificRecord;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.definition.config.OutboxConfig;
import dev.uip.definition.domain.RuleKey;
import dev.uip.definition.mapping.AlertRuleRecords;
import dev.uip.definition.mapping.AvroJson;
import dev.uip.definition.mapping.StateRecords;
import dev.uip.definition.notify.repository.ChangeNotifications;
import dev.uip.definition.repository.AlertRule;
import dev.uip.definition.repository.EventDefinition;
import dev.uip.definition.repository.OutboxEvent;
import dev.uip.definition.repository.OutboxRepository;
import dev.uip.definition.repository.Workspace;
import dev.uip.definition.repository.WriteKey;
import dev.uip.schemas.DefinitionChanged;

/**
 * Writes records to the outbox table inside the caller's transaction, so they exist if and only if the change
 * committed; {@link OutboxRelay} publishes them. Call {@link #committed()} after the commit to publish at once.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    OutboxRepository repository;

    @Inject
    OutboxConfig config;

    @Inject
    OutboxRelay relay;

    @Inject
    ChangeNotifications changeNotifications;

    /** Writes a change record and, in the same transaction, the notifications of the subscriptions it matches. */
    public Uni<Void> change(DefinitionChanged change) {
        return add(change.getWorkspaceId(), config.topics().definitionChanges(), change.getWorkspaceId(), change)
                .chain(() -> changeNotifications.written(change));
    }

    /** The same as {@link #change(DefinitionChanged)} in a plain SQL transaction (see WorkspaceScope#sql). */
    public Uni<Void> change(SqlConnection connection, DefinitionChanged change) {
        return connection.preparedQuery("insert into outbox_event (workspace_id, topic, record_key, record_type,"
                + " payload) values ($1, $2, $3, $4, $5)").execute(Tuple.of(change.getWorkspaceId(),
                        config.topics().definitionChanges(), change.getWorkspaceId(), AvroJson.typeOf(change),
                        AvroJson.encode(change)))
                .chain(() -> changeNotifications.written(connection, change));
    }

    public Uni<Void> definitionState(EventDefinition entity) {
        return add(entity.workspaceId, config.topics().eventDefinitions(),
                StateRecords.definitionKey(entity), StateRecords.definition(entity));
    }

    public Uni<Void> workspaceState(Workspace workspace) {
        return add(workspace.id, config.topics().workspaces(), workspace.id, StateRecords.workspace(workspace));
    }

    public Uni<Void> writeKeyState(WriteKey key) {
        return add(key.workspaceId, config.topics().writeKeys(), key.keyHash, StateRecords.writeKey(key));
    }

    public Uni<Void> alertRuleState(AlertRule rule, RuleKey key) {
        return add(rule.workspaceId, config.topics().alertRules(), AlertRuleRecords.key(rule.workspaceId, key),
                AlertRuleRecords.state(rule));
    }

    /** Tells the relay that a transaction with outbox records committed. */
    public void committed() {
        relay.wakeUp();
    }

    private Uni<Void> add(String workspaceId, String topic, String key, SpecificRecord record) {
        OutboxEvent event = new OutboxEvent();
        event.workspaceId = workspaceId;
        event.topic = topic;
        event.recordKey = key;
        event.recordType = AvroJson.typeOf(record);
        event.payload = AvroJson.encode(record);
        event.createdAt = Instant.now();
        return repository.persist(event).replaceWithVoid();
    }
}
