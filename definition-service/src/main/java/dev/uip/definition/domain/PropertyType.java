package dev.uip.definition.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The property types a definition can declare. {@link AvroSchemaGenerator} knows the Avro type of each. */
public enum PropertyType {

    STRING, INTEGER, NUMBER, BOOLEAN, DATETIME, ENUM, ARRAY, OBJECT;

    /** The name used in the API: lower case. */
    @JsonValue
    public String apiName() {
        return ApiNames.of(this);
    }

    /** Parses an API name in any letter case. */
    @JsonCreator
    public static PropertyType fromApiName(String name) {
        return ApiNames.parse(PropertyType.class, "property type", name);
    }

    /** Whether values are text, so that a pattern, a maximum length or allowed values apply. */
    public boolean textual() {
        return this == STRING || this == ENUM;
    }

    /** Whether values are numbers, so that a minimum and a maximum apply. */
    public boolean numeric() {
        return this == INTEGER || this == NUMBER;
    }
}
