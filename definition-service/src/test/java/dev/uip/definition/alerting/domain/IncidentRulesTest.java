package dev.uip.definition.alerting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.uip.definition.domain.AlertSeverity;

class IncidentRulesTest {

    static final PagingPolicy POLICY = new PagingPolicy(AlertSeverity.HIGH, true);
    static final Instant NOW = Alerts.T0.plusSeconds(120);

    @Test
    void aNewIncidentTakesTheAlertAsItIs() {
        Incident incident = IncidentRules.open("i", Alerts.opened("a-1", AlertSeverity.MEDIUM, 12, 70.0),
                DefinitionFacts.NONE, POLICY, NOW);
        assertEquals(IncidentStatus.OPEN, incident.status());
        assertEquals(1, incident.occurrences());
        assertEquals("a-1", incident.firstAlertId());
        assertEquals("payments", incident.team());
        assertEquals(AlertSeverity.MEDIUM, incident.severity());
        assertFalse(incident.page());
    }

    @Test
    void theDefinitionsOwnerIsTheTeamWhenTheAlertNamesNone() {
        DetectorAlert alert = Alerts.opened("a-1", AlertSeverity.LOW, 1, 2.0);
        DetectorAlert noTeam = new DetectorAlert(alert.alertId(), alert.workspaceId(), alert.callType(),
                alert.event(), null, false, alert.severity(), alert.rule(), alert.detector(), alert.direction(), true,
                1, 2.0, alert.windowStart(), alert.windowEnd(), alert.openedAt(), null, "[]", alert.emittedAt());
        Incident incident = IncidentRules.open("i", noTeam, new DefinitionFacts(false, AlertSeverity.LOW, "growth"),
                POLICY, NOW);
        assertEquals("growth", incident.team());
    }

    @Test
    void aKeyEventsCriticalityRaisesSeverityAndPages() {
        Incident incident = IncidentRules.open("i", Alerts.opened("a-1", AlertSeverity.MEDIUM, 12, 70.0),
                new DefinitionFacts(true, AlertSeverity.CRITICAL, null), POLICY, NOW);
        assertTrue(incident.keyEvent());
        assertEquals(AlertSeverity.CRITICAL, incident.severity());
        assertEquals(AlertSeverity.MEDIUM, incident.alertSeverity());
        assertTrue(incident.page());
    }

    @Test
    void aRepeatAddsAnOccurrenceKeepsTheLatestFiguresAndNeverLowersSeverity() {
        Incident first = Alerts.incident(AlertSeverity.HIGH, false);
        IncidentRules.Merge merge = IncidentRules.merge(first, Alerts.opened("a-2", AlertSeverity.LOW, 5, 60.0),
                DefinitionFacts.NONE, POLICY, NOW);
        Incident merged = merge.incident();
        assertEquals(2, merged.occurrences());
        assertEquals("a-1", merged.firstAlertId());
        assertEquals("a-2", merged.lastAlertId());
        assertEquals(5, merged.observed());
        assertEquals(60.0, merged.expected());
        assertEquals(AlertSeverity.HIGH, merged.severity());
        assertEquals(first.openedAt(), merged.openedAt());
        assertEquals(NOW, merged.lastSeenAt());
        assertEquals(first.version() + 1, merged.version());
        assertFalse(merge.severityRose());
    }

    @Test
    void aRepeatOfHigherSeverityRaisesTheIncident() {
        IncidentRules.Merge merge = IncidentRules.merge(Alerts.incident(AlertSeverity.MEDIUM, false),
                Alerts.opened("a-2", AlertSeverity.CRITICAL, 0, 60.0), DefinitionFacts.NONE, POLICY, NOW);
        assertTrue(merge.severityRose());
        assertEquals(AlertSeverity.CRITICAL, merge.incident().severity());
        // Not a key event: no page whatever the severity.
        assertFalse(merge.incident().page());
    }

    @Test
    void aMergeKeepsAnAcknowledgementAndASnooze() {
        Incident acked = IncidentActions.snooze(IncidentActions.acknowledge(Alerts.incident(AlertSeverity.LOW, false),
                "user:a", NOW), NOW.plusSeconds(3600), NOW);
        Incident merged = IncidentRules.merge(acked, Alerts.opened("a-2", AlertSeverity.LOW, 1, 2.0),
                DefinitionFacts.NONE, POLICY, NOW).incident();
        assertEquals(IncidentStatus.ACKNOWLEDGED, merged.status());
        assertEquals(NOW.plusSeconds(3600), merged.snoozedUntil());
        assertEquals("user:a", merged.acknowledgedBy());
    }

    @Test
    void theDetectorResolves() {
        Incident resolved = IncidentRules.resolvedByDetector(Alerts.incident(AlertSeverity.LOW, false), NOW);
        assertEquals(IncidentStatus.RESOLVED, resolved.status());
        assertEquals(Incident.DETECTOR, resolved.resolvedBy());
        assertEquals(NOW, resolved.resolvedAt());
        assertNull(resolved.resolutionNote());
    }
}
