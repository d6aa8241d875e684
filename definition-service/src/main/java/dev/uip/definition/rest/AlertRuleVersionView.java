package dev.uip.definition.rest;

import java.time.Instant;

/** One immutable version of an alert rule: what changed it, who, when, and the whole rule as it was then. */
public record AlertRuleVersionView(int version, String action, boolean deleted, String createdBy, Instant createdAt,
        AlertRuleView rule) {
}
