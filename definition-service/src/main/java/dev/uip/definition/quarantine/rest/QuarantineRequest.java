package dev.uip.definition.quarantine.rest;

import java.util.List;

/**
 * The body of a preview, release or discard: which events ({@code filter} and/or {@code messageIds}), how many to
 * preview ({@code limit}) and, for a discard, why ({@code reason}).
 */
public record QuarantineRequest(Filter filter, List<String> messageIds, Integer limit, String reason) {

    /** The same filters as the list's query parameters. */
    public record Filter(String event, String reason, String path, String from, String to) {
    }

    static final String FIELDS = "filter (event, reason, path, from, to), messageIds, limit (preview), reason (discard)";
}
