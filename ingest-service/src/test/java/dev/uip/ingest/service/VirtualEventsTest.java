package dev.uip.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.uip.schemas.DefinitionCallType;
import dev.uip.schemas.DefinitionStatus;
import dev.uip.schemas.EnforcementMode;
import dev.uip.schemas.EventDefinitionState;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.ValidatedUsageEvent;
import dev.uip.schemas.virtual.Condition;
import dev.uip.schemas.virtual.MessagePath;
import dev.uip.schemas.virtual.Operator;
import dev.uip.schemas.virtual.VirtualRule;

/** A throwing rule is skipped and counted, the per-event bound holds, and the index follows definitions. */
class VirtualEventsTest {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    final List<String> failed = new ArrayList<>();
    final List<Integer> skipped = new ArrayList<>();
    final VirtualEvents.Listener listener = new VirtualEvents.Listener() {

        @Override
        public void derived(String workspaceId, int count) {
        }

        @Override
        public void failed(String workspaceId, String ruleName, Throwable problem) {
            failed.add(ruleName);
        }

        @Override
        public void skipped(String workspaceId, int count) {
            skipped.add(count);
        }
    };

    static ValidatedUsageEvent page(String id) {
        return ValidatedUsageEvent.newBuilder().setWorkspaceId("ws").setMessageId(id).setType(MessageType.PAGE)
                .setTimestamp(NOW).setReceivedAt(NOW).build();
    }

    static EventDefinitionState state(String name, DefinitionStatus status, String rule) {
        return EventDefinitionState.newBuilder().setWorkspaceId("ws").setName(name).setStatus(status)
                .setEnforcement(EnforcementMode.QUARANTINE).setKeyEvent(false).setCriticality("low").setVersion(1)
                .setUpdatedAt(NOW).setVirtualRule(rule).build();
    }

    @Test
    void aThrowingRuleIsSkippedAndCountedWhileOthersStillDerive() throws Exception {
        // a regex condition without its compiled pattern throws when evaluated
        VirtualRule broken = new VirtualRule(java.util.Set.of(), java.util.Set.of(MessageType.PAGE),
                new Condition.Comparison(new MessagePath("name", List.of("name")), Operator.REGEX,
                        TextNode.valueOf("x"), List.of(), null));
        VirtualRule fine = VirtualRule.parse("{\"callTypes\":[\"page\"]}");
        VirtualRuleIndex index = new VirtualRuleIndex() {

            @Override
            public List<Entry> candidates(String workspaceId, MessageType type, String event) {
                return List.of(new Entry("Broken", 1, broken), new Entry("Fine", 1, fine));
            }
        };
        var message = new ObjectMapper().readTree("{\"name\":\"x\"}");
        List<ValidatedUsageEvent> out = new VirtualEvents(index, 100, listener)
                .withDerived(new EventValidator.Outcome(page("p-1"), null, message));
        assertEquals(List.of("p-1", "Fine"), out.stream()
                .map(e -> e.getEvent() == null ? e.getMessageId() : e.getEvent()).toList());
        assertEquals(List.of("Broken"), failed);
    }

    @Test
    void atMostTheBoundOfRulesIsEvaluatedPerEvent() {
        VirtualRuleIndex index = new VirtualRuleIndex();
        IntStream.range(0, 12).forEach(i -> index.update(state(String.format("Page %02d", i),
                DefinitionStatus.ACTIVE, "{\"callTypes\":[\"page\"]}")));
        List<ValidatedUsageEvent> out = new VirtualEvents(index, 10, listener)
                .withDerived(new EventValidator.Outcome(page("p-2"), null));
        assertEquals(11, out.size());
        assertEquals("Page 09", out.get(10).getEvent());
        assertEquals(List.of(2), skipped);
        assertThrows(IllegalArgumentException.class, () -> new VirtualEvents(index, 1001, listener));
    }

    @Test
    void theIndexKeepsOnlyActiveReadableVirtualDefinitions() {
        VirtualRuleIndex index = new VirtualRuleIndex();
        index.update(state("Billing", DefinitionStatus.ACTIVE, "{\"callTypes\":[\"page\"]}"));
        index.update(state("Orders", DefinitionStatus.ACTIVE, "{\"events\":[\"Order Completed\"]}"));
        index.update(state("Draft", DefinitionStatus.DRAFT, "{\"callTypes\":[\"page\"]}"));
        index.update(state("Unreadable", DefinitionStatus.ACTIVE, "{\"callTypes\":[\"fax\"]}"));
        index.update(state("Tracked", DefinitionStatus.ACTIVE, null));
        assertEquals(List.of("Billing"), names(index.candidates("ws", MessageType.PAGE, null)));
        assertEquals(List.of("Orders"), names(index.candidates("ws", MessageType.TRACK, "Order Completed")));
        assertEquals(List.of(), names(index.candidates("ws", MessageType.TRACK, "Order Viewed")));
        assertEquals(List.of(), names(index.candidates("other", MessageType.PAGE, null)));
        assertEquals(1, index.unreadable());

        index.update(state("Any Track", DefinitionStatus.ACTIVE, "{\"callTypes\":[\"track\"]}"));
        assertEquals(List.of("Any Track", "Orders"), names(index.candidates("ws", MessageType.TRACK,
                "Order Completed")));
        index.update(state("Billing", DefinitionStatus.ARCHIVED, "{\"callTypes\":[\"page\"]}"));
        assertEquals(List.of(), names(index.candidates("ws", MessageType.PAGE, null)));
    }

    @Test
    void aPageDefinitionNamedLikeAVirtualEventLeavesItsRuleIndexed() {
        VirtualRuleIndex index = new VirtualRuleIndex();
        index.update(state("Billing", DefinitionStatus.ACTIVE, "{\"callTypes\":[\"page\"]}"));
        // the page 'Billing' is another definition than the virtual track event 'Billing'
        index.update(EventDefinitionState.newBuilder(state("Billing", DefinitionStatus.ACTIVE, null))
                .setCallType(DefinitionCallType.PAGE).build());
        assertEquals(List.of("Billing"), names(index.candidates("ws", MessageType.PAGE, null)));
        index.update(state("Billing", DefinitionStatus.ARCHIVED, null));
        assertEquals(List.of(), names(index.candidates("ws", MessageType.PAGE, null)));
    }

    static List<String> names(List<VirtualRuleIndex.Entry> entries) {
        return entries.stream().map(VirtualRuleIndex.Entry::name).toList();
    }
}
