package dev.uip.definition.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class AvroSchemaGeneratorTest {

    @Test
    void generatesATypedRecordWithOptionalFieldsNullable() {
        String json = AvroSchemaGenerator.generate("acme-co", "Invoice Sent", "An invoice left the system", List.of(
                new PropertySpec("amount", PropertyType.NUMBER, true, "Total"),
                new PropertySpec("lines", PropertyType.INTEGER, true, null),
                new PropertySpec("plan", PropertyType.STRING, false, null),
                new PropertySpec("dueAt", PropertyType.DATETIME, false, null),
                new PropertySpec("paid", PropertyType.BOOLEAN, true, null)));
        Schema schema = new Schema.Parser().parse(json);
        assertEquals("uip.acme_co.Invoice_Sent", schema.getFullName());
        assertEquals(Schema.Type.DOUBLE, schema.getField("amount").schema().getType());
        assertEquals(Schema.Type.LONG, schema.getField("lines").schema().getType());
        assertEquals(Schema.Type.BOOLEAN, schema.getField("paid").schema().getType());
        Schema plan = schema.getField("plan").schema();
        assertEquals(List.of(Schema.Type.NULL, Schema.Type.STRING), plan.getTypes().stream().map(Schema::getType)
                .toList());
        assertEquals(LogicalTypes.timestampMillis(), schema.getField("dueAt").schema().getTypes().get(1)
                .getLogicalType());
        assertEquals("Total", schema.getField("amount").doc());
    }

    @Test
    void eventNamesBecomeValidAvroNames() {
        assertEquals("_1st_Login__", AvroSchemaGenerator.avroName("1st Login!?"));
        assertEquals("Order_Completed", AvroSchemaGenerator.avroName("Order Completed"));
    }

    @Test
    void rulesRejectBadNamesWithTheFieldPath() {
        var e = assertThrows(InvalidDefinitionException.class, () -> DefinitionRules.check("Signup",
                List.of(new PropertySpec("ok", PropertyType.STRING, true, null),
                        new PropertySpec("has space", PropertyType.STRING, true, null))));
        assertEquals("properties[1].name", e.field());
        e = assertThrows(InvalidDefinitionException.class, () -> DefinitionRules.check("Signup",
                List.of(new PropertySpec("a", PropertyType.STRING, true, null),
                        new PropertySpec("a", PropertyType.NUMBER, true, null))));
        assertEquals("properties[1].name", e.field());
        e = assertThrows(InvalidDefinitionException.class, () -> DefinitionRules.check(" ", List.of()));
        assertEquals("name", e.field());
        e = assertThrows(InvalidDefinitionException.class,
                () -> DefinitionRules.check("A", List.of(new PropertySpec("a", null, true, null))));
        assertEquals("properties[0].type", e.field());
    }
}
