package dev.uip.definition.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class AvroSchemaGeneratorTest {

    static PropertySpec prop(String name, PropertyType type, boolean required) {
        return PropertySpec.of(name, type, required);
    }

    @Test
    void generatesATypedRecordWithOptionalFieldsNullable() {
        String json = AvroSchemaGenerator.generate("acme-co", "Invoice Sent", "An invoice left the system", List.of(
                prop("amount", PropertyType.NUMBER, true).withDescription("Total"),
                prop("lines", PropertyType.INTEGER, true),
                prop("plan", PropertyType.STRING, false),
                prop("dueAt", PropertyType.DATETIME, false),
                prop("paid", PropertyType.BOOLEAN, true)));
        Schema schema = new Schema.Parser().parse(json);
        assertEquals("uip.acme_co.Invoice_Sent", schema.getFullName());
        assertEquals(Schema.Type.DOUBLE, schema.getField("amount").schema().getType());
        assertEquals(Schema.Type.LONG, schema.getField("lines").schema().getType());
        assertEquals(Schema.Type.BOOLEAN, schema.getField("paid").schema().getType());
        Schema plan = schema.getField("plan").schema();
        assertEquals(List.of(Schema.Type.NULL, Schema.Type.STRING), plan.getTypes().stream().map(Schema::getType)
                .toList());
        assertEquals(org.apache.avro.JsonProperties.NULL_VALUE, schema.getField("plan").defaultVal());
        assertEquals(LogicalTypes.timestampMillis(), schema.getField("dueAt").schema().getTypes().get(1)
                .getLogicalType());
        assertEquals("Total", schema.getField("amount").doc());
    }

    @Test
    void unconstrainedSchemasKeepTheirEarlierText() {
        // Definitions registered before constraints existed must not get a new registry version for nothing.
        String json = AvroSchemaGenerator.generate("default", "Signup", null,
                List.of(prop("plan", PropertyType.STRING, false), prop("seats", PropertyType.INTEGER, true)));
        assertEquals("{\"type\":\"record\",\"name\":\"Signup\",\"namespace\":\"uip.default\",\"fields\":["
                + "{\"name\":\"plan\",\"type\":[\"null\",\"string\"],\"default\":null},"
                + "{\"name\":\"seats\",\"type\":\"long\"}]}", json);
    }

    @Test
    void constraintsBecomeUipFieldProperties() {
        Schema schema = new Schema.Parser().parse(AvroSchemaGenerator.generate("ws", "Plan Chosen", null, List.of(
                prop("plan", PropertyType.ENUM, true).withAllowedValues(List.of("free", "pro plan", "Ünïcode")),
                prop("code", PropertyType.STRING, false).withText("[A-Z]{3}", 3),
                prop("seats", PropertyType.INTEGER, true).withRange(1.0, 500.0),
                prop("ratio", PropertyType.NUMBER, true).withRange(null, 1.5))));
        Schema.Field plan = schema.getField("plan");
        assertEquals(Schema.Type.STRING, plan.schema().getType());
        assertEquals(List.of("free", "pro plan", "Ünïcode"), plan.getObjectProp("uip.allowedValues"));
        assertEquals("[A-Z]{3}", schema.getField("code").getProp("uip.pattern"));
        assertEquals(3, schema.getField("code").getObjectProp("uip.maxLength"));
        assertEquals(1.0, schema.getField("seats").getObjectProp("uip.minimum"));
        assertEquals(500.0, schema.getField("seats").getObjectProp("uip.maximum"));
        assertNull(schema.getField("ratio").getObjectProp("uip.minimum"));
        assertEquals(1.5, schema.getField("ratio").getObjectProp("uip.maximum"));
    }

    @Test
    void arraysAndNestedObjectsGetRecordsNamedByPath() {
        PropertySpec address = prop("address", PropertyType.OBJECT, false).withProperties(List.of(
                prop("city", PropertyType.STRING, true),
                prop("geo", PropertyType.OBJECT, false).withProperties(List.of(prop("lat", PropertyType.NUMBER,
                        true)))));
        PropertySpec lines = prop("lines", PropertyType.ARRAY, true).withItems(
                prop(null, PropertyType.OBJECT, true).withProperties(List.of(prop("sku", PropertyType.STRING, true),
                        prop("address", PropertyType.STRING, false))));
        PropertySpec tags = prop("tags", PropertyType.ARRAY, false)
                .withItems(prop(null, PropertyType.ENUM, true).withAllowedValues(List.of("a", "b")));
        Schema schema = new Schema.Parser().parse(AvroSchemaGenerator.generate("ws", "Order Placed", null,
                List.of(address, lines, tags)));

        Schema addressType = schema.getField("address").schema().getTypes().get(1);
        assertEquals("uip.ws.Order_Placed.address", addressType.getFullName());
        assertEquals("uip.ws.Order_Placed.address.geo",
                addressType.getField("geo").schema().getTypes().get(1).getFullName());
        Schema lineType = schema.getField("lines").schema().getElementType();
        assertEquals(Schema.Type.RECORD, lineType.getType());
        assertEquals("uip.ws.Order_Placed.lines.items", lineType.getFullName());
        Schema tagItems = schema.getField("tags").schema().getTypes().get(1).getElementType();
        assertEquals(Schema.Type.STRING, tagItems.getType());
        assertEquals(List.of("a", "b"), tagItems.getObjectProp("uip.allowedValues"));
    }

    @Test
    void eventNamesBecomeValidAvroNames() {
        assertEquals("_1st_Login__", AvroSchemaGenerator.avroName("1st Login!?"));
        assertEquals("Order_Completed", AvroSchemaGenerator.avroName("Order Completed"));
    }
}
