package dev.uip.gateway.account.domain;

import java.util.Locale;
import java.util.regex.Pattern;

import dev.uip.schemas.identity.Role;
import dev.uip.schemas.names.WorkspaceIds;

/** The bounds of everything a person types in: emails, passwords, names, roles and workspace ids. */
public final class AccountRules {

    /** The longest email address (RFC 5321's path limit). */
    public static final int MAX_EMAIL = 254;
    /** The shortest password. */
    public static final int MIN_PASSWORD = 12;
    /** The longest password: Argon2 takes any length, but the work of hashing must stay bounded. */
    public static final int MAX_PASSWORD = 1024;
    /** The longest workspace or token name. */
    public static final int MAX_NAME = 200;

    // One @, no spaces or controls, a dot in the domain: enough to catch typos; the mail server is the real check.
    private static final Pattern EMAIL = Pattern
            .compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

    private AccountRules() {
    }

    /** The email, trimmed and lower-cased. */
    public static String email(String email) {
        if (email == null || email.length() > MAX_EMAIL) {
            throw AccountException.badRequest("an email address of at most " + MAX_EMAIL + " characters is required");
        }
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(normalized).matches()) {
            throw AccountException.badRequest("not an email address");
        }
        return normalized;
    }

    /** A new password: 12 to 1024 characters. */
    public static String newPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw AccountException.badRequest("a password of " + MIN_PASSWORD + " to " + MAX_PASSWORD
                    + " characters is required");
        }
        return password;
    }

    /** A password given to sign in: present and bounded (its length is not checked further). */
    public static String givenPassword(String password) {
        if (password == null || password.isEmpty() || password.length() > MAX_PASSWORD) {
            throw AccountException.badRequest("a password of at most " + MAX_PASSWORD + " characters is required");
        }
        return password;
    }

    /** A workspace id as definition-service accepts it. */
    public static String workspaceId(String id) {
        if (!WorkspaceIds.isValid(id)) {
            throw AccountException.badRequest(WorkspaceIds.RULE);
        }
        return id;
    }

    /** A display name: 1 to 200 characters without control characters, trimmed. */
    public static String name(String name, String what) {
        if (name == null || name.length() > MAX_NAME || name.isBlank()) {
            throw AccountException.badRequest(what + " of 1 to " + MAX_NAME + " characters is required");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw AccountException.badRequest(what + " cannot hold control characters");
            }
        }
        return name.strip();
    }

    /** A role by name: viewer, editor or admin. */
    public static Role role(String role) {
        if (role != null && role.length() > 20) {
            throw AccountException.badRequest("the role is viewer, editor or admin");
        }
        return Role.parse(role).orElseThrow(() -> AccountException.badRequest("the role is viewer, editor or admin"));
    }
}
