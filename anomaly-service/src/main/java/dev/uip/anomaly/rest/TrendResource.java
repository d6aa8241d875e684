package dev.uip.anomaly.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

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

import dev.uip.anomaly.domain.AlertView;
import dev.uip.anomaly.domain.EventHealth;
import dev.uip.anomaly.domain.GapRateView;
import dev.uip.anomaly.domain.InvalidQueryException;
import dev.uip.anomaly.domain.RulePreview;
import dev.uip.anomaly.domain.RulePreviewRequest;
import dev.uip.anomaly.domain.SeriesView;
import dev.uip.anomaly.domain.StatsView;
import dev.uip.anomaly.identity.CurrentCaller;
import dev.uip.anomaly.service.RulePreviews;
import dev.uip.anomaly.service.Trends;
import dev.uip.anomaly.trend.SeriesId;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.identity.Role;

/**
 * Trends of a workspace: the time series of any event (range, granularity, breakdown), its events with their
 * health and owner, its alerts, and its critical gap rate. Only the caller's own workspace: any other in the path is a
 * 404. Reading needs a viewer, a rule preview (no writes, but a replay of stored history) an editor.
 */
@Path("/v1/trends/{workspace}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class TrendResource {

    @Inject
    Trends trends;

    @Inject
    RulePreviews previews;

    @Inject
    PreviewBodies bodies;

    @Inject
    CurrentCaller caller;

    /**
     * One series: {@code type} track (default, {@code event} required), page or screen ({@code event} = the page
     * name, may be empty), identify, group or alias (no event).
     */
    @GET
    @Path("/series")
    public SeriesView series(@PathParam("workspace") String workspace, @QueryParam("type") String type,
            @QueryParam("event") String event, @QueryParam("granularity") String granularity,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("breakdown") String breakdown) {
        return trends.series(seriesId(workspace(workspace), type, event), granularity, instant("from",
                from), instant("to", to), breakdown);
    }

    /**
     * What validation made of one series' events (the series named as for {@code /series}): valid, warned,
     * unplanned, derived, released, quarantined by reason, duplicates, and the violation rate, per bucket and in
     * total.
     */
    @GET
    @Path("/stats")
    public StatsView stats(@PathParam("workspace") String workspace, @QueryParam("type") String type,
            @QueryParam("event") String event, @QueryParam("granularity") String granularity,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return trends.stats(seriesId(workspace(workspace), type, event), granularity, instant("from",
                from), instant("to", to));
    }

    /** The caller's workspace if the path names it (else 404), bounded as any store key. */
    private String workspace(String named) {
        return QueryNames.workspace(caller.workspace(named));
    }

    private static SeriesId seriesId(String workspace, String type, String event) {
        MessageType callType = callType(type);
        String name = switch (callType) {
            case TRACK -> QueryNames.event(event);
            case PAGE, SCREEN -> event == null ? "" : boundedName(event);
            default -> "";
        };
        return new SeriesId(workspace, callType, name);
    }

    /**
     * The alerts a rule would have raised over the stored history of one series: the body names the series
     * ({@code type}, {@code event}), the rule ({@code kind} and {@code rule}, as the rule API's PUT body) and the range
     * ({@code from}, {@code to}, optional {@code granularity}).
     */
    @POST
    @Path("/preview")
    @RolesAllowed(Role.EDITOR_NAME)
    @Consumes(MediaType.WILDCARD)
    public RulePreview preview(@PathParam("workspace") String workspace, String body) {
        String ws = workspace(workspace);
        RulePreviewRequest request = bodies.read(body);
        return previews.preview(seriesId(ws, request.type(), request.event()), request, instant("from", request
                .from()), instant("to", request.to()), System.currentTimeMillis());
    }

    @GET
    @Path("/events")
    public List<EventHealth> events(@PathParam("workspace") String workspace) {
        return trends.events(workspace(workspace));
    }

    /** Open alerts, or every kept alert with {@code state=all}. */
    @GET
    @Path("/alerts")
    public List<AlertView> alerts(@PathParam("workspace") String workspace, @QueryParam("state") String state) {
        if (state != null && !state.equals("open") && !state.equals("all")) {
            throw new InvalidQueryException("INVALID_STATE", "state is open (default) or all");
        }
        return trends.alerts(workspace(workspace), "all".equals(state));
    }

    @GET
    @Path("/critical-gap-rate")
    public GapRateView gapRate(@PathParam("workspace") String workspace, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return trends.gapRate(workspace(workspace), instant("from", from), instant("to", to));
    }

    private static MessageType callType(String type) {
        if (type == null || type.isEmpty()) {
            return MessageType.TRACK;
        }
        try {
            return MessageType.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("INVALID_TYPE", "type is track, page, screen, identify, group or alias");
        }
    }

    private static String boundedName(String name) {
        if (name.length() > SeriesId.MAX_NAME) {
            throw new InvalidQueryException("INVALID_EVENT", "a name is at most " + SeriesId.MAX_NAME
                    + " characters");
        }
        return name;
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            Instant instant = Instant.parse(text);
            if (instant.getEpochSecond() < 0 || instant.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
                throw new InvalidQueryException("INVALID_TIME", field + " must be between 1970 and 9999");
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException("INVALID_TIME", field + " must be an ISO-8601 instant such as "
                    + "2026-11-27T10:00:00Z");
        }
    }
}
