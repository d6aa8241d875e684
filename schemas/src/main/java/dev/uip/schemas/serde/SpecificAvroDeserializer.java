package dev.uip.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;

/**
 * Reads registry-encoded Avro into one generated class given by the caller. The registry deserializer's own specific
 * mode finds classes by name through the loader Avro sits in, which picks a second copy of the classes where Avro and
 * the application live in different loaders (Quarkus tests). This one resolves through the caller's class loader: the
 * record is read generically with the writer's schema, then resolved against the class's schema.
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final SpecificData model;
    private final Schema readerSchema;
    private final AvroKafkaDeserializer<GenericRecord> generic = new AvroKafkaDeserializer<>();
    private final Map<Schema, SpecificDatumReader<T>> readers = new ConcurrentHashMap<>();

    public SpecificAvroDeserializer(Class<T> type) {
        // Our own model over the class's loader: Avro's shared one resolves names through its own loader's parents.
        this.model = new SpecificData(type.getClassLoader());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        model.addLogicalTypeConversion(new TimeConversions.DateConversion());
        model.addLogicalTypeConversion(new Conversions.DecimalConversion());
        this.readerSchema = SpecificData.getForClass(type).getSchema(type);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> genericConfig = new HashMap<>(configs);
        genericConfig.put("apicurio.registry.use-specific-avro-reader", false);
        generic.configure(genericConfig, isKey);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return toSpecific(generic.deserialize(topic, data));
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        return toSpecific(generic.deserialize(topic, headers, data));
    }

    private T toSpecific(GenericRecord record) {
        if (record == null) {
            return null;
        }
        Schema writer = record.getSchema();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(writer).write(record, encoder);
            SpecificDatumReader<T> reader = readers.computeIfAbsent(writer,
                    w -> new SpecificDatumReader<>(w, readerSchema, model));
            return reader.read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "Cannot read " + writer.getFullName() + " as " + readerSchema.getFullName(),
                    e);
        }
    }

    @Override
    public void close() {
        generic.close();
    }
}
