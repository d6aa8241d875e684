package dev.uip.gateway.account.rest;

import dev.uip.gateway.account.domain.AccountException;

/** The JSON bodies of the account routes. */
public final class AccountRequests {

    private AccountRequests() {
    }

    /** A workspace to create: its id and display name (the id when absent). */
    public record NewWorkspace(String id, String name) {
    }

    /** {@code POST /auth/signup}. */
    public record Signup(String email, String password, NewWorkspace workspace) {
    }

    /** {@code POST /auth/setup}: sign-up with the first-run token. */
    public record Setup(String token, String email, String password, NewWorkspace workspace) {
    }

    /** {@code POST /auth/signin}; {@code workspace} optionally picks the workspace to act in. */
    public record Signin(String email, String password, String workspace) {
    }

    /** {@code POST /auth/workspace}. */
    public record SwitchWorkspace(String id) {
    }

    /** {@code POST /auth/invitations/accept}. */
    public record Accept(String token, String email, String password) {
    }

    /** {@code POST /api/v1/invitations}. */
    public record Invite(String email, String role) {
    }

    /** {@code PUT /api/v1/members/{userId}}. */
    public record ChangeRole(String role) {
    }

    /** {@code body}, or 400 when the request had none. */
    public static <T> T required(T body) {
        if (body == null) {
            throw AccountException.badRequest("a JSON body is required");
        }
        return body;
    }

    /** The workspace of a sign-up or setup body, or 400. */
    public static NewWorkspace workspace(NewWorkspace workspace) {
        if (workspace == null) {
            throw AccountException.badRequest("workspace {id, name} is required");
        }
        return workspace;
    }
}
