package dev.uip.definition.domain.inference;

import java.util.List;

/**
 * A draft definition for one event name, shaped like the body of {@code POST /v1/definitions}.
 *
 * @param name the event name
 * @param description always null
 * @param status always {@value #DRAFT}
 * @param samples how many samples of this event were inferred from
 * @param properties in order of first appearance
 * @param notes widenings, truncations and properties without a type, for review
 */
public record ProposedDefinition(String name, String description, String status, int samples,
        List<ProposedProperty> properties, List<Note> notes) {

    public static final String DRAFT = "draft";
}
