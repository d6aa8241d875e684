package dev.uip.definition.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;

import dev.uip.definition.domain.InvalidDefinitionException;

/**
 * Reads request bodies itself so that every malformed one gets a 400 naming the offending field. Values of the wrong
 * JSON type are refused, not coerced ({@code "name": 123} is not the name "123", {@code "keyEvent": "yes"} not true).
 */
@ApplicationScoped
public class RequestReader {

    private final ObjectMapper json;

    @Inject
    public RequestReader(ObjectMapper shared) {
        this.json = shared.copy();
        json.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        json.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        json.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        json.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }

    public DefinitionRequest read(String body) {
        return read(body, DefinitionRequest.class, "a JSON body with name and properties is required");
    }

    public <T> T read(String body, Class<T> type, String whenMissing) {
        return read(body, json.readerFor(type), whenMissing, null);
    }

    /**
     * Reads a body that may hold only the fields of {@code type}: any other is a 400 naming it and listing
     * {@code fields}; so is anything after the JSON value.
     */
    public <T> T readStrict(String body, Class<T> type, String whenMissing, String fields) {
        return read(body, json.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS), whenMissing, fields);
    }

    private <T> T read(String body, ObjectReader reader, String whenMissing, String fields) {
        if (body == null || body.isBlank()) {
            throw new InvalidDefinitionException("$", whenMissing);
        }
        try {
            T request = reader.readValue(body);
            if (request == null) {
                throw new InvalidDefinitionException("$", whenMissing);
            }
            return request;
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidDefinitionException(path(e), "unknown field '" + e.getPropertyName() + "'"
                    + (fields == null ? "" : "; the fields are " + fields));
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
