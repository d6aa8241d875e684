package dev.uip.definition.domain;

import java.util.List;

import org.apache.avro.Schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Generates the Avro record schema that an event's properties must match. Conventions that validators rely on:
 * integer is long, number double, datetime a timestamp-millis long, enum a string with {@code uip.allowedValues},
 * object a nested record named after its path, array an Avro array; optional properties are {@code ["null", T]} with
 * default null; constraints are the custom field properties {@code uip.allowedValues}, {@code uip.pattern},
 * {@code uip.minimum}, {@code uip.maximum} and {@code uip.maxLength} (on the items schema for array elements).
 */
public final class AvroSchemaGenerator {

    public static final String ALLOWED_VALUES = "uip.allowedValues";
    public static final String PATTERN = "uip.pattern";
    public static final String MINIMUM = "uip.minimum";
    public static final String MAXIMUM = "uip.maximum";
    public static final String MAX_LENGTH = "uip.maxLength";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AvroSchemaGenerator() {
    }

    /** The schema of a definition as Avro's JSON text; parsing it with Avro proves it is valid. */
    public static String generate(String workspaceId, DefinitionSpec spec) {
        return generate(workspaceId, spec.name(), spec.description(), spec.properties());
    }

    /** The schema as Avro's JSON text; parsing it with Avro proves it is valid. */
    public static String generate(String workspaceId, String eventName, String description,
            List<PropertySpec> properties) {
        String fullName = "uip." + avroName(workspaceId) + "." + avroName(eventName);
        ObjectNode record = record(fullName, properties == null ? List.of() : properties);
        if (description != null) {
            record.put("doc", description);
        }
        return new Schema.Parser().parse(record.toString()).toString();
    }

    /** An Avro name for any event name: letters, digits and _, not starting with a digit. */
    static String avroName(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9_]", "_");
        return Character.isDigit(cleaned.charAt(0)) ? "_" + cleaned : cleaned;
    }

    // Nested records are named by their path below the event's record, so names are unique by construction.
    private static ObjectNode record(String fullName, List<PropertySpec> properties) {
        ObjectNode record = JSON.objectNode().put("type", "record").put("name", fullName);
        ArrayNode fields = record.putArray("fields");
        for (PropertySpec property : properties) {
            ObjectNode field = fields.addObject().put("name", property.name());
            ObjectNode type = type(fullName + "." + property.name(), property);
            if (property.required()) {
                field.set("type", type);
            } else {
                field.set("type", JSON.arrayNode().add("null").add(type));
                field.putNull("default");
            }
            if (property.description() != null) {
                field.put("doc", property.description());
            }
            constraints(field, property);
        }
        return record;
    }

    private static ObjectNode type(String path, PropertySpec property) {
        return switch (property.type()) {
            case STRING, ENUM -> JSON.objectNode().put("type", "string");
            case INTEGER -> JSON.objectNode().put("type", "long");
            case NUMBER -> JSON.objectNode().put("type", "double");
            case BOOLEAN -> JSON.objectNode().put("type", "boolean");
            case DATETIME -> JSON.objectNode().put("type", "long").put("logicalType", "timestamp-millis");
            case ARRAY -> {
                ObjectNode items = type(path + ".items", property.items());
                constraints(items, property.items());
                ObjectNode array = JSON.objectNode().put("type", "array");
                array.set("items", items);
                yield array;
            }
            case OBJECT -> record(path, property.fields());
        };
    }

    private static void constraints(ObjectNode node, PropertySpec property) {
        if (property.allowedValues() != null) {
            ArrayNode values = node.putArray(ALLOWED_VALUES);
            property.allowedValues().forEach(values::add);
        }
        if (property.pattern() != null) {
            node.put(PATTERN, property.pattern());
        }
        if (property.minimum() != null) {
            node.put(MINIMUM, property.minimum());
        }
        if (property.maximum() != null) {
            node.put(MAXIMUM, property.maximum());
        }
        if (property.maxLength() != null) {
            node.put(MAX_LENGTH, property.maxLength());
        }
    }
}
