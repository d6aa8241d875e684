package dev.uip.schemas.serde;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;

/**
 * Reads registry-encoded Avro into one generated class given by the caller, resolving the class through the
 * caller's class loader (see {@link CachedDatumProvider}) and resolving the writer's schema against the class's.
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final Class<T> type;
    private final AvroKafkaDeserializer<T> delegate = new AvroKafkaDeserializer<>();

    public SpecificAvroDeserializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> config = new HashMap<>(configs);
        config.put(AvroSerdeConfig.AVRO_DATUM_PROVIDER, CachedDatumProvider.class);
        config.put(CachedDatumProvider.READER_CLASS, type);
        delegate.configure(config, isKey);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return delegate.deserialize(topic, data);
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        return delegate.deserialize(topic, headers, data);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
