package dev.uip.audit.mapping;

import java.util.List;
import java.util.stream.Collectors;

import dev.uip.audit.domain.JsonDiff;
import dev.uip.audit.domain.StoredEntry;
import dev.uip.audit.rest.EntryDetailView;
import dev.uip.audit.rest.ExportedEntry;
import dev.uip.audit.rest.MarkerView;

/** Turns stored entries into the query API's views: with their diff, as export lines and as chart markers. */
public final class EntryViews {

    private static final int SUMMARY_PATHS = 3;
    private static final int SUMMARY_ID_CHARS = 200;

    private EntryViews() {
    }

    public static EntryDetailView detail(StoredEntry e) {
        JsonDiff.Result diff = JsonDiff.of(e.before(), e.after());
        return new EntryDetailView(e.sequence(), e.changeId(), e.workspace(), e.actor(), e.action(), e.entityType(),
                e.entityId(), e.eventName(), e.before(), e.after(), e.version(), e.occurredAt(), e.recordedAt(),
                e.hash(), diff.differences(), diff.truncated());
    }

    public static ExportedEntry exported(StoredEntry e) {
        return new ExportedEntry(e.sequence(), e.changeId(), e.workspace(), e.actor(), e.action(), e.entityType(),
                e.entityId(), e.eventName(), e.version(), e.occurredAt(), e.recordedAt(), e.hash(), e.before(),
                e.after());
    }

    /** A marker whose summary says who did what to which entity and which values changed (the first three). */
    public static MarkerView marker(StoredEntry e) {
        List<JsonDiff.Difference> changed = JsonDiff.of(e.before(), e.after()).differences();
        String id = e.entityId().length() > SUMMARY_ID_CHARS
                ? e.entityId().substring(0, SUMMARY_ID_CHARS) + "…"
                : e.entityId();
        StringBuilder summary = new StringBuilder().append(e.actor()).append(' ').append(e.action()).append(' ')
                .append(e.entityType()).append(' ').append(id);
        if (!changed.isEmpty()) {
            summary.append(" (changed ").append(changed.stream().limit(SUMMARY_PATHS)
                    .map(d -> d.path().isEmpty() ? "/" : d.path()).collect(Collectors.joining(", ")));
            if (changed.size() > SUMMARY_PATHS) {
                summary.append(" and ").append(changed.size() - SUMMARY_PATHS).append(" more");
            }
            summary.append(')');
        }
        return new MarkerView(e.occurredAt(), e.action(), e.entityType(), e.entityId(), e.actor(),
                summary.toString(), e.sequence());
    }
}
