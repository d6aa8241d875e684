package dev.uip.audit.messaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.serialization.Serializer;

import dev.uip.schemas.DefinitionChanged;

/**
 * Writes a parked change as Avro's JSON encoding of {@link DefinitionChanged}: readable by an operator and by any Avro
 * reader, with no registry needed to park it.
 */
public class DefinitionChangedJsonSerializer implements Serializer<DefinitionChanged> {

    private final SpecificDatumWriter<DefinitionChanged> writer = new SpecificDatumWriter<>(DefinitionChanged.class);

    @Override
    public byte[] serialize(String topic, DefinitionChanged change) {
        if (change == null) {
            return null;
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            JsonEncoder encoder = EncoderFactory.get().jsonEncoder(DefinitionChanged.getClassSchema(), out);
            writer.write(change, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
