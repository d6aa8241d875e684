package dev.uip.definition.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The property types a definition can declare, and the Avro type each becomes. */
public enum PropertyType {

    STRING("\"string\""), INTEGER("\"long\""), NUMBER("\"double\""), BOOLEAN("\"boolean\""), DATETIME(
            "{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}");

    private final String avro;

    PropertyType(String avro) {
        this.avro = avro;
    }

    /** The name used in the API: lower case. */
    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an API name in any letter case. */
    @JsonCreator
    public static PropertyType fromApiName(String name) {
        return Arrays.stream(values()).filter(type -> type.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown property type '" + name + "'; use one of "
                        + Arrays.stream(values()).map(PropertyType::apiName).collect(Collectors.joining(", "))));
    }

    /** The Avro type as JSON. */
    public String avro() {
        return avro;
    }
}
