package dev.uip.definition.quarantine.domain;

import java.util.List;

/**
 * What a release would do now: of the {@code matching} QUARANTINED events, the {@code checked} oldest were validated
 * against their definitions' current published versions; failures are grouped by reason, violation code and path.
 */
public record PreviewResult(long matching, int checked, int wouldPass, int stillFail, List<String> passingExamples,
        List<FailureGroup> failures) {

    /** Events failing for one reason, code and path: how many, and a few of them. */
    public record FailureGroup(String reason, String code, String path, int count, String message,
            List<String> exampleMessageIds) {
    }
}
