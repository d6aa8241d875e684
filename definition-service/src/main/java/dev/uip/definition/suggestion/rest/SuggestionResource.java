package dev.uip.definition.suggestion.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.definition.access.CallerContext;
import dev.uip.definition.rest.QueryParams;
import dev.uip.definition.suggestion.domain.AdoptChoices;
import dev.uip.definition.suggestion.domain.Intake;
import dev.uip.definition.suggestion.domain.InvalidSuggestionRequestException;
import dev.uip.definition.suggestion.rest.SuggestionViews.AdoptedView;
import dev.uip.definition.suggestion.rest.SuggestionViews.DismissView;
import dev.uip.definition.suggestion.rest.SuggestionViews.PageView;
import dev.uip.definition.suggestion.rest.SuggestionViews.SuggestionView;
import dev.uip.definition.suggestion.service.SuggestionAdoption;
import dev.uip.definition.suggestion.service.Suggestions;
import dev.uip.schemas.identity.Role;

/**
 * Suggestions from live traffic, within the caller's workspace (as /v1/definitions): unplanned events by volume,
 * each with the definition its recent samples suggest, adoptable as a draft in one call.
 */
@Path("/v1/suggestions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Suggestions")
public class SuggestionResource {

    @Inject
    CallerContext caller;

    @Inject
    Suggestions suggestions;

    @Inject
    SuggestionAdoption adoption;

    @Inject
    ObjectMapper json;

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Operation(summary = "Unplanned events by volume, each with an inferred draft definition", description = "Busiest"
            + " over the last 7 days first; events with a definition of any status are left out; dismissed=true lists"
            + " the dismissed ones; page from 0, size 1-50 (default 20)")
    public Uni<PageView> list(@QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("dismissed") String dismissed) {
        int pageIndex = integer("page", page, 0, 0, 10_000);
        int pageSize = integer("size", size, 20, 1, 50);
        boolean hidden = bool("dismissed", dismissed);
        return workspace().chain(ws -> suggestions.page(ws, hidden, pageIndex, pageSize))
                .map(found -> new PageView(found.items().stream().map(s -> SuggestionView.of(s, false)).toList(),
                        pageIndex, pageSize, found.total(), found.notTracked()));
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/{event}")
    @Operation(summary = "One suggestion with its newest sample payloads")
    public Uni<SuggestionView> one(@PathParam("event") String event) {
        String name = event(event);
        return workspace().chain(ws -> suggestions.one(ws, name)).map(s -> SuggestionView.of(s, true));
    }

    @RolesAllowed(Role.EDITOR_NAME)
    @POST
    @Path("/{event}/adopt")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Create the suggested definition as a DRAFT", description = "Optional body {ownerTeam,"
            + " description, autoRelease, types: {path: type}}; types are required for every conflicting path")
    public Uni<AdoptedView> adopt(@PathParam("event") String event, String body) {
        String name = event(event);
        AdoptChoices choices = choices(body);
        return workspace().chain(ws -> adoption.adopt(ws, caller.actor(), name, choices)).map(AdoptedView::of);
    }

    @RolesAllowed(Role.EDITOR_NAME)
    @POST
    @Path("/{event}/dismiss")
    @Operation(summary = "Hide a suggestion from the list (GET ?dismissed=true shows it; restore undoes it)")
    public Uni<DismissView> dismiss(@PathParam("event") String event) {
        return setDismissed(event(event), true);
    }

    @RolesAllowed(Role.EDITOR_NAME)
    @POST
    @Path("/{event}/restore")
    @Operation(summary = "Show a dismissed suggestion in the list again")
    public Uni<DismissView> restore(@PathParam("event") String event) {
        return setDismissed(event(event), false);
    }

    private Uni<DismissView> setDismissed(String name, boolean dismissed) {
        return workspace().chain(ws -> suggestions.dismiss(ws, caller.actor(), name, dismissed))
                .replaceWith(new DismissView(name, dismissed));
    }

    private AdoptChoices choices(String body) {
        if (body == null || body.isBlank()) {
            return AdoptChoices.NONE;
        }
        if (body.length() > 100_000) {
            throw new InvalidSuggestionRequestException("$", "the body is at most 100,000 characters");
        }
        AdoptRequest request;
        try {
            request = json.readValue(body, AdoptRequest.class);
        } catch (JsonProcessingException e) {
            throw new InvalidSuggestionRequestException("$", "the body must be a JSON object {ownerTeam,"
                    + " description, autoRelease, types}: " + e.getOriginalMessage());
        }
        if (request == null) {
            return AdoptChoices.NONE;
        }
        return new AdoptChoices(request.ownerTeam(), request.description(), request.autoRelease(), request.types());
    }

    private static String event(String event) {
        if (!Intake.isTrackable(event)) {
            throw new InvalidSuggestionRequestException("event", "event is 1 to " + Intake.MAX_EVENT_NAME
                    + " characters without control characters");
        }
        return event;
    }

    private static boolean bool(String name, String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidSuggestionRequestException(name, name + " must be true or false");
    }

    private static int integer(String name, String value, int fallback, int min, int max) {
        return QueryParams.integer(name, value, fallback, min, max, InvalidSuggestionRequestException::new);
    }

    private Uni<String> workspace() {
        return Uni.createFrom().item(caller.workspace());
    }
}
