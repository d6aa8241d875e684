package dev.uip.definition.mapping;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.definition.domain.DefinitionKind;
import dev.uip.definition.domain.DefinitionSpec;
import dev.uip.definition.domain.PropertySpec;
import dev.uip.definition.repository.EventDefinition;
import dev.uip.definition.repository.EventDefinitionVersion;
import dev.uip.definition.rest.DefinitionView;
import dev.uip.definition.rest.VersionView;

/** Converts between stored definitions, their JSON columns, domain specs and API views. */
@ApplicationScoped
public class DefinitionMapper {

    private static final TypeReference<List<PropertySpec>> PROPERTIES = new TypeReference<>() {
    };

    @Inject
    ObjectMapper json;

    public DefinitionSpec spec(EventDefinition entity) {
        return new DefinitionSpec(entity.name, entity.displayName, entity.description, entity.ownerTeam,
                entity.keyEvent, entity.criticality, List.of(entity.tags), entity.enforcement,
                read(entity.propertiesJson, PROPERTIES), entity.kind, rule(entity), entity.callType);
    }

    public DefinitionSpec spec(EventDefinitionVersion version) {
        return read(version.definitionJson, new TypeReference<DefinitionSpec>() {
        }).normalised();
    }

    /** Copies a definition's content onto its head row. */
    public void apply(DefinitionSpec spec, EventDefinition entity) {
        entity.name = spec.name();
        entity.displayName = spec.displayName();
        entity.description = spec.description();
        entity.ownerTeam = spec.ownerTeam();
        entity.keyEvent = spec.keyEvent();
        entity.criticality = spec.criticality();
        entity.tags = spec.tags().toArray(new String[0]);
        entity.enforcement = spec.enforcement();
        entity.propertiesJson = write(spec.properties());
        entity.kind = spec.kind() == null ? DefinitionKind.TRACKED : spec.kind();
        entity.virtualRule = spec.virtualRule() == null ? null : spec.virtualRule().toString();
        entity.callType = spec.callTypeOrTrack();
    }

    public DefinitionView view(EventDefinition entity) {
        DefinitionView.SchemaView schema = entity.schemaGlobalId == null
                ? null
                : new DefinitionView.SchemaView(entity.schemaGroup, entity.name, entity.schemaVersion,
                        entity.schemaGlobalId);
        return new DefinitionView(entity.workspaceId, entity.name, entity.displayName, entity.description,
                entity.ownerTeam, entity.keyEvent, entity.criticality, List.of(entity.tags), entity.status,
                entity.enforcement, read(entity.propertiesJson, PROPERTIES), entity.version, entity.publishedVersion,
                schema, entity.autoRelease, entity.createdAt, entity.updatedAt, entity.kind, rule(entity),
                entity.callType);
    }

    public VersionView view(EventDefinitionVersion version, String name, String groupId, boolean withSchemaText) {
        DefinitionView.SchemaView schema = version.schemaGlobalId == null
                ? null
                : new DefinitionView.SchemaView(groupId, name, version.schemaVersion, version.schemaGlobalId);
        return new VersionView(version.version, version.action, version.status, version.breaking, version.createdBy,
                version.createdAt, spec(version), schema, withSchemaText ? version.schemaText : null);
    }

    private JsonNode rule(EventDefinition entity) {
        return entity.virtualRule == null ? null : read(entity.virtualRule, new TypeReference<JsonNode>() {
        });
    }

    public String viewJson(EventDefinition entity) {
        return write(view(entity));
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not readable as " + type.getType(), e);
        }
    }
}
