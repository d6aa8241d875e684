package dev.uip.definition.domain;

import java.util.List;

import org.apache.avro.Schema;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Generates the Avro record schema that an event's properties must match. */
public final class AvroSchemaGenerator {

    private AvroSchemaGenerator() {
    }

    /** The schema as canonical JSON text; parsing it with Avro proves it is valid. */
    public static String generate(String workspaceId, String eventName, String description,
            List<PropertySpec> properties) {
        StringBuilder fields = new StringBuilder();
        for (PropertySpec property : properties) {
            if (!fields.isEmpty()) {
                fields.append(',');
            }
            String type = property.required() ? property.type().avro() : "[\"null\"," + property.type().avro() + "]";
            fields.append("{\"name\":").append(quote(property.name())).append(",\"type\":").append(type);
            if (!property.required()) {
                fields.append(",\"default\":null");
            }
            if (property.description() != null) {
                fields.append(",\"doc\":").append(quote(property.description()));
            }
            fields.append('}');
        }
        String json = "{\"type\":\"record\",\"name\":" + quote(avroName(eventName))
                + ",\"namespace\":" + quote("uip." + avroName(workspaceId))
                + (description == null ? "" : ",\"doc\":" + quote(description))
                + ",\"fields\":[" + fields + "]}";
        return new Schema.Parser().parse(json).toString();
    }

    /** An Avro name for any event name: letters, digits and _, not starting with a digit. */
    static String avroName(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9_]", "_");
        return Character.isDigit(cleaned.charAt(0)) ? "_" + cleaned : cleaned;
    }

    private static String quote(String text) {
        ObjectNode holder = JsonNodeFactory.instance.objectNode().put("v", text);
        String rendered = holder.toString();
        return rendered.substring(5, rendered.length() - 1);
    }
}
