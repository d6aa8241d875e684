package dev.uip.definition.notify.domain;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/** Checks a channel request, whole (create) or merged over the current channel (PATCH), into a ChannelSpec. */
public final class ChannelRules {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_TEAM_LENGTH = 200;

    private final TargetCheck targets;

    public ChannelRules(TargetCheck targets) {
        this.targets = targets;
    }

    public ChannelSpec create(ChannelRequest request) {
        ChannelKind kind = kind(request.kind());
        return spec(kind, request.name(), request.team(), Boolean.TRUE.equals(request.paging()), request.url(),
                request.recipients(), true);
    }

    /** {@code request}'s fields over {@code current}; the URL stays as it is (null in the spec) unless given. */
    public ChannelSpec merge(Channel current, ChannelRequest request) {
        if (request.kind() != null && kind(request.kind()) != current.kind()) {
            throw new InvalidNotifyRequestException("kind", "a channel's kind cannot change; create another channel");
        }
        String name = request.name() != null ? request.name() : current.name();
        // An explicit empty team makes it a default channel again.
        String team = request.team() == null ? current.team() : request.team().isBlank() ? null : request.team();
        boolean paging = request.paging() != null ? request.paging() : current.paging();
        List<String> recipients = request.recipients() != null ? request.recipients() : current.recipients();
        return spec(current.kind(), name, team, paging, request.url(), recipients, false);
    }

    private ChannelSpec spec(ChannelKind kind, String name, String team, boolean paging, String url,
            List<String> recipients, boolean urlRequired) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH || !name.equals(name.strip())) {
            throw new InvalidNotifyRequestException("name", "name is required: 1-" + MAX_NAME_LENGTH
                    + " characters without leading or trailing spaces");
        }
        String cleanTeam = team == null || team.isBlank() ? null : team.strip();
        if (cleanTeam != null && cleanTeam.length() > MAX_TEAM_LENGTH) {
            throw new InvalidNotifyRequestException("team", "team is at most " + MAX_TEAM_LENGTH + " characters");
        }
        if (kind.hasUrl()) {
            if (recipients != null && !recipients.isEmpty()) {
                throw new InvalidNotifyRequestException("recipients", "only an EMAIL channel has recipients");
            }
            URI uri = url == null && !urlRequired ? null : targets.url("url", url);
            return new ChannelSpec(name, kind, cleanTeam, paging, uri, List.of());
        }
        if (url != null) {
            throw new InvalidNotifyRequestException("url", "an EMAIL channel has recipients, not a url");
        }
        return new ChannelSpec(name, kind, cleanTeam, paging, null, targets.recipients("recipients", recipients));
    }

    private static ChannelKind kind(String value) {
        if (value == null) {
            throw new InvalidNotifyRequestException("kind", "kind is required: WEBHOOK, SLACK or EMAIL");
        }
        try {
            return ChannelKind.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidNotifyRequestException("kind", "kind must be WEBHOOK, SLACK or EMAIL");
        }
    }
}
