package dev.uip.definition.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.domain.Labels;
import dev.uip.definition.domain.UnplannedPolicy;
import dev.uip.definition.domain.WorkspaceConflictException;
import dev.uip.definition.domain.WorkspaceNotFoundException;
import dev.uip.definition.domain.Workspaces;
import dev.uip.definition.mapping.StateRecords;
import dev.uip.definition.messaging.Outbox;
import dev.uip.definition.repository.Constraints;
import dev.uip.definition.repository.Workspace;
import dev.uip.definition.repository.WorkspaceRepository;
import dev.uip.definition.repository.WorkspaceScope;
import dev.uip.definition.rest.WorkspaceView;

/** Workspaces: created, changed, and their settings published to the compacted topic. */
@ApplicationScoped
public class WorkspaceService {

    @Inject
    WorkspaceScope scope;

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    Outbox outbox;

    public Uni<WorkspaceView> create(String id, String name, UnplannedPolicy policy, String actor) {
        Workspaces.checkId(id);
        String label = checkName(name == null ? id : name);
        return scope.transaction(id, () -> workspaces.findById(id)
                .onItem().ifNotNull().failWith(() -> new WorkspaceConflictException("workspace '" + id
                        + "' exists already"))
                .chain(() -> insert(id, label, policy == null ? UnplannedPolicy.ACCEPT_AND_FLAG : policy, actor))
                .map(WorkspaceService::view))
                // Two creates of one id that both found it free: the second insert's key clash is the same conflict.
                .onFailure(failure -> Constraints.violated(failure, Constraints.WORKSPACE_KEY))
                .transform(failure -> new WorkspaceConflictException("workspace '" + id + "' exists already"))
                .invoke(outbox::committed);
    }

    public Uni<WorkspaceView> get(String id) {
        return scope.transaction(id, () -> workspaces.findById(id)).map(workspace -> {
            if (workspace == null) {
                throw new WorkspaceNotFoundException("no workspace '" + id + "'");
            }
            return view(workspace);
        });
    }

    public Uni<WorkspaceView> update(String id, String name, UnplannedPolicy policy, String actor) {
        String label = name == null ? null : checkName(name);
        return scope.transaction(id, () -> ensure(id, actor).chain(() -> workspaces.findById(id)).chain(ws -> {
            String before = outboxJson(ws);
            if (label != null) {
                ws.name = label;
            }
            if (policy != null) {
                ws.unplannedEvents = policy;
            }
            ws.updatedAt = Instant.now();
            return outbox.workspaceState(ws)
                    .chain(() -> outbox.change(StateRecords.change(id, actor, "WORKSPACE_UPDATED", "WORKSPACE", id,
                            before, outboxJson(ws), 1, ws.updatedAt)))
                    .replaceWith(ws);
        })).invoke(outbox::committed).map(WorkspaceService::view);
    }

    /**
     * Creates the workspace with default settings unless it exists; for callers whose verified token names a workspace
     * that predates this service's database. Runs inside the caller's scoped transaction.
     */
    Uni<Void> ensure(String id, String actor) {
        Instant now = Instant.now();
        // Concurrent first requests of a new workspace all get here: only the one whose row is inserted announces it.
        return workspaces.insertIfAbsent(id, id, UnplannedPolicy.ACCEPT_AND_FLAG, now).chain(inserted -> inserted
                ? workspaces.findById(id).chain(workspace -> announce(workspace, actor))
                : Uni.createFrom().voidItem());
    }

    private Uni<Workspace> insert(String id, String name, UnplannedPolicy policy, String actor) {
        Workspace workspace = new Workspace();
        workspace.id = id;
        workspace.name = name;
        workspace.unplannedEvents = policy;
        workspace.createdAt = Instant.now();
        workspace.updatedAt = workspace.createdAt;
        return workspaces.persist(workspace).call(() -> announce(workspace, actor));
    }

    private Uni<Void> announce(Workspace workspace, String actor) {
        return outbox.workspaceState(workspace)
                .chain(() -> outbox.change(StateRecords.change(workspace.id, actor, "WORKSPACE_CREATED", "WORKSPACE",
                        workspace.id, null, outboxJson(workspace), 1, workspace.createdAt)));
    }

    private static String checkName(String name) {
        return Labels.check("name", name, 200, "a workspace name");
    }

    private static String outboxJson(Workspace workspace) {
        return "{\"id\":\"" + workspace.id + "\",\"name\":" + quote(workspace.name) + ",\"unplannedEvents\":\""
                + workspace.unplannedEvents.apiName() + "\"}";
    }

    private static String quote(String text) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
    }

    static WorkspaceView view(Workspace workspace) {
        return new WorkspaceView(workspace.id, workspace.name, workspace.unplannedEvents, workspace.createdAt,
                workspace.updatedAt);
    }
}
