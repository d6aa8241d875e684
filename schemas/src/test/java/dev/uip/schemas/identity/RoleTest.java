package dev.uip.schemas.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void eachRoleIncludesTheOnesBelowItAndNotAbove() {
        assertEquals(Set.of("viewer"), Role.VIEWER.groups());
        assertEquals(Set.of("viewer", "editor"), Role.EDITOR.groups());
        assertEquals(Set.of("viewer", "editor", "admin"), Role.ADMIN.groups());
        assertTrue(Role.ADMIN.includes(Role.EDITOR));
        assertFalse(Role.VIEWER.includes(Role.EDITOR));
    }

    @Test
    void parsesNamesInAnyCaseAndNothingElse() {
        assertEquals(Optional.of(Role.EDITOR), Role.parse(" Editor "));
        assertEquals(Optional.empty(), Role.parse("owner"));
        assertEquals(Optional.empty(), Role.parse(null));
    }

    @Test
    void aCallerNeedsWorkspaceActorAndAKnownRole() {
        VerifiedCaller caller = VerifiedCaller.of("acme", "user:1", "editor");
        assertTrue(caller.may(Role.VIEWER));
        assertFalse(caller.may(Role.ADMIN));
        assertThrows(IllegalArgumentException.class, () -> VerifiedCaller.of("acme", "user:1", "root"));
        assertThrows(IllegalArgumentException.class, () -> VerifiedCaller.of(" ", "user:1", "viewer"));
        assertThrows(IllegalArgumentException.class, () -> VerifiedCaller.of("acme", null, "viewer"));
    }
}
