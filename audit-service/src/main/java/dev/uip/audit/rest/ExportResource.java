package dev.uip.audit.rest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.smallrye.common.annotation.Blocking;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.audit.domain.EntryFilter;
import dev.uip.audit.domain.InvalidQueryException;
import dev.uip.audit.domain.StoredEntry;
import dev.uip.audit.identity.CurrentCaller;
import dev.uip.audit.mapping.EntryViews;
import dev.uip.audit.service.AuditQueries;
import dev.uip.schemas.identity.Role;

/**
 * Exports the caller's workspace's matching entries, oldest first, as CSV or NDJSON: streamed to the client batch by
 * batch as they are read, never built in memory, as an attachment.
 */
@Path("/v1/audit/{workspace}/export")
@RolesAllowed(Role.VIEWER_NAME)
public class ExportResource {

    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";

    @Inject
    AuditQueries queries;

    @Inject
    CurrentCaller caller;

    @Inject
    ObjectMapper json;

    /** {@code format} is {@code ndjson} (the default) or {@code csv}; the filters are those of the entries query. */
    @GET
    @Blocking
    @Produces({NDJSON, CSV, "application/json"})
    public Response export(@PathParam("workspace") String workspace, @QueryParam("format") String format,
            @QueryParam("entityType") String entityType, @QueryParam("entityId") String entityId,
            @QueryParam("event") String event, @QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        String own = caller.workspace(workspace);
        boolean csv = csv(format);
        EntryFilter filter = QueryParams.filter(entityType, entityId, event, actor, action, from, to);
        StreamingOutput body = output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            if (csv) {
                out.write(CsvLines.HEADER);
            }
            try {
                queries.export(own, filter, entry -> write(out, csv, entry));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            out.flush();
        };
        return Response.ok(body).type(csv ? CSV + "; charset=UTF-8" : NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-export." + (csv
                        ? "csv"
                        : "ndjson") + "\"")
                .build();
    }

    private void write(Writer out, boolean csv, StoredEntry entry) {
        try {
            if (csv) {
                out.write(CsvLines.of(EntryViews.exported(entry)));
            } else {
                out.write(json.writeValueAsString(EntryViews.exported(entry)));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean csv(String format) {
        if (format == null || format.isEmpty() || format.equals("ndjson")) {
            return false;
        }
        if (format.equals("csv")) {
            return true;
        }
        throw new InvalidQueryException("INVALID_FORMAT", "format must be csv or ndjson");
    }
}
