package dev.uip.gateway.account.rest;

import java.util.List;

import dev.uip.gateway.account.domain.Membership;
import dev.uip.gateway.account.domain.SignedIn;

/**
 * What sign-up, sign-in, setup, accepting an invitation and {@code GET /auth/session} answer: the user, the workspace
 * the session acts in and the role there (null when the user belongs to none), all the user's workspaces, and the
 * CSRF token that changes made with the session cookie must send in {@code X-CSRF-Token}.
 */
public record SessionView(UserView user, WorkspaceView workspace, String role, List<WorkspaceRole> workspaces,
        String csrfToken) {

    /** The signed-in user. */
    public record UserView(String id, String email) {
    }

    /** A workspace. */
    public record WorkspaceView(String id, String name) {
    }

    /** One of the user's workspaces and the role there. */
    public record WorkspaceRole(String id, String name, String role) {
    }

    static SessionView of(SignedIn signedIn) {
        Membership current = signedIn.current();
        return new SessionView(new UserView(signedIn.user().id().toString(), signedIn.user().email()),
                current == null ? null : new WorkspaceView(current.workspaceId(), current.workspaceName()),
                current == null ? null : current.role().roleName(),
                signedIn.workspaces().stream()
                        .map(m -> new WorkspaceRole(m.workspaceId(), m.workspaceName(), m.role().roleName())).toList(),
                signedIn.csrfToken());
    }
}
