package dev.uip.definition.alerting.domain;

import dev.uip.definition.domain.AlertSeverity;

/**
 * What the event's definition says about an alert's importance and owner (null fields when it says nothing).
 *
 * @param criticality the definition's criticality, on the severity scale
 */
public record DefinitionFacts(boolean keyEvent, AlertSeverity criticality, String ownerTeam) {

    /** No definition (an undefined event, a group or alias call): the alert's own facts decide. */
    public static final DefinitionFacts NONE = new DefinitionFacts(false, null, null);
}
