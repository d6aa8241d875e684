package dev.uip.definition.domain.inference;

import java.util.Map;

/**
 * Decides the API type of one observation: integer widens to number and datetime to string within their families;
 * values of two families are a conflict and get no type. Nulls never count.
 */
final class TypeLattice {

    /** How the type was reached. */
    enum Outcome {
        /** One kind only. */
        EXACT,
        /** Whole and fractional numbers: number. */
        WIDENED_TO_NUMBER,
        /** Date-times and other text: string. */
        WIDENED_TO_STRING,
        /** Values of more than one family: no type. */
        CONFLICT,
        /** Only nulls (or, for array items, nothing at all): no type. */
        NO_VALUES
    }

    /** The API type name (null when unresolved) and how it was reached. */
    record Resolution(String type, Outcome outcome) {
    }

    private TypeLattice() {
    }

    static Resolution resolve(TypeObservation observation) {
        Map<ValueKind.Family, Tally> families = observation.families();
        if (families.isEmpty()) {
            return new Resolution(null, Outcome.NO_VALUES);
        }
        if (families.size() > 1) {
            return new Resolution(null, Outcome.CONFLICT);
        }
        ValueKind.Family family = families.keySet().iterator().next();
        String type = typeOf(observation, family);
        boolean widened = observation.kinds().size() > 1;
        if (!widened) {
            return new Resolution(type, Outcome.EXACT);
        }
        return new Resolution(type,
                family == ValueKind.Family.NUMERIC ? Outcome.WIDENED_TO_NUMBER : Outcome.WIDENED_TO_STRING);
    }

    /** The API type the values of one family seen here would have on their own. */
    static String typeOf(TypeObservation observation, ValueKind.Family family) {
        return switch (family) {
            case NUMERIC -> observation.has(ValueKind.NUMBER) ? "number" : "integer";
            case TEXT -> observation.has(ValueKind.STRING) ? "string" : "datetime";
            case BOOLEAN -> "boolean";
            case ARRAY -> "array";
            case OBJECT -> "object";
        };
    }
}
