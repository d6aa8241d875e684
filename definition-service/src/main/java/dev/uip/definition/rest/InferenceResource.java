package dev.uip.definition.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.definition.access.CallerContext;
import dev.uip.definition.domain.inference.InferenceResult;
import dev.uip.definition.domain.inference.InvalidSamplesException;
import dev.uip.definition.domain.inference.SchemaInference;
import dev.uip.definition.service.InferredDrafts;
import dev.uip.schemas.identity.Role;

/**
 * Proposes draft definitions from sample events and, with {@code ?save=true}, stores the conflict-free ones as drafts.
 * It shares DefinitionResource's root path so that the two merge: a root of its own would hide GET
 * /v1/definitions/{name} for a definition called "infer".
 */
@Path("/v1/definitions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Event definitions")
public class InferenceResource {

    private final SchemaInference inference = new SchemaInference();

    @Inject
    ObjectMapper json;

    @Inject
    CallerContext caller;

    @Inject
    InferredDrafts drafts;

    /** The caller's workspace is settled before the samples are read, as for every other definition call. */
    @POST
    @RolesAllowed(Role.EDITOR_NAME)
    @Path("/infer")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Propose draft definitions from sample events", description = "save=true stores each"
            + " proposal without conflicts as a draft and reports per definition saved true/false with a reason")
    public Uni<InferenceResult> infer(@QueryParam("save") String save, String body) {
        boolean saving = Boolean.TRUE.equals(QueryParams.bool("save", save));
        String workspace = caller.workspace();
        String actor = caller.actor();
        return Uni.createFrom().deferred(() -> {
            InferenceResult result = inference.infer(parse(body));
            return saving ? drafts.save(workspace, actor, result) : Uni.createFrom().item(result);
        });
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
