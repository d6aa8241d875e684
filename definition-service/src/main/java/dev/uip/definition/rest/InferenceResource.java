package dev.uip.definition.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.definition.domain.Workspaces;
import dev.uip.definition.domain.inference.InferenceResult;
import dev.uip.definition.domain.inference.InvalidSamplesException;
import dev.uip.definition.domain.inference.SchemaInference;

/**
 * Proposes draft definitions from sample events; it stores nothing. It shares DefinitionResource's root path so
 * that the two merge: a root of its own would hide GET /v1/definitions/{name} for a definition called "infer".
 */
@Path("/v1/definitions")
@Produces(MediaType.APPLICATION_JSON)
public class InferenceResource {

    static final String WORKSPACE = "X-UIP-Workspace";

    private final SchemaInference inference = new SchemaInference();

    @Inject
    ObjectMapper json;

    /** The workspace is checked now so that drafts can later be stored in it; the proposal does not depend on it. */
    @POST
    @Path("/infer")
    @Consumes(MediaType.WILDCARD)
    public InferenceResult infer(@HeaderParam(WORKSPACE) @DefaultValue("default") String workspace, String body) {
        Workspaces.checkId(workspace);
        return inference.infer(parse(body));
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidSamplesException(InvalidSamplesException.INVALID_SAMPLES, "$",
                    "a JSON body with sample events is required");
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidSamplesException(InvalidSamplesException.INVALID_SAMPLES, "$",
                    "the body is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
