package dev.uip.anomaly.rest;

import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.uip.anomaly.domain.InvalidQueryException;
import dev.uip.anomaly.domain.RulePreviewRequest;

/** Reads a rule preview body strictly: bounded, JSON, known fields only, each refusal a 400 that says why. */
@ApplicationScoped
class PreviewBodies {

    /** Longest body accepted (a rule is a few hundred bytes). */
    static final int MAX_BODY_CHARS = 16_384;

    private final ObjectReader reader;

    @Inject
    PreviewBodies(ObjectMapper mapper) {
        this.reader = mapper.readerFor(RulePreviewRequest.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    RulePreviewRequest read(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidQueryException("INVALID_BODY", "a JSON body is required: {\"type\", \"event\", "
                    + "\"kind\", \"rule\", \"from\", \"to\", \"granularity\"}");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw new InvalidQueryException("BODY_TOO_LARGE", "a preview body is at most " + MAX_BODY_CHARS
                    + " characters");
        }
        try {
            RulePreviewRequest request = reader.readValue(body);
            if (request == null) {
                throw new InvalidQueryException("INVALID_BODY", "the body must be a JSON object");
            }
            return request;
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidQueryException("UNKNOWN_FIELD", "unknown field '" + shortened(e.getPropertyName())
                    + "'; a preview has type, event, kind, rule, from, to and granularity, a rule has enabled, "
                    + "sensitivity, minVolume, windowMinutes, threshold, percent, direction, baselineMinutes, "
                    + "quietHours {startHour, endHour, timeZone} and severity");
        } catch (InputCoercionException e) {
            throw new InvalidQueryException("INVALID_BODY", "a number in the body is out of range");
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() == null
                    ? "[" + r.getIndex() + "]"
                    : r
                            .getFieldName())
                    .collect(Collectors.joining("."));
            boolean range = false;
            for (Throwable t = e; t != null && !range; t = t.getCause()) {
                range = t instanceof InputCoercionException;
            }
            throw new InvalidQueryException("INVALID_BODY", field.isEmpty()
                    ? "the body must be a JSON object"
                    : range
                            ? "field '" + field + "' is out of range"
                            : "field '" + field + "' has the wrong type");
        } catch (JsonProcessingException e) {
            throw new InvalidQueryException("INVALID_BODY", e.getLocation() == null
                    ? "the body is not valid JSON"
                    : "the body is not valid JSON (line " + e.getLocation().getLineNr() + ", column " + e
                            .getLocation().getColumnNr() + ")");
        }
    }

    private static String shortened(String name) {
        return name == null || name.length() <= 64 ? name : name.substring(0, 64) + "...";
    }
}
