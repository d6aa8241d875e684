package dev.uip.definition.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.definition.domain.InvalidDefinitionException;

/** Reads the optional {@code {"name": ...}} body of key and credential requests. */
@ApplicationScoped
public class NameBody {

    @Inject
    ObjectMapper json;

    public String name(String body) {
        return text(body, "name");
    }

    public String text(String body, String field) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            if (node != null && !node.isObject() && !node.isNull()) {
                throw new InvalidDefinitionException("$", "the body is a JSON object, e.g. {\"" + field
                        + "\": \"...\"}");
            }
            JsonNode value = node == null ? null : node.get(field);
            if (value != null && !value.isNull() && !value.isTextual()) {
                throw new InvalidDefinitionException(field, field + " must be a string");
            }
            return value == null || value.isNull() ? null : value.asText();
        } catch (JsonProcessingException e) {
            throw new InvalidDefinitionException("$", "the body is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
