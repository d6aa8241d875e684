package dev.uip.definition.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The alert-rule checks on their own: defaults, what each kind requires and refuses, every range's edges. */
class AlertRuleChecksTest {

    static final AlertRuleSettings NONE = new AlertRuleSettings(null, null, null, null, null, null, null, null, null,
            null);

    static AlertRuleSettings with(Double threshold, Double percent, ChangeDirection direction, Integer baseline) {
        return new AlertRuleSettings(null, null, null, null, threshold, percent, direction, baseline, null, null);
    }

    static String refusedField(RuleKind kind, AlertRuleSettings settings) {
        return assertThrows(InvalidRuleException.class, () -> AlertRuleChecks.check(kind, settings)).field();
    }

    @Test
    void fillsInTheDefaults() {
        AlertRuleSettings drop = AlertRuleChecks.check(RuleKind.DROP, NONE);
        assertEquals(new AlertRuleSettings(true, RuleSensitivity.MEDIUM, 0.0, 1, null, null, null, null, null, null),
                drop);
        AlertRuleSettings percent = AlertRuleChecks.check(RuleKind.PERCENT_CHANGE, with(null, 50.0, null, null));
        assertEquals(ChangeDirection.BOTH, percent.direction());
        assertEquals(1440, percent.baselineMinutes());
        AlertRuleSettings quiet = AlertRuleChecks.check(RuleKind.STOPPED, new AlertRuleSettings(false, null, null, null,
                null, null, null, null, new QuietHours(22, 6, null), null));
        assertEquals(new QuietHours(22, 6, "UTC"), quiet.quietHours());
        assertEquals(false, quiet.enabled());
    }

    @Test
    void thresholdIsRequiredForAboveAndBelowAndRefusedElsewhere() {
        assertEquals("threshold", refusedField(RuleKind.ABOVE, NONE));
        assertEquals("threshold", refusedField(RuleKind.BELOW, NONE));
        assertEquals(0.0, AlertRuleChecks.check(RuleKind.BELOW, with(0.0, null, null, null)).threshold());
        for (RuleKind kind : new RuleKind[]{RuleKind.STOPPED, RuleKind.DROP, RuleKind.SPIKE,
                RuleKind.PERCENT_CHANGE}) {
            assertEquals("threshold", refusedField(kind, with(10.0, 5.0, null, null)), kind.name());
        }
        assertEquals("threshold", refusedField(RuleKind.ABOVE, with(-0.5, null, null, null)));
        assertEquals("threshold", refusedField(RuleKind.ABOVE, with(Double.POSITIVE_INFINITY, null, null, null)));
        assertEquals("threshold", refusedField(RuleKind.ABOVE, with(Double.NaN, null, null, null)));
        assertEquals("threshold", refusedField(RuleKind.ABOVE, with(1.1e12, null, null, null)));
        assertEquals(1e12, AlertRuleChecks.check(RuleKind.ABOVE, with(1e12, null, null, null)).threshold());
    }

    @Test
    void percentChangeFieldsBelongToPercentChangeOnly() {
        assertEquals("percent", refusedField(RuleKind.PERCENT_CHANGE, NONE));
        assertEquals("percent", refusedField(RuleKind.PERCENT_CHANGE, with(null, 0.0, null, null)));
        assertEquals("percent", refusedField(RuleKind.PERCENT_CHANGE, with(null, 1000.5, null, null)));
        assertEquals(1000.0, AlertRuleChecks.check(RuleKind.PERCENT_CHANGE, with(null, 1000.0, null, null))
                .percent());
        assertEquals("baselineMinutes", refusedField(RuleKind.PERCENT_CHANGE, with(null, 5.0, null, 0)));
        assertEquals("baselineMinutes", refusedField(RuleKind.PERCENT_CHANGE, with(null, 5.0, null, 10_081)));
        assertEquals(10_080, AlertRuleChecks.check(RuleKind.PERCENT_CHANGE, with(null, 5.0, ChangeDirection.UP,
                10_080)).baselineMinutes());
        assertEquals("percent", refusedField(RuleKind.DROP, with(null, 5.0, null, null)));
        assertEquals("direction", refusedField(RuleKind.SPIKE, with(null, null, ChangeDirection.UP, null)));
        assertEquals("baselineMinutes", refusedField(RuleKind.STOPPED, with(null, null, null, 60)));
    }

    @Test
    void rangesOfTheCommonSettings() {
        assertEquals("windowMinutes", refusedField(RuleKind.DROP, new AlertRuleSettings(null, null, null, 0, null,
                null, null, null, null, null)));
        assertEquals("windowMinutes", refusedField(RuleKind.DROP, new AlertRuleSettings(null, null, null, 1441, null,
                null, null, null, null, null)));
        assertEquals(1440, AlertRuleChecks.check(RuleKind.DROP, new AlertRuleSettings(null, null, null, 1440, null,
                null, null, null, null, null)).windowMinutes());
        assertEquals("minVolume", refusedField(RuleKind.DROP, new AlertRuleSettings(null, null, -1.0, null, null,
                null, null, null, null, null)));
    }

    @Test
    void quietHoursNeedBothHoursAndAnIanaZone() {
        assertEquals("quietHours.startHour", quiet(new QuietHours(null, 6, "UTC")));
        assertEquals("quietHours.endHour", quiet(new QuietHours(22, null, "UTC")));
        assertEquals("quietHours.startHour", quiet(new QuietHours(24, 6, "UTC")));
        assertEquals("quietHours.endHour", quiet(new QuietHours(1, -1, "UTC")));
        assertEquals("quietHours.endHour", quiet(new QuietHours(5, 5, "UTC")));
        for (String zone : new String[]{"Mars/Olympus", "+02:00", "UTC+2", "GMT+01:00", "", "europe/berlin",
                "Europe/Berlin ", "x".repeat(10_000)}) {
            assertEquals("quietHours.timeZone", quiet(new QuietHours(22, 6, zone)), zone);
        }
        assertEquals("Europe/Berlin", AlertRuleChecks.check(RuleKind.STOPPED, new AlertRuleSettings(null, null, null,
                null, null, null, null, null, new QuietHours(23, 0, "Europe/Berlin"), null)).quietHours().timeZone());
    }

    @Test
    void eventNamesFollowTheCallType() {
        assertNull(AlertRuleChecks.eventProblem(RuleCallType.TRACK, "Signup Completed"));
        assertNull(AlertRuleChecks.eventProblem(RuleCallType.PAGE, "Inscription réussie"));
        assertNull(AlertRuleChecks.eventProblem(RuleCallType.IDENTIFY, ""));
        assertTrue(AlertRuleChecks.eventProblem(RuleCallType.IDENTIFY, "x").contains("no event"));
        for (String bad : new String[]{"", " ", " Lead", "a/b", "bell\u0007", "nul\u0000", "x".repeat(201),
                "lone \ud800"}) {
            assertTrue(AlertRuleChecks.eventProblem(RuleCallType.TRACK, bad) != null, bad);
        }
        assertNull(AlertRuleChecks.eventProblem(RuleCallType.SCREEN, "x".repeat(200)));
    }

    private static String quiet(QuietHours hours) {
        return refusedField(RuleKind.STOPPED, new AlertRuleSettings(null, null, null, null, null, null, null, null,
                hours, null));
    }
}
