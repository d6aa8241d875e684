package dev.uip.schemas.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;

import dev.uip.schemas.DefinitionCallType;
import dev.uip.schemas.EventDefinitionState;

/** Records on event-definitions written before call types existed still read, as track definitions. */
class DefinitionStateCompatibilityTest {

    @Test
    void aBuilderWithoutCallTypeBuildsATrackDefinition() {
        EventDefinitionState built = EventDefinitionState.newBuilder().setWorkspaceId("acme").setName("Signed Up")
                .setStatus(dev.uip.schemas.DefinitionStatus.ACTIVE)
                .setEnforcement(dev.uip.schemas.EnforcementMode.QUARANTINE).setKeyEvent(false)
                .setCriticality("medium").setVersion(1).setUpdatedAt(Instant.EPOCH).build();
        assertEquals(DefinitionCallType.TRACK, DefinitionKeys.callType(built));
    }

    @Test
    void aRecordWithoutCallTypeReadsAsTrack() throws IOException {
        Schema current = EventDefinitionState.getClassSchema();
        List<Schema.Field> oldFields = current.getFields().stream().filter(f -> !f.name().equals("callType"))
                .map(f -> new Schema.Field(f, f.schema())).toList();
        Schema old = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false,
                oldFields);
        GenericRecord record = new GenericData.Record(old);
        record.put("workspaceId", "acme");
        record.put("name", "Signed Up");
        record.put("status", new GenericData.EnumSymbol(old.getField("status").schema(), "ACTIVE"));
        record.put("enforcement", new GenericData.EnumSymbol(old.getField("enforcement").schema(), "QUARANTINE"));
        record.put("keyEvent", false);
        record.put("criticality", "medium");
        record.put("version", 1);
        record.put("updatedAt", Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(old).write(record, encoder);
        encoder.flush();

        EventDefinitionState read = new SpecificDatumReader<EventDefinitionState>(old, current)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));

        assertEquals(DefinitionCallType.TRACK, DefinitionKeys.callType(read));
        assertEquals("Signed Up", read.getName());
    }
}
