package dev.uip.ingest.service;

import java.util.Set;

import org.apache.avro.Schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.uip.schemas.DefinitionCallType;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.names.DefinitionKeys;

/**
 * What a call is checked against: the call type and name of the definition that may describe it, and where in the
 * message the checked object is (a track event's, page's or screen's {@code properties}, an identify call's
 * {@code traits}).
 *
 * @param name the definition's name: the event name, the page or screen name, or {@value DefinitionKeys#IDENTIFY_NAME};
 *        null when the call names none (then no definition can describe it)
 */
record DefinedCall(DefinitionCallType callType, String name, String root) {

    /** Longest page or screen name carried on; longer ones are cut (they name a trend series). */
    static final int MAX_PAGE_NAME = 200;

    /** The definition a call may have, or null for group and alias calls, which have none. */
    static DefinedCall of(RawUsageEvent raw, JsonNode message) {
        return switch (raw.getType()) {
            case TRACK -> new DefinedCall(DefinitionCallType.TRACK, raw.getEvent(), "properties");
            case PAGE -> new DefinedCall(DefinitionCallType.PAGE, fullPageName(raw, message), "properties");
            case SCREEN -> new DefinedCall(DefinitionCallType.SCREEN, fullPageName(raw, message), "properties");
            case IDENTIFY -> new DefinedCall(DefinitionCallType.IDENTIFY, DefinitionKeys.IDENTIFY_NAME, "traits");
            default -> null;
        };
    }

    /** Properties that Segment's libraries add to every page call (analytics.js copies them from context.page). */
    static final Set<String> PAGE_PROPERTIES = Set.of("name", "path", "referrer", "search", "title", "url",
            "keywords");
    /** The property that Segment's mobile libraries add to every screen call. */
    static final Set<String> SCREEN_PROPERTIES = Set.of("name");

    /**
     * What is checked against the definition's schema: the object at {@link #root}, less the standard page or screen
     * properties that the schema does not declare (SDKs send them on every call; a declared one is checked).
     */
    JsonNode checked(JsonNode message, Schema schema) {
        JsonNode object = message.get(root);
        Set<String> standard = callType == DefinitionCallType.PAGE
                ? PAGE_PROPERTIES
                : callType == DefinitionCallType.SCREEN ? SCREEN_PROPERTIES : Set.of();
        if (object == null || !object.isObject() || standard.stream().noneMatch(object::has)) {
            return object;
        }
        ObjectNode copy = ((ObjectNode) object).deepCopy();
        standard.stream().filter(name -> schema.getField(name) == null).forEach(copy::remove);
        return copy;
    }

    /** Whether this is a track event (whose undefined events the workspace's policy decides about). */
    boolean track() {
        return callType == DefinitionCallType.TRACK;
    }

    /** Where a violation about the definition as a whole points: the field that names it. */
    String namePath() {
        return switch (callType) {
            case TRACK -> "event";
            case IDENTIFY -> "traits";
            default -> "name";
        };
    }

    /** How people are told which definition it is: "'Invoice Sent'", "page 'Pricing'", "identify traits". */
    String describe() {
        return switch (callType) {
            case TRACK -> "'" + name + "'";
            case IDENTIFY -> "identify traits";
            default -> callType.name().toLowerCase(java.util.Locale.ROOT) + " '" + name + "'";
        };
    }

    /**
     * The name of a page or screen call (its {@code name}, else {@code properties.name}), at most
     * {@value #MAX_PAGE_NAME} characters; null for other calls or when none is given.
     */
    static String pageName(RawUsageEvent raw, JsonNode message) {
        String text = fullPageName(raw, message);
        return text == null || text.length() <= MAX_PAGE_NAME ? text : text.substring(0, MAX_PAGE_NAME);
    }

    // Uncut: a name longer than any definition's cannot be cut into one that matches a definition.
    private static String fullPageName(RawUsageEvent raw, JsonNode message) {
        if (raw.getType() != MessageType.PAGE && raw.getType() != MessageType.SCREEN) {
            return null;
        }
        JsonNode name = message.get("name");
        if (name == null || !name.isTextual()) {
            JsonNode properties = message.get("properties");
            name = properties == null ? null : properties.get("name");
        }
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            return null;
        }
        return name.asText().strip();
    }
}
