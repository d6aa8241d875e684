package dev.uip.ingest.client;

import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

import dev.uip.ingest.domain.DefinitionCatalog;
import dev.uip.ingest.service.VirtualRuleIndex;
import dev.uip.schemas.DefinitionCallType;
import dev.uip.schemas.EventDefinitionState;
import dev.uip.schemas.UnplannedEventPolicy;
import dev.uip.schemas.WorkspaceState;
import dev.uip.schemas.names.DefinitionKeys;

/**
 * The registry's current definitions and workspace policies, read from the compacted topics event-definitions (key
 * {@code <workspace>/<name>} for track events, {@code <workspace>/<CALLTYPE>/<name>} for pages, screens and identify
 * traits) and workspaces (key workspace id) that definition-service publishes through its outbox.
 */
@ApplicationScoped
public class DefinitionDirectory implements DefinitionCatalog {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "uip.registry.url")
    String registryUrl;

    @ConfigProperty(name = "uip.validation.definitions-topic", defaultValue = "event-definitions")
    String definitionsTopic;

    @ConfigProperty(name = "uip.validation.workspaces-topic", defaultValue = "workspaces")
    String workspacesTopic;

    /** The policy of a workspace whose settings are not (yet) known: the one definition-service gives new ones. */
    @ConfigProperty(name = "uip.validation.default-unplanned-events", defaultValue = "ACCEPT_AND_FLAG")
    UnplannedEventPolicy defaultPolicy;

    private final VirtualRuleIndex virtualRules = new VirtualRuleIndex();
    private volatile CompactedTopicView<EventDefinitionState> definitions;
    private volatile CompactedTopicView<WorkspaceState> workspaces;

    void start(@Observes StartupEvent event) {
        definitions = new CompactedTopicView<>(definitionsTopic, EventDefinitionState.class, bootstrapServers,
                registryUrl).onChange((key, state) -> {
                    // definitions are archived, never deleted: there are no tombstones to remove from the index
                    if (state != null) {
                        virtualRules.update(state);
                    }
                }).start();
        workspaces = new CompactedTopicView<>(workspacesTopic, WorkspaceState.class, bootstrapServers, registryUrl)
                .start();
    }

    @Override
    public Optional<EventDefinitionState> definition(String workspaceId, String eventName) {
        return definition(workspaceId, DefinitionCallType.TRACK, eventName);
    }

    @Override
    public Optional<EventDefinitionState> definition(String workspaceId, DefinitionCallType callType, String name) {
        return definitions == null
                ? Optional.empty()
                : definitions.get(DefinitionKeys.topicKey(workspaceId, callType, name));
    }

    @Override
    public UnplannedEventPolicy unplannedEvents(String workspaceId) {
        return Optional.ofNullable(workspaces).flatMap(view -> view.get(workspaceId))
                .map(WorkspaceState::getUnplannedEvents).orElse(defaultPolicy);
    }

    /** The active virtual definitions, kept current with the topic. */
    public VirtualRuleIndex virtualRules() {
        return virtualRules;
    }

    /** Whether both topics have been read up to where they were at start. */
    public boolean caughtUp() {
        return definitions != null && definitions.caughtUp() && workspaces != null && workspaces.caughtUp();
    }

    @PreDestroy
    void stop() {
        if (definitions != null) {
            definitions.stop();
        }
        if (workspaces != null) {
            workspaces.stop();
        }
    }
}
