package dev.uip.schemas.serde;

import java.util.HashMap;
import java.util.Map;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;

/**
 * The registry's Avro serializer with one Avro writer per schema ({@link CachedDatumProvider}) instead of a schema
 * fingerprint computed per record. Usable by class name in Kafka client configuration.
 */
public class CachedAvroSerializer<T> extends AvroKafkaSerializer<T> {

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> config = new HashMap<>(configs);
        config.put(AvroSerdeConfig.AVRO_DATUM_PROVIDER, CachedDatumProvider.class);
        super.configure(config, isKey);
    }
}
