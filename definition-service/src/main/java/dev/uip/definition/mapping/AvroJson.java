package dev.uip.definition.mapping;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

import dev.uip.schemas.AlertRuleState;
import dev.uip.schemas.DefinitionChanged;
import dev.uip.schemas.EventDefinitionState;
import dev.uip.schemas.WorkspaceState;
import dev.uip.schemas.WriteKeyState;

/** Stores outbox records as Avro's JSON encoding and reads them back as the same generated classes. */
public final class AvroJson {

    private static final Map<String, Class<? extends SpecificRecord>> TYPES = Map.of(
            AlertRuleState.getClassSchema().getFullName(), AlertRuleState.class,
            DefinitionChanged.getClassSchema().getFullName(), DefinitionChanged.class,
            EventDefinitionState.getClassSchema().getFullName(), EventDefinitionState.class,
            WorkspaceState.getClassSchema().getFullName(), WorkspaceState.class,
            WriteKeyState.getClassSchema().getFullName(), WriteKeyState.class);

    private AvroJson() {
    }

    // A model over the class's own loader: Avro's shared one may resolve the names to another copy of the classes.
    private static SpecificData model(Class<?> type) {
        SpecificData model = new SpecificData(type.getClassLoader());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        return model;
    }

    public static String typeOf(SpecificRecord record) {
        return record.getSchema().getFullName();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static String encode(SpecificRecord record) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Encoder encoder = EncoderFactory.get().jsonEncoder(record.getSchema(), out);
            new SpecificDatumWriter(record.getClass()).write(record, encoder);
            encoder.flush();
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SpecificRecord decode(String type, String json) {
        Class<? extends SpecificRecord> recordClass = TYPES.get(type);
        if (recordClass == null) {
            throw new IllegalArgumentException("no record type " + type + " in the outbox's vocabulary");
        }
        try {
            Schema schema = SpecificData.getForClass(recordClass).getSchema(recordClass);
            SpecificDatumReader<SpecificRecord> reader = new SpecificDatumReader<>(schema, schema,
                    model(recordClass));
            return reader.read(null, DecoderFactory.get().jsonDecoder(schema, json));
        } catch (IOException e) {
            throw new UncheckedIOException("outbox record of type " + type + " is not readable", e);
        }
    }
}
