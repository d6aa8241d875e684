package dev.uip.ingest.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.schemas.DerivedFrom;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.ValidatedUsageEvent;
import dev.uip.schemas.virtual.MessageView;

/**
 * Derives the events of virtual definitions: for a validated event, every active virtual definition of its workspace
 * whose rule matches emits a TRACK event named after the definition, flagged DERIVED, with the source's ids, times,
 * context and properties (as JSON) and its provenance. The derived messageId is a function of the source's and the
 * definition's name, so a replayed source derives the same ids.
 */
public class VirtualEvents {

    /** Flag of a derived event. */
    public static final String DERIVED = "DERIVED";
    /** Most rules that can be configured to be evaluated per event. */
    public static final int MAX_RULES_PER_EVENT = 1_000;

    /** Told what derivation did, for metrics. */
    public interface Listener {

        /** {@code count} events were derived from one event of the workspace. */
        void derived(String workspaceId, int count);

        /** A rule threw on an event (it is skipped for that event). */
        void failed(String workspaceId, String ruleName, Throwable problem);

        /** Candidate rules beyond the per-event bound were not evaluated. */
        void skipped(String workspaceId, int count);
    }

    /** Derives nothing: for topologies without virtual events. */
    public static final VirtualEvents NONE = new VirtualEvents(new VirtualRuleIndex(), 1, null);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final VirtualRuleIndex index;
    private final int maxRulesPerEvent;
    private final Listener listener;

    public VirtualEvents(VirtualRuleIndex index, int maxRulesPerEvent, Listener listener) {
        if (maxRulesPerEvent < 1 || maxRulesPerEvent > MAX_RULES_PER_EVENT) {
            throw new IllegalArgumentException("maxRulesPerEvent must be between 1 and " + MAX_RULES_PER_EVENT
                    + ", was " + maxRulesPerEvent);
        }
        this.index = index;
        this.maxRulesPerEvent = maxRulesPerEvent;
        this.listener = listener == null ? new Listener() {

            @Override
            public void derived(String workspaceId, int count) {
            }

            @Override
            public void failed(String workspaceId, String ruleName, Throwable problem) {
            }

            @Override
            public void skipped(String workspaceId, int count) {
            }
        } : listener;
    }

    /** The validated event of a valid outcome followed by the events derived from it; nothing for a quarantined one. */
    public List<ValidatedUsageEvent> withDerived(EventValidator.Outcome outcome) {
        if (!outcome.valid()) {
            return List.of();
        }
        ValidatedUsageEvent source = outcome.validated();
        List<VirtualRuleIndex.Entry> candidates = source.getFlags().contains(DERIVED)
                ? List.of()
                : index.candidates(source.getWorkspaceId(), source.getType(), source.getEvent());
        if (candidates.isEmpty()) {
            return List.of(source);
        }
        if (candidates.size() > maxRulesPerEvent) {
            listener.skipped(source.getWorkspaceId(), candidates.size() - maxRulesPerEvent);
            candidates = candidates.subList(0, maxRulesPerEvent);
        }
        JsonNode message = outcome.message() != null ? outcome.message() : rebuilt(source);
        MessageView view = new MessageView(source.getType(), source.getEvent(), message);
        List<ValidatedUsageEvent> events = new ArrayList<>(1 + candidates.size());
        events.add(source);
        for (VirtualRuleIndex.Entry candidate : candidates) {
            try {
                if (candidate.rule().matches(view)) {
                    events.add(derive(source, message, candidate));
                }
            } catch (RuntimeException | StackOverflowError e) {
                // one tenant's rule must never stop validation for everyone
                listener.failed(source.getWorkspaceId(), candidate.name(), e);
            }
        }
        if (events.size() > 1) {
            listener.derived(source.getWorkspaceId(), events.size() - 1);
        }
        return events;
    }

    private static ValidatedUsageEvent derive(ValidatedUsageEvent source, JsonNode message,
            VirtualRuleIndex.Entry rule) {
        JsonNode properties = message.get("properties");
        return ValidatedUsageEvent.newBuilder()
                .setWorkspaceId(source.getWorkspaceId())
                .setMessageId(messageIdOf(source.getMessageId(), rule.name()))
                .setType(MessageType.TRACK)
                .setEvent(rule.name())
                .setName(null)
                .setUserId(source.getUserId())
                .setAnonymousId(source.getAnonymousId())
                .setTimestamp(source.getTimestamp())
                .setReceivedAt(source.getReceivedAt())
                .setSchemaRef(null)
                .setProperties(null)
                .setContext(source.getContext())
                .setFlags(List.of(DERIVED))
                .setViolations(List.of())
                .setPropertiesJson(properties != null && properties.isObject() ? properties.toString() : null)
                .setDerivedFrom(DerivedFrom.newBuilder().setRuleName(rule.name()).setRuleVersion(rule.version())
                        .setSourceMessageId(source.getMessageId()).build())
                .build();
    }

    /** The derived event's id: the source's, ':' and the first 16 hex digits of the SHA-256 of the rule's name. */
    public static String messageIdOf(String sourceMessageId, String ruleName) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(ruleName.getBytes(StandardCharsets.UTF_8));
            return sourceMessageId + ":" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * The message as far as the validated event has it, for outcomes that did not keep the parsed JSON: name,
     * context and properties sent as JSON (typed properties are Avro and not read here).
     */
    private static JsonNode rebuilt(ValidatedUsageEvent source) {
        var node = JSON.createObjectNode();
        if (source.getName() != null) {
            node.put("name", source.getName());
        }
        try {
            if (source.getContext() != null) {
                node.set("context", JSON.readTree(source.getContext()));
            }
            if (source.getPropertiesJson() != null) {
                node.set("properties", JSON.readTree(source.getPropertiesJson()));
            }
        } catch (java.io.IOException e) {
            // stored by validation itself; unreadable JSON only leaves the fields out
        }
        node.put("userId", source.getUserId());
        node.put("anonymousId", source.getAnonymousId());
        return node;
    }
}
