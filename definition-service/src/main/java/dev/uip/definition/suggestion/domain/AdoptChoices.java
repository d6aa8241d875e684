package dev.uip.definition.suggestion.domain;

import java.util.Map;

/**
 * What a person decides when adopting a suggestion; every part is optional.
 *
 * @param ownerTeam the owning team of the new draft
 * @param description its description
 * @param autoRelease whether publishing a new version of it releases its quarantined schema violations
 * @param types a type per conflicting (or untyped) path, e.g. {@code {"properties.rows": "integer"}}
 */
public record AdoptChoices(String ownerTeam, String description, Boolean autoRelease, Map<String, String> types) {

    /** No choices: the proposal as inferred. */
    public static final AdoptChoices NONE = new AdoptChoices(null, null, null, Map.of());
}
