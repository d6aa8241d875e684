package dev.uip.definition.alerting.rest;

/** The bodies the alert inbox's API reads (strict JSON: unknown fields are refused). */
final class AlertRequests {

    private AlertRequests() {
    }

    /** {@code POST /v1/alerts/{id}/resolve}: an optional note. */
    record Resolve(String note) {

        static final String FIELDS = "note";
    }

    /** {@code POST /v1/alerts/{id}/snooze}: until when (ISO-8601 instant, at most 30 days ahead). */
    record Snooze(String until) {

        static final String FIELDS = "until";
    }

    /** {@code POST /v1/maintenance-windows}: event (null: the whole workspace), start, end, reason. */
    record Window(String event, String startsAt, String endsAt, String reason) {

        static final String FIELDS = "event, startsAt, endsAt, reason";
    }

    /** {@code PUT /v1/teams/{team}/quiet-hours}: local hours [startHour, endHour) in timeZone. */
    record QuietHours(Integer startHour, Integer endHour, String timeZone) {

        static final String FIELDS = "startHour, endHour, timeZone";
    }
}
