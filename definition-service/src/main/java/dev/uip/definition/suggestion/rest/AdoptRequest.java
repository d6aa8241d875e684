package dev.uip.definition.suggestion.rest;

import java.util.Map;

/**
 * The optional body of {@code POST /v1/suggestions/{event}/adopt}.
 *
 * @param ownerTeam the owning team of the new draft
 * @param description its description
 * @param autoRelease whether publishing a new version releases its quarantined schema violations (default false)
 * @param types a type per conflicting or untyped path, e.g. {@code {"properties.rows": "integer"}}
 */
public record AdoptRequest(String ownerTeam, String description, Boolean autoRelease, Map<String, String> types) {
}
