package dev.uip.definition.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class DefinitionDiffTest {

    @Test
    void listsAddedRemovedChangedAndMetadata() {
        DefinitionSpec v1 = new DefinitionSpec("Signup", null, "old", "growth", false, Criticality.LOW, List.of("a"),
                Enforcement.WARN, List.of(PropertySpec.of("plan", PropertyType.STRING, true),
                        PropertySpec.of("gone", PropertyType.BOOLEAN, false)));
        DefinitionSpec v3 = new DefinitionSpec("Signup", null, "new", "growth", true, Criticality.LOW, List.of("a"),
                Enforcement.WARN, List.of(PropertySpec.of("plan", PropertyType.ENUM, false)
                        .withAllowedValues(List.of("x")), PropertySpec.of("seats", PropertyType.INTEGER, true)));
        DefinitionDiff diff = DefinitionDiff.between(1, v1, LifecycleStatus.ACTIVE, 3, v3,
                LifecycleStatus.ARCHIVED);
        assertEquals(List.of(new DefinitionDiff.PropertyEntry("seats", "integer", true)), diff.added());
        assertEquals(List.of(new DefinitionDiff.PropertyEntry("gone", "boolean", false)), diff.removed());
        assertEquals(List.of("type", "required", "allowedValues"),
                diff.changed().stream().map(DefinitionDiff.Change::field).toList());
        assertEquals(List.of("description", "keyEvent", "status"),
                diff.metadata().stream().map(DefinitionDiff.Change::field).toList());
        assertEquals(LifecycleStatus.ARCHIVED, diff.metadata().get(2).to());
    }
}
