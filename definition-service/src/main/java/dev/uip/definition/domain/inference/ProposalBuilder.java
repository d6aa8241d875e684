package dev.uip.definition.domain.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.uip.definition.domain.DefinitionRules;

/**
 * Turns one event's observations into a draft definition, collecting its conflicts and notes on the way. Whatever
 * the definition model would refuse (a name, an empty object, an unknown type) gets a note, so that the proposal
 * never looks ready when it is not.
 */
final class ProposalBuilder {

    private final String event;
    private final int maxDepth;
    private final List<Conflict> conflicts = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();

    ProposalBuilder(String event, int maxDepth) {
        this.event = event;
        this.maxDepth = maxDepth;
    }

    ProposedDefinition build(ObjectShape root) {
        String nameProblem = DefinitionRules.eventNameProblem(event);
        if (nameProblem != null) {
            notes.add(new Note("name", "the event name cannot name a definition (" + nameProblem
                    + "); rename the event, in the sender too, before creating it"));
        }
        List<ProposedProperty> properties = properties(root);
        return new ProposedDefinition(event, root.occurrences(), properties, List.copyOf(notes));
    }

    /** The conflicts found while building, in order of first appearance of their paths. */
    List<Conflict> conflicts() {
        return List.copyOf(conflicts);
    }

    private List<ProposedProperty> properties(ObjectShape shape) {
        List<ProposedProperty> properties = new ArrayList<>();
        for (Map.Entry<String, TypeObservation> entry : shape.properties().entrySet()) {
            TypeObservation observation = entry.getValue();
            if (!DefinitionRules.isPropertyName(entry.getKey())) {
                notes.add(new Note(observation.path(), "'" + entry.getKey() + "' must be renamed, in the sender too,"
                        + " before the definition can be created: " + DefinitionRules.propertyNameRule()));
            }
            String type = resolve(observation);
            int seenIn = observation.nonNullValues();
            properties.add(new ProposedProperty(entry.getKey(), type, seenIn == shape.occurrences(), null, seenIn,
                    observation.nulls().values(), shape.occurrences(), observation.examples(),
                    "array".equals(type) ? items(observation) : null,
                    "object".equals(type) ? nested(observation) : null));
        }
        return List.copyOf(properties);
    }

    private ProposedItems items(TypeObservation array) {
        if (array.truncated()) {
            notes.add(new Note(array.path(), truncated(array)));
            return null;
        }
        TypeObservation items = array.items();
        if (items.families().isEmpty() && items.nulls().values() == 0) {
            notes.add(new Note(array.path(), "'" + array.displayName()
                    + "' was an empty array in every sample; its item type is unknown: choose one"));
            return null;
        }
        if (items.nulls().values() > 0 && !items.families().isEmpty()) {
            notes.add(new Note(items.path(), "'" + array.displayName() + "' holds null elements in "
                    + ConflictReporter.samples(items.nulls().samples()) + "; they were ignored for the item type"));
        }
        String type = resolve(items);
        return new ProposedItems(type, items.examples(), "array".equals(type) ? items(items) : null,
                "object".equals(type) ? nested(items) : null);
    }

    private List<ProposedProperty> nested(TypeObservation object) {
        if (object.truncated()) {
            notes.add(new Note(object.path(), truncated(object)));
            return null;
        }
        if (object.object().properties().isEmpty()) {
            notes.add(new Note(object.path(), "'" + object.displayName() + "' was an empty object in every sample;"
                    + " a definition's object needs at least one property: add them or choose another type"));
        }
        return properties(object.object());
    }

    /** The type at an observation; adds a conflict or a note when it is not plain. */
    private String resolve(TypeObservation observation) {
        TypeLattice.Resolution resolution = TypeLattice.resolve(observation);
        String name = "'" + observation.displayName() + "'";
        switch (resolution.outcome()) {
            case CONFLICT -> conflicts.add(ConflictReporter.conflict(event, observation));
            case NO_VALUES -> notes.add(new Note(observation.path(),
                    name + " was null in every sample; its type is unknown: choose one"));
            case WIDENED_TO_NUMBER -> notes.add(new Note(observation.path(), name + " has whole numbers in "
                    + ConflictReporter.samples(observation.tally(ValueKind.INTEGER).samples())
                    + " and fractional ones in " + ConflictReporter.samples(
                            observation.tally(ValueKind.NUMBER).samples())
                    + "; proposed as number"));
            case WIDENED_TO_STRING -> {
                Conflict.Example text = observation.tally(ValueKind.STRING).examples().get(0);
                notes.add(new Note(observation.path(), name + " is an ISO-8601 date-time in "
                        + ConflictReporter.samples(observation.tally(ValueKind.DATETIME).samples())
                        + " but other text in " + ConflictReporter.samples(
                                observation.tally(ValueKind.STRING).samples())
                        + " (e.g. sample " + text.sample()
                        + ": " + Examples.show(text.value()) + "); proposed as string"));
            }
            case EXACT -> {
                // nothing to report
            }
        }
        return resolution.type();
    }

    private String truncated(TypeObservation container) {
        return "'" + container.displayName() + "' is nested deeper than " + maxDepth
                + " levels; its inner structure was not inferred";
    }
}
