package dev.uip.definition.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The structured difference between two versions of a definition: properties added, removed and changed. */
public record DefinitionDiff(int from, int to, List<PropertyEntry> added, List<PropertyEntry> removed,
        List<Change> changed, List<Change> metadata) {

    /** A property that exists in only one of the versions. */
    public record PropertyEntry(String path, String type, boolean required) {
    }

    /** One attribute of a property (path set) or of the definition (path null) that differs. */
    public record Change(String path, String field, Object from, Object to) {
    }

    /** Compares two versions; {@code statusFrom}/{@code statusTo} are their lifecycle statuses. */
    public static DefinitionDiff between(int fromVersion, DefinitionSpec before, LifecycleStatus statusFrom,
            int toVersion, DefinitionSpec after, LifecycleStatus statusTo) {
        List<PropertyEntry> added = new ArrayList<>();
        List<PropertyEntry> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        properties("", before.properties(), after.properties(), added, removed, changed);
        List<Change> metadata = new ArrayList<>();
        field(metadata, "displayName", before.displayName(), after.displayName());
        field(metadata, "description", before.description(), after.description());
        field(metadata, "ownerTeam", before.ownerTeam(), after.ownerTeam());
        field(metadata, "keyEvent", before.keyEvent(), after.keyEvent());
        field(metadata, "criticality", before.criticality(), after.criticality());
        field(metadata, "tags", before.tags(), after.tags());
        field(metadata, "enforcement", before.enforcement(), after.enforcement());
        field(metadata, "status", statusFrom, statusTo);
        field(metadata, "virtualRule", before.virtualRule(), after.virtualRule());
        return new DefinitionDiff(fromVersion, toVersion, added, removed, changed, metadata);
    }

    private static void properties(String prefix, List<PropertySpec> before, List<PropertySpec> after,
            List<PropertyEntry> added, List<PropertyEntry> removed, List<Change> changed) {
        Map<String, PropertySpec> old = new LinkedHashMap<>();
        before.forEach(property -> old.put(property.name(), property));
        for (PropertySpec next : after) {
            PropertySpec previous = old.remove(next.name());
            if (previous == null) {
                added.add(new PropertyEntry(prefix + next.name(), next.type().apiName(), next.required()));
            } else {
                compare(prefix + next.name(), previous, next, added, removed, changed);
            }
        }
        old.values().forEach(gone -> removed.add(new PropertyEntry(prefix + gone.name(), gone.type().apiName(),
                gone.required())));
    }

    private static void compare(String path, PropertySpec a, PropertySpec b, List<PropertyEntry> added,
            List<PropertyEntry> removed, List<Change> changed) {
        attribute(changed, path, "type", a.type(), b.type());
        attribute(changed, path, "required", a.required(), b.required());
        attribute(changed, path, "description", a.description(), b.description());
        attribute(changed, path, "allowedValues", a.allowedValues(), b.allowedValues());
        attribute(changed, path, "pattern", a.pattern(), b.pattern());
        attribute(changed, path, "minimum", a.minimum(), b.minimum());
        attribute(changed, path, "maximum", a.maximum(), b.maximum());
        attribute(changed, path, "maxLength", a.maxLength(), b.maxLength());
        if (a.type() == b.type() && a.type() == PropertyType.ARRAY) {
            compare(path + "[]", a.items(), b.items(), added, removed, changed);
        }
        if (a.type() == b.type() && a.type() == PropertyType.OBJECT) {
            properties(path + ".", a.fields(), b.fields(), added, removed, changed);
        }
    }

    private static void attribute(List<Change> changes, String path, String field, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            changes.add(new Change(path, field, a, b));
        }
    }

    private static void field(List<Change> changes, String field, Object a, Object b) {
        attribute(changes, null, field, a, b);
    }
}
