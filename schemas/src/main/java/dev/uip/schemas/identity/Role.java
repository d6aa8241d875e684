package dev.uip.schemas.identity;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A member's role in a workspace: each role may do all that the roles before it may. */
public enum Role {

    /** Reads everything of the workspace. */
    VIEWER(Role.VIEWER_NAME),
    /** Also changes definitions, rules, quarantine and alerts. */
    EDITOR(Role.EDITOR_NAME),
    /** Also manages members, API tokens, write keys and workspace settings. */
    ADMIN(Role.ADMIN_NAME);

    /** The viewer role's name, as in tokens and {@code @RolesAllowed}. */
    public static final String VIEWER_NAME = "viewer";
    /** The editor role's name. */
    public static final String EDITOR_NAME = "editor";
    /** The admin role's name. */
    public static final String ADMIN_NAME = "admin";

    private final String roleName;

    Role(String roleName) {
        this.roleName = roleName;
    }

    /** The role's name in tokens, APIs and {@code @RolesAllowed}. */
    public String roleName() {
        return roleName;
    }

    /** Whether this role may do what {@code other} may. */
    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** The names of this role and every role it includes: a service token's groups. */
    public Set<String> groups() {
        Set<String> groups = new LinkedHashSet<>();
        for (Role role : values()) {
            if (includes(role)) {
                groups.add(role.roleName);
            }
        }
        return groups;
    }

    /** The role of that name (any case), if there is one. */
    public static Optional<Role> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (Role role : values()) {
            if (role.roleName.equals(wanted)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
