package dev.uip.definition.mapping;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.definition.domain.PropertySpec;
import dev.uip.definition.repository.EventDefinition;
import dev.uip.definition.rest.DefinitionView;

/** Converts between stored definitions, their JSON columns and API views. */
@ApplicationScoped
public class DefinitionMapper {

    private static final TypeReference<List<PropertySpec>> PROPERTIES = new TypeReference<>() {
    };

    @Inject
    ObjectMapper json;

    public String propertiesJson(List<PropertySpec> properties) {
        try {
            return json.writeValueAsString(properties);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public DefinitionView view(EventDefinition entity) {
        try {
            return new DefinitionView(entity.workspaceId, entity.name, entity.description,
                    json.readValue(entity.propertiesJson, PROPERTIES), entity.version,
                    new DefinitionView.SchemaView(entity.schemaGroup, entity.name, entity.schemaVersion,
                            entity.schemaGlobalId),
                    entity.createdAt, entity.updatedAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored properties of " + entity.name + " are not JSON", e);
        }
    }

    public String viewJson(EventDefinition entity) {
        try {
            return json.writeValueAsString(view(entity));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
