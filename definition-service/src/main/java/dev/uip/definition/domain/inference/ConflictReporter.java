package dev.uip.definition.domain.inference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Describes a type conflict for machines (types, counts, sample indices) and for people (one sentence). */
final class ConflictReporter {

    private ConflictReporter() {
    }

    /** The conflict at an observation that has values of more than one family. */
    static Conflict conflict(String event, TypeObservation observation) {
        List<Conflict.TypeSeen> types = new ArrayList<>();
        for (Map.Entry<ValueKind.Family, Tally> family : observation.families().entrySet()) {
            Tally tally = family.getValue();
            types.add(new Conflict.TypeSeen(TypeLattice.typeOf(observation, family.getKey()), tally.samples(),
                    tally.values(), tally.examples()));
        }
        // Most frequent first (a stable sort keeps first appearance among equals): the rare type is the suspect.
        types.sort(Comparator.comparingInt(Conflict.TypeSeen::samples).reversed());
        return new Conflict(event, observation.path(), List.copyOf(types), sentence(observation, types));
    }

    /** E.g. 'rows' is an integer in 12 samples and a string in 3 (e.g. sample 4: "12"); pick one type or ... */
    static String sentence(TypeObservation observation, List<Conflict.TypeSeen> types) {
        StringBuilder text = new StringBuilder("'").append(observation.displayName()).append("' is ");
        for (int i = 0; i < types.size(); i++) {
            Conflict.TypeSeen seen = types.get(i);
            if (i > 0) {
                text.append(i == types.size() - 1 ? " and " : ", ");
            }
            text.append(article(seen.type())).append(' ').append(seen.type()).append(" in ").append(seen.samples());
            if (i == 0) {
                text.append(seen.samples() == 1 ? " sample" : " samples");
            } else {
                Conflict.Example example = seen.examples().get(0);
                text.append(" (e.g. sample ").append(example.sample()).append(": ")
                        .append(Examples.show(example.value())).append(')');
            }
        }
        return text.append("; pick one type or fix the sender").toString();
    }

    static String article(String type) {
        return type.startsWith("i") || type.startsWith("a") || type.startsWith("o") ? "an" : "a";
    }

    /** "1 sample" or "n samples". */
    static String samples(int count) {
        return count + (count == 1 ? " sample" : " samples");
    }
}
