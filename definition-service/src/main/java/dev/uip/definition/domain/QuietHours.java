package dev.uip.definition.domain;

/** Hours in which no alert of a rule opens: local hours in [startHour, endHour), wrapping midnight. */
public record QuietHours(Integer startHour, Integer endHour, String timeZone) {
}
