package dev.uip.schemas.virtual;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** One node of a rule's condition tree: a comparison at a path, or an AND/OR group of conditions. */
public sealed interface Condition permits Condition.Comparison, Condition.Group {

    /** Whether the message satisfies this condition. */
    boolean test(MessageView message);

    /**
     * Compares the value at {@code path} with the rule's {@code value} (or {@code values} for {@code in});
     * {@code pattern} is the compiled regex of {@code regex}.
     */
    record Comparison(MessagePath path, Operator op, JsonNode value, List<JsonNode> values,
            com.google.re2j.Pattern pattern) implements Condition {

        @Override
        public boolean test(MessageView message) {
            return Comparisons.test(this, message.at(path));
        }
    }

    /** All ({@code and}) or any ({@code or}) of the children. */
    record Group(boolean and, List<Condition> children) implements Condition {

        @Override
        public boolean test(MessageView message) {
            for (Condition child : children) {
                if (child.test(message) != and) {
                    return !and;
                }
            }
            return and;
        }
    }
}
