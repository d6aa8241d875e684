package dev.uip.schemas.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

import io.apicurio.registry.serde.avro.AvroDatumProvider;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;

/**
 * The registry serdes' Avro readers and writers, made once per schema object. The registry's default provider
 * computes a normalised fingerprint of the schema for every record to find its cached writer, which costs more than
 * encoding a small event; schemas come from generated classes or the registry client's cache, so the schema object
 * itself is a stable key. Set {@link #READER_CLASS} to read straight into one generated class, resolved through that
 * class's own loader (Avro's shared model finds classes through the loader Avro sits in, which in Quarkus tests is
 * not the application's).
 */
public class CachedDatumProvider<T> implements AvroDatumProvider<T> {

    /** Serde config key: the generated class to read records into; absent = generic records. */
    public static final String READER_CLASS = "uip.avro.reader-class";

    /** Works out the schema of a value that is not a record (strings, numbers...). */
    private final DefaultAvroDatumProvider<T> primitives = new DefaultAvroDatumProvider<>();
    private final Map<Schema, DatumWriter<T>> writers = new ConcurrentHashMap<>();
    private final Map<Schema, DatumReader<T>> readers = new ConcurrentHashMap<>();
    private Schema readerSchema;
    private SpecificData readerModel;

    @Override
    public void configure(AvroSerdeConfig config) {
        Object type = config.originals().get(READER_CLASS);
        if (type instanceof Class<?> readerClass) {
            readerModel = SpecificModels.forClass(readerClass);
            readerSchema = SpecificData.getForClass(readerClass).getSchema(readerClass);
        } else if (type != null) {
            throw new IllegalArgumentException(READER_CLASS + " must be a Class, not " + type.getClass().getName());
        }
    }

    @Override
    public DatumWriter<T> createDatumWriter(T data, Schema schema) {
        return writers.computeIfAbsent(schema, s -> data instanceof SpecificRecord
                ? new SpecificDatumWriter<>(s, SpecificData.getForClass(data.getClass()))
                : new GenericDatumWriter<>(s));
    }

    @Override
    public DatumReader<T> createDatumReader(Schema writerSchema) {
        return readers.computeIfAbsent(writerSchema, s -> readerModel == null
                ? new GenericDatumReader<>(s)
                : new SpecificDatumReader<>(s, readerSchema, readerModel));
    }

    @Override
    public Schema toSchema(T data) {
        return data instanceof GenericContainer container ? container.getSchema() : primitives.toSchema(data);
    }
}
