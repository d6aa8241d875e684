package dev.uip.definition.quarantine.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The preview's verdicts, branch by branch, with the shared validators underneath. */
class ReplayCheckTest {

    private static final Schema SCHEMA = new Schema.Parser().parse("""
            {"type": "record", "name": "OrderPlaced", "fields": [{"name": "amount", "type": "double"}]}""");
    private static final ReplayCheck.Definition ACTIVE = new ReplayCheck.Definition("ACTIVE", "QUARANTINE", SCHEMA);

    @Test
    void aConformingTrackEventPasses() {
        assertTrue(check("{\"properties\": {\"amount\": 1.5}}", ACTIVE, false).passes());
    }

    @Test
    void aViolationStillFailsWithItsPathUnlessTheDefinitionOnlyWarnsOrObserves() {
        ReplayCheck.Verdict verdict = check("{\"properties\": {\"amount\": \"x\"}}", ACTIVE, false);
        assertFalse(verdict.passes());
        assertEquals("SCHEMA_VIOLATION", verdict.reason());
        assertEquals("properties.amount", verdict.violations().get(0).getPath());
        assertEquals("WRONG_TYPE", verdict.violations().get(0).getCode());
        assertTrue(check("{\"properties\": {\"amount\": \"x\"}}", new ReplayCheck.Definition("ACTIVE", "WARN",
                SCHEMA), false).passes());
    }

    @Test
    void archivedUnknownAndDraftDefinitionsFail() {
        assertEquals("ARCHIVED_EVENT", check("{\"properties\": {\"amount\": 1}}", new ReplayCheck.Definition(
                "ARCHIVED", "QUARANTINE", SCHEMA), true).reason());
        assertEquals("UNKNOWN_EVENT", check("{}", null, false).reason());
        assertEquals("UNKNOWN_EVENT", check("{}", new ReplayCheck.Definition("DRAFT", "QUARANTINE", null), false)
                .reason());
        // A workspace that accepts unplanned events lets them through (flagged), as the topology does.
        assertTrue(check("{}", null, true).passes());
    }

    @Test
    void envelopesOfOtherCallsAndBrokenPayloadsAreChecked() {
        ReplayCheck.Verdict group = ReplayCheck.check("GROUP", null, "{\"traits\": {}}", null, true);
        assertEquals("INVALID_ENVELOPE", group.reason());
        assertEquals("groupId", group.violations().get(0).getPath());
        assertTrue(ReplayCheck.check("GROUP", null, "{\"groupId\": \"g\"}", null, false).passes());
        assertEquals("MALFORMED_PAYLOAD", ReplayCheck.check("TRACK", "Order Placed", "{not json", ACTIVE, false)
                .reason());
        assertEquals("INVALID_ENVELOPE", ReplayCheck.check("TRACK", "Order Placed", "[]", ACTIVE, false).reason());
    }

    private static ReplayCheck.Verdict check(String payload, ReplayCheck.Definition definition, boolean unplanned) {
        return ReplayCheck.check("TRACK", "Order Placed", payload, definition, unplanned);
    }
}
