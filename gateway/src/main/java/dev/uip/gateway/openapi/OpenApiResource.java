package dev.uip.gateway.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.mutiny.Uni;
import io.smallrye.openapi.runtime.io.Format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.uip.gateway.proxy.RouteTable;

/** One OpenAPI document for the whole management API: the gateway's own routes and the services' behind it. */
@Path("/api/openapi.json")
public class OpenApiResource {

    @Inject
    OpenApiDocumentService gatewayDocument;

    @Inject
    ServiceDocuments services;

    @Inject
    RouteTable routes;

    @Inject
    ObjectMapper json;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    // Public like the services' /q/openapi: the API's shape is no secret, and a client reads it before signing in.
    @PermitAll
    @Operation(summary = "The OpenAPI document of the whole management API")
    public Uni<ObjectNode> document() {
        ObjectNode own = gateway();
        return services.all().map(documents -> new OpenApiMerger(routes::routes).merge(own, documents));
    }

    private ObjectNode gateway() {
        try {
            return (ObjectNode) json.readTree(gatewayDocument.getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME,
                    Format.JSON));
        } catch (IOException e) {
            throw new UncheckedIOException("the gateway's own OpenAPI document cannot be read", e);
        }
    }
}
