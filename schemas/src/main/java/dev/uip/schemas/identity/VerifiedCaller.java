package dev.uip.schemas.identity;

/**
 * Who calls a service, as a verified service token says: the workspace the call acts in, the actor (a user's or an
 * API token's id, recorded in every change it makes) and its role there.
 */
public record VerifiedCaller(String workspace, String actor, Role role) {

    public VerifiedCaller {
        if (workspace == null || workspace.isBlank()) {
            throw new IllegalArgumentException("a verified caller needs a workspace");
        }
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("a verified caller needs an actor");
        }
        if (role == null) {
            throw new IllegalArgumentException("a verified caller needs a role");
        }
    }

    /**
     * The caller of a verified token's claims; empty claims or an unknown role are refused (a token the gateway
     * signed always has them).
     */
    public static VerifiedCaller of(String workspaceClaim, String subject, String roleClaim) {
        Role role = Role.parse(roleClaim)
                .orElseThrow(() -> new IllegalArgumentException("unknown role in service token: " + roleClaim));
        return new VerifiedCaller(workspaceClaim, subject, role);
    }

    /** Whether the caller may do what {@code needed} may. */
    public boolean may(Role needed) {
        return role.includes(needed);
    }
}
