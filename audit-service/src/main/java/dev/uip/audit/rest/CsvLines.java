package dev.uip.audit.rest;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes export rows as RFC 4180 CSV lines. A text cell that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, tab or carriage return) gets a leading apostrophe, since every text field is tenant-controlled.
 */
final class CsvLines {

    static final String HEADER = "sequence,changeId,workspaceId,actor,action,entityType,entityId,eventName,version,"
            + "occurredAt,recordedAt,hash,before,after\r\n";

    private CsvLines() {
    }

    static String of(ExportedEntry e) {
        List<String> cells = new ArrayList<>(14);
        cells.add(Long.toString(e.sequence()));
        cells.add(text(e.changeId()));
        cells.add(text(e.workspaceId()));
        cells.add(text(e.actor()));
        cells.add(text(e.action()));
        cells.add(text(e.entityType()));
        cells.add(text(e.entityId()));
        cells.add(text(e.eventName()));
        cells.add(Integer.toString(e.version()));
        cells.add(e.occurredAt().toString());
        cells.add(e.recordedAt().toString());
        cells.add(text(e.hash()));
        cells.add(text(e.before()));
        cells.add(text(e.after()));
        return String.join(",", cells) + "\r\n";
    }

    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
