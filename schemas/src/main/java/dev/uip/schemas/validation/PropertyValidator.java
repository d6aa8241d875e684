package dev.uip.schemas.validation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import com.fasterxml.jackson.databind.JsonNode;

import dev.uip.schemas.Violation;

/** Checks an event's JSON properties against its registered Avro record schema and converts them to Avro. */
public final class PropertyValidator {

    /** The converted record when there are no violations; otherwise every violation found. */
    public record Result(GenericRecord record, List<Violation> violations) {

        public boolean valid() {
            return violations.isEmpty();
        }
    }

    private PropertyValidator() {
    }

    public static Result validate(Schema schema, JsonNode properties) {
        return validate(schema, properties, "properties");
    }

    /**
     * The same for the object at {@code root} of the message (e.g. {@code traits} of an identify call): violation
     * paths start with {@code root}.
     */
    public static Result validate(Schema schema, JsonNode properties, String root) {
        List<Violation> violations = new ArrayList<>();
        JsonNode props = properties == null || properties.isNull() ? null : properties;
        if (props != null && !props.isObject()) {
            violations.add(violation(root, "WRONG_TYPE", root + " must be a JSON object"));
            return new Result(null, violations);
        }
        GenericRecord record = record(root, schema, props, violations);
        return new Result(violations.isEmpty() ? record : null, violations);
    }

    private static GenericRecord record(String path, Schema schema, JsonNode object, List<Violation> violations) {
        GenericRecord record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            JsonNode value = object == null ? null : object.get(field.name());
            record.put(field.pos(), convert(path + "." + field.name(), field.schema(), field, value, violations));
        }
        if (object != null) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (schema.getField(name) == null) {
                    violations.add(violation(path + "." + name, "UNPLANNED_PROPERTY",
                            "property '" + name + "' is not in the event's definition"));
                }
            }
        }
        return record;
    }

    /** @param rules where the value's constraints are: the field, or the items schema of an array */
    private static Object convert(String path, Schema schema, JsonProperties rules, JsonNode value,
            List<Violation> violations) {
        boolean missing = value == null || value.isNull();
        if (schema.getType() == Schema.Type.UNION) {
            if (missing && schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL)) {
                return null;
            }
            Schema nonNull = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst()
                    .orElse(schema);
            return convert(path, nonNull, rules, value, violations);
        }
        if (missing) {
            violations.add(violation(path, "MISSING_REQUIRED", "required property is missing or null"));
            return null;
        }
        Object converted = switch (schema.getType()) {
            case STRING -> value.isTextual() ? value.asText() : wrongType(path, "a string", value, violations);
            case RECORD -> value.isObject()
                    ? record(path, schema, value, violations)
                    : wrongType(path, "an object", value, violations);
            case ARRAY -> value.isArray()
                    ? array(path, schema.getElementType(), value, violations)
                    : wrongType(path, "an array", value, violations);
            case BOOLEAN -> value.isBoolean() ? value.asBoolean() : wrongType(path, "a boolean", value, violations);
            case DOUBLE, FLOAT -> value.isNumber() ? value.asDouble() : wrongType(path, "a number", value, violations);
            case INT -> value.canConvertToInt() && value.isIntegralNumber()
                    ? value.asInt()
                    : wrongType(path, "an integer", value, violations);
            case LONG -> schema.getLogicalType() instanceof LogicalTypes.TimestampMillis
                    ? timestamp(path, value, violations)
                    : value.isIntegralNumber() && value.canConvertToLong()
                            ? value.asLong()
                            : wrongType(path, "an integer", value, violations);
            default -> {
                violations.add(violation(path, "UNSUPPORTED_TYPE", "schema type " + schema.getType()
                        + " is not supported yet"));
                yield null;
            }
        };
        if (converted != null) {
            Constraints.check(path, rules, converted, violations);
        }
        return converted;
    }

    private static List<Object> array(String path, Schema items, JsonNode values, List<Violation> violations) {
        List<Object> converted = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            converted.add(convert(path + "[" + i + "]", items, items, values.get(i), violations));
        }
        return converted;
    }

    private static Object timestamp(String path, JsonNode value, List<Violation> violations) {
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isTextual()) {
            try {
                return OffsetDateTime.parse(value.asText()).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                try {
                    return Instant.parse(value.asText()).toEpochMilli();
                } catch (DateTimeParseException ignored) {
                    // reported below
                }
            }
        }
        return wrongType(path, "an ISO-8601 date-time", value, violations);
    }

    private static Object wrongType(String path, String expected, JsonNode value, List<Violation> violations) {
        violations.add(violation(path, "WRONG_TYPE", "expected " + expected + " but got " + describe(value)));
        return null;
    }

    private static String describe(JsonNode value) {
        String text = value.toString();
        return value.getNodeType().name().toLowerCase() + " "
                + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }

    static Violation violation(String path, String code, String message) {
        return Violation.newBuilder().setPath(path).setCode(code).setMessage(message).build();
    }
}
