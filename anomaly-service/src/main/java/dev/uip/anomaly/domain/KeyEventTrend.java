package dev.uip.anomaly.domain;

import java.util.List;

import dev.uip.schemas.EventDefinitionState;

/** One key event of a workspace, whose it is, and how often it fired per window lately. */
public record KeyEventTrend(String event, String ownerTeam, String criticality, long total,
        List<WindowCount> windows) {

    private static final List<String> CRITICALITY = List.of("critical", "high", "medium", "low");

    public static KeyEventTrend of(EventDefinitionState definition, List<WindowCount> windows) {
        return new KeyEventTrend(definition.getName(), definition.getOwnerTeam(), definition.getCriticality(),
                windows.stream().mapToLong(WindowCount::count).sum(), windows);
    }

    /** Most critical first; unknown values last. */
    public static int rank(String criticality) {
        int index = criticality == null ? -1 : CRITICALITY.indexOf(criticality.toLowerCase());
        return index < 0 ? CRITICALITY.size() : index;
    }
}
