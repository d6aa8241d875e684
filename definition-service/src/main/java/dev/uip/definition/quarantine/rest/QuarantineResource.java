package dev.uip.definition.quarantine.rest;

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

import dev.uip.definition.access.CallerContext;
import dev.uip.definition.quarantine.domain.PreviewResult;
import dev.uip.definition.quarantine.domain.QuarantineFilter;
import dev.uip.definition.quarantine.domain.QuarantineStatus;
import dev.uip.definition.quarantine.domain.ReleaseProgress;
import dev.uip.definition.quarantine.rest.QuarantineViews.DiscardView;
import dev.uip.definition.quarantine.rest.QuarantineViews.EventView;
import dev.uip.definition.quarantine.rest.QuarantineViews.ReleaseView;
import dev.uip.definition.quarantine.rest.QuarantineViews.SummaryView;
import dev.uip.definition.quarantine.service.QuarantineBrowser;
import dev.uip.definition.quarantine.service.QuarantinePreview;
import dev.uip.definition.quarantine.service.QuarantineReleases;
import dev.uip.definition.rest.PageView;
import dev.uip.schemas.identity.Role;

/**
 * The quarantine's REST API, within the caller's workspace (as /v1/definitions): browse, count, preview, release and
 * discard quarantined events.
 */
@Path("/v1/quarantine")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quarantine")
public class QuarantineResource {

    @Inject
    CallerContext caller;

    @Inject
    QuarantineBodies bodies;

    @Inject
    QuarantineBrowser browser;

    @Inject
    QuarantinePreview previews;

    @Inject
    QuarantineReleases releases;

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Operation(summary = "List quarantined events, newest first", description = "Filters event, reason, path"
            + " (a violation path), from/to (ISO-8601, on quarantinedAt), status; page from 0, size 1-100")
    public Uni<PageView<EventView>> list(@QueryParam("event") String event, @QueryParam("reason") String reason,
            @QueryParam("path") String path, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("status") String status, @QueryParam("page") String page, @QueryParam("size") String size) {
        QuarantineFilter filter = QuarantineParams.filter(event, reason, path, from, to, status, null);
        int pageIndex = QuarantineParams.integer("page", page, 0, 0, 100_000);
        int pageSize = QuarantineParams.integer("size", size, 50, 1, 100);
        return workspace().chain(ws -> browser.page(ws, filter, pageIndex, pageSize))
                .map(found -> new PageView<>(found.items().stream().map(EventView::of).toList(), pageIndex,
                        pageSize, found.total()));
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/summary")
    @Operation(summary = "Counts per reason and per event, with a sample payload each", description = "The list's"
            + " filters; status defaults to QUARANTINED")
    public Uni<SummaryView> summary(@QueryParam("event") String event, @QueryParam("reason") String reason,
            @QueryParam("path") String path, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("status") String status) {
        QuarantineFilter filter = QuarantineParams.filter(event, reason, path, from, to, status, null);
        QuarantineFilter scoped = filter.status() == null ? filter.withStatus(QuarantineStatus.QUARANTINED) : filter;
        return workspace().chain(ws -> browser.summary(ws, scoped)).map(SummaryView::of);
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/{messageId}")
    public Uni<EventView> one(@PathParam("messageId") String messageId) {
        String id = QuarantineParams.text("messageId", messageId);
        return workspace().chain(ws -> browser.one(ws, id)).map(EventView::of);
    }

    @RolesAllowed(Role.EDITOR_NAME)
    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "How many matching QUARANTINED events would pass now, and why the others still fail")
    public Uni<PreviewResult> preview(String body) {
        QuarantineRequest request = bodies.read(body);
        QuarantineFilter filter = bodies.filter(request, false);
        int limit = bodies.limit(request);
        return workspace().chain(ws -> previews.preview(ws, filter, limit));
    }

    @RolesAllowed(Role.EDITOR_NAME)
    @POST
    @Path("/release")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Release matching QUARANTINED events to be validated again", description = "Answers"
            + " {releaseId, count}; releaseId is null when nothing matched")
    public Uni<ReleaseView> release(String body) {
        QuarantineRequest request = bodies.read(body);
        QuarantineFilter filter = bodies.filter(request, true);
        return workspace().chain(ws -> releases.release(ws, caller.actor(), filter))
                .map(result -> new ReleaseView(result.id(), result.count()));
    }

    @RolesAllowed(Role.EDITOR_NAME)
    @POST
    @Path("/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Discard matching QUARANTINED events; a reason is required")
    public Uni<DiscardView> discard(String body) {
        QuarantineRequest request = bodies.read(body);
        QuarantineFilter filter = bodies.filter(request, true);
        String reason = bodies.discardReason(request);
        return workspace().chain(ws -> releases.discard(ws, caller.actor(), filter, reason))
                .map(result -> new DiscardView(result.id(), result.count()));
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/releases/{releaseId}")
    @Operation(summary = "Progress of a release: pending, released, still failing, retry later, superseded")
    public Uni<ReleaseProgress> progress(@PathParam("releaseId") String releaseId) {
        String id = QuarantineParams.text("releaseId", releaseId);
        return workspace().chain(ws -> releases.progress(ws, id));
    }

    private Uni<String> workspace() {
        return Uni.createFrom().item(caller.workspace());
    }
}
