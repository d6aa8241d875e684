package dev.uip.definition.notify.domain;

import java.net.URI;
import java.util.List;

/**
 * A channel's checked settings: its URL (webhook, Slack) or recipients (email). The URL is known here only, between
 * the request and its encryption.
 */
public record ChannelSpec(String name, ChannelKind kind, String team, boolean paging, URI url,
        List<String> recipients) {
}
