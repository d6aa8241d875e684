package dev.uip.schemas.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

import io.apicurio.registry.serde.avro.AvroSerdeConfig;

import dev.uip.schemas.UnplannedEventPolicy;
import dev.uip.schemas.WorkspaceState;

class CachedDatumProviderTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void makesOneWriterAndOneReaderPerSchema() {
        CachedDatumProvider<Object> provider = provider(WorkspaceState.class);
        WorkspaceState state = state("ws-1");

        assertSame(provider.createDatumWriter(state, WorkspaceState.getClassSchema()),
                provider.createDatumWriter(state("ws-2"), WorkspaceState.getClassSchema()));
        assertSame(provider.createDatumReader(WorkspaceState.getClassSchema()),
                provider.createDatumReader(WorkspaceState.getClassSchema()));
    }

    @Test
    void readsStraightIntoTheConfiguredClassWithLogicalTypes() throws IOException {
        CachedDatumProvider<Object> provider = provider(WorkspaceState.class);
        WorkspaceState state = state("ws-1");

        Object read = roundTrip(provider, state, WorkspaceState.getClassSchema());

        assertEquals(state, assertInstanceOf(WorkspaceState.class, read));
        assertEquals(NOW, ((WorkspaceState) read).getUpdatedAt());
    }

    @Test
    void resolvesAnOlderWriterSchemaAgainstTheClass() throws IOException {
        // A writer whose fields come in another order is resolved field by field, by name.
        Schema reordered = new Schema.Parser().parse("""
                {"type":"record","name":"WorkspaceState","namespace":"dev.uip.schemas","fields":[
                 {"name":"name","type":"string"},
                 {"name":"workspaceId","type":"string"},
                 {"name":"updatedAt","type":{"type":"long","logicalType":"timestamp-millis"}},
                 {"name":"unplannedEvents","type":{"type":"enum","name":"UnplannedEventPolicy",
                   "symbols":["ACCEPT_AND_FLAG","QUARANTINE"]}}]}""");
        GenericRecord old = new GenericData.Record(reordered);
        old.put("name", "Acme");
        old.put("workspaceId", "acme");
        old.put("updatedAt", NOW.toEpochMilli());
        old.put("unplannedEvents", new GenericData.EnumSymbol(reordered.getField("unplannedEvents").schema(),
                "QUARANTINE"));
        CachedDatumProvider<Object> provider = provider(WorkspaceState.class);

        WorkspaceState read = (WorkspaceState) roundTrip(provider, old, reordered);

        assertEquals("acme", read.getWorkspaceId());
        assertEquals(UnplannedEventPolicy.QUARANTINE, read.getUnplannedEvents());
        assertEquals(NOW, read.getUpdatedAt());
    }

    @Test
    void readsGenericRecordsWithoutAReaderClass() throws IOException {
        CachedDatumProvider<Object> provider = new CachedDatumProvider<>();
        provider.configure(new AvroSerdeConfig(Map.of()));

        Object read = roundTrip(provider, state("ws-1"), WorkspaceState.getClassSchema());

        assertTrue(read instanceof GenericRecord);
        assertFalse(read instanceof WorkspaceState);
        assertEquals("ws-1", ((GenericRecord) read).get("workspaceId").toString());
    }

    @Test
    void refusesAReaderClassGivenByName() {
        CachedDatumProvider<Object> provider = new CachedDatumProvider<>();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> provider.configure(
                new AvroSerdeConfig(Map.of(CachedDatumProvider.READER_CLASS, WorkspaceState.class.getName()))));
        assertTrue(e.getMessage().contains("must be a Class"), e.getMessage());
    }

    private static CachedDatumProvider<Object> provider(Class<?> type) {
        CachedDatumProvider<Object> provider = new CachedDatumProvider<>();
        provider.configure(new AvroSerdeConfig(Map.of(CachedDatumProvider.READER_CLASS, type)));
        return provider;
    }

    private static Object roundTrip(CachedDatumProvider<Object> provider, Object record, Schema schema)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        provider.createDatumWriter(record, schema).write(record, encoder);
        encoder.flush();
        return provider.createDatumReader(schema).read(null,
                DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }

    private static WorkspaceState state(String id) {
        return WorkspaceState.newBuilder().setWorkspaceId(id).setName("Workspace " + id)
                .setUnplannedEvents(UnplannedEventPolicy.ACCEPT_AND_FLAG).setUpdatedAt(NOW).build();
    }
}
