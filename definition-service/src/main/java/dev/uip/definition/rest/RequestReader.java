package dev.uip.definition.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.definition.domain.InvalidDefinitionException;

/** Reads request bodies itself so that every malformed one gets a 400 naming the offending field. */
@ApplicationScoped
public class RequestReader {

    @Inject
    ObjectMapper json;

    public DefinitionRequest read(String body) {
        return read(body, DefinitionRequest.class, "a JSON body with name and properties is required");
    }

    public <T> T read(String body, Class<T> type, String whenMissing) {
        if (body == null || body.isBlank()) {
            throw new InvalidDefinitionException("$", whenMissing);
        }
        try {
            T request = json.readValue(body, type);
            if (request == null) {
                throw new InvalidDefinitionException("$", whenMissing);
            }
            return request;
        } catch (JsonMappingException e) {
            if (e.getPath().isEmpty()) {
                throw new InvalidDefinitionException("$", "the body is not valid JSON: " + e.getOriginalMessage());
            }
            Throwable cause = e.getCause();
            String reason = cause instanceof IllegalArgumentException
                    ? cause.getMessage()
                    : "value does not fit: " + e.getOriginalMessage();
            throw new InvalidDefinitionException(path(e), reason);
        } catch (JsonProcessingException e) {
            throw new InvalidDefinitionException("$", "the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
