package dev.uip.definition.notify.domain;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.schemas.DefinitionChanged;

/**
 * What subscriptions match a change on: its action and entity, and from its after (else before) JSON the owner team,
 * the key-event flag and the event name (a definition's {@code name}, or an {@code eventName} field).
 */
public record ChangeFacts(String workspaceId, String changeId, String action, String entityType, String entityId,
        String actor, Instant occurredAt, String ownerTeam, boolean keyEvent, String eventName) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TEXT = 200;
    private static final Set<String> NOTIFY_SETTINGS = Set.of("CHANNEL", "SUBSCRIPTION");

    public static ChangeFacts of(DefinitionChanged change) {
        // A channel's or subscription's own team and eventName are settings, not the subject of a change: without
        // this, creating an EVENT subscription would match itself.
        boolean settings = NOTIFY_SETTINGS.contains(change.getEntityType());
        JsonNode after = settings ? JSON.missingNode() : parse(change.getAfter());
        JsonNode before = settings ? JSON.missingNode() : parse(change.getBefore());
        String team = text(after, "ownerTeam", text(before, "ownerTeam", null));
        boolean key = after.path("keyEvent").asBoolean(false) || before.path("keyEvent").asBoolean(false);
        String nameField = "EVENT_DEFINITION".equals(change.getEntityType()) ? "name" : "eventName";
        String event = text(after, nameField, text(before, nameField, null));
        return new ChangeFacts(change.getWorkspaceId(), change.getChangeId(), bound(change.getAction()),
                bound(change.getEntityType()), bound(change.getEntityId()), bound(change.getActor()),
                change.getOccurredAt(), team, key, event);
    }

    /** One line of a digest or the text of a notification: "ARCHIVED EVENT_DEFINITION Checkout by user:x". */
    public String summary() {
        return action + " " + entityType + " " + entityId + " by " + actor;
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            return JSON.missingNode();
        }
    }

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? bound(value.asText()) : otherwise;
    }

    private static String bound(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
