package dev.uip.definition.notify.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.uip.definition.mapping.StateRecords;

/** What a subscription matches a change on, read from the change's after (else before) JSON. */
class ChangeFactsTest {

    @Test
    void aDefinitionChangeNamesItsEventOwnerTeamAndKeyFlag() {
        ChangeFacts archived = ChangeFacts.of(StateRecords.change("ws", "user:a", "ARCHIVED", "EVENT_DEFINITION",
                "Checkout", "{\"name\":\"Checkout\",\"ownerTeam\":\"payments\",\"keyEvent\":true}",
                "{\"name\":\"Checkout\",\"ownerTeam\":\"payments\",\"keyEvent\":false}", 3, Instant.EPOCH));
        assertEquals("Checkout", archived.eventName());
        assertEquals("payments", archived.ownerTeam());
        assertTrue(archived.keyEvent(), "a key event before the change still counts");
        assertEquals("ARCHIVED EVENT_DEFINITION Checkout by user:a", archived.summary());
    }

    @Test
    void aSubscriptionsOwnSettingsAreNotItsSubject() {
        ChangeFacts created = ChangeFacts.of(StateRecords.change("ws", "user:a", "CREATED", "SUBSCRIPTION", "s1",
                null, "{\"scope\":\"EVENT\",\"eventName\":\"Refund\",\"team\":\"payments\"}", 1, Instant.EPOCH));
        assertNull(created.eventName());
        assertNull(created.ownerTeam());
        assertFalse(created.keyEvent());
    }

    @Test
    void unreadableJsonMatchesNothingSpecific() {
        ChangeFacts odd = ChangeFacts.of(StateRecords.change("ws", "user:a", "UPDATED", "ALERT", "i1", "{not json",
                null, 1, Instant.EPOCH));
        assertNull(odd.eventName());
        assertNull(odd.ownerTeam());
    }
}
