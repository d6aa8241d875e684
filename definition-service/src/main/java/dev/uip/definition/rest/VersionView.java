package dev.uip.definition.rest;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.uip.definition.domain.DefinitionSpec;
import dev.uip.definition.domain.LifecycleStatus;

/** One immutable version; {@code schemaText} only when a single version is asked for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionView(int version, String action, LifecycleStatus status, boolean breaking, String createdBy,
        Instant createdAt, DefinitionSpec definition, DefinitionView.SchemaView schema, String schemaText) {
}
