package dev.uip.audit.rest;

import java.util.List;

/** A page of entries, newest first; {@code nextCursor} asks for the older ones (null on the last page). */
public record EntryPageView(List<EntryDetailView> entries, String nextCursor) {
}
