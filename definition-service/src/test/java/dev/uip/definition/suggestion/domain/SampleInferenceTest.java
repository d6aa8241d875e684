package dev.uip.definition.suggestion.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.uip.definition.domain.inference.ProposedProperty;

/** A suggestion's proposal comes from its samples' payloads, as POST /v1/definitions/infer would infer it. */
class SampleInferenceTest {

    private static final UnplannedEvent EVENT = new UnplannedEvent("Signed Up", Instant.EPOCH, Instant.EPOCH, 0, 0,
            0, 0, null);

    @Test
    void infersFromPayloadsAndReportsConflicts() {
        Suggestion suggestion = SampleInference.suggest(EVENT, List.of(
                sample("m-3", "{\"type\":\"track\",\"event\":\"Signed Up\","
                        + "\"properties\":{\"plan\":\"pro\",\"seats\":\"x\"}}"),
                sample("m-2", "not json"),
                sample("m-1", "{\"type\":\"track\",\"event\":\"Signed Up\","
                        + "\"properties\":{\"plan\":\"free\",\"seats\":2}}")),
                1);
        assertEquals(2, suggestion.samples());
        assertEquals(List.of("plan", "seats"), suggestion.proposal().properties().stream().map(ProposedProperty::name)
                .toList());
        assertEquals("properties.seats", suggestion.conflicts().get(0).path());
        assertFalse(suggestion.adoptable());
        assertEquals(List.of("m-3"), suggestion.recent().stream().map(UnplannedSample::messageId).toList());
    }

    @Test
    void withoutUsableSamplesThereIsNoProposal() {
        Suggestion none = SampleInference.suggest(EVENT, List.of(), 5);
        assertNull(none.proposal());
        assertFalse(none.adoptable());
        Suggestion other = SampleInference.suggest(EVENT, List.of(sample("m-1",
                "{\"type\":\"track\",\"event\":\"Other\",\"properties\":{}}")), 5);
        assertNull(other.proposal());
        Suggestion clean = SampleInference.suggest(EVENT, List.of(sample("m-1",
                "{\"type\":\"track\",\"event\":\"Signed Up\",\"properties\":{\"plan\":\"pro\"}}")), 5);
        assertTrue(clean.adoptable());
    }

    private static UnplannedSample sample(String messageId, String payload) {
        return new UnplannedSample("ws-1", messageId, "Signed Up", Instant.EPOCH, payload);
    }
}
