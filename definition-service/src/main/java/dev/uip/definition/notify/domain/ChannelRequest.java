package dev.uip.definition.notify.domain;

import java.util.List;

/**
 * A channel as a client sends it (create: all needed fields; PATCH: only those to change). {@code url} is the
 * webhook or Slack URL, {@code recipients} the email addresses.
 */
public record ChannelRequest(String name, String kind, String team, Boolean paging, String url,
        List<String> recipients) {

    /** The fields a channel request may hold, for the 400 that names an unknown one. */
    public static final String FIELDS = "name, kind, team, paging, url, recipients";
}
