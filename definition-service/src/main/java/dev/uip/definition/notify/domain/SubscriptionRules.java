package dev.uip.definition.notify.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks a subscription request into a Subscription (bounded team, event name and actions). */
public final class SubscriptionRules {

    static final int MAX_ACTIONS = 20;
    static final int MAX_TEXT = 200;
    private static final Pattern ACTION = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    private SubscriptionRules() {
    }

    public static Subscription check(String workspaceId, String id, String actor, SubscriptionRequest request,
            Instant at) {
        SubscriptionScope scope = choice("scope", request.scope(), SubscriptionScope.class,
                SubscriptionScope.WORKSPACE);
        String team = text("team", request.team());
        String event = text("eventName", request.eventName());
        if (scope == SubscriptionScope.TEAM && team == null) {
            throw new InvalidNotifyRequestException("team", "a TEAM subscription names its team");
        }
        if (scope == SubscriptionScope.EVENT && event == null) {
            throw new InvalidNotifyRequestException("eventName", "an EVENT subscription names its eventName");
        }
        if (scope != SubscriptionScope.EVENT && event != null) {
            throw new InvalidNotifyRequestException("eventName", "only an EVENT subscription names an eventName");
        }
        List<String> actions = new ArrayList<>();
        List<String> given = request.actions() == null ? List.of() : request.actions();
        if (given.size() > MAX_ACTIONS) {
            throw new InvalidNotifyRequestException("actions", "at most " + MAX_ACTIONS + " actions");
        }
        for (String action : given) {
            String upper = action == null ? "" : action.strip().toUpperCase(Locale.ROOT);
            if (!ACTION.matcher(upper).matches()) {
                throw new InvalidNotifyRequestException("actions", "an action is a word such as PUBLISHED, ARCHIVED"
                        + " or UPDATED");
            }
            if (!actions.contains(upper)) {
                actions.add(upper);
            }
        }
        String channel = request.channelId() == null || request.channelId().isBlank()
                ? null
                : text("channelId", request.channelId());
        DigestMode digest = choice("digest", request.digest(), DigestMode.class, DigestMode.NONE);
        return new Subscription(workspaceId, id, scope, team, event, Boolean.TRUE.equals(request.keyEventsOnly()),
                List.copyOf(actions), channel, digest, actor, at);
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw new InvalidNotifyRequestException(field, field + " is at most " + MAX_TEXT + " characters");
        }
        return value.strip();
    }

    private static <E extends Enum<E>> E choice(String field, String value, Class<E> type, E otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidNotifyRequestException(field, field + " must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
