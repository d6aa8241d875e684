package dev.uip.schemas.serde;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka Streams serde for one of this jar's Avro classes, through the schema registry. */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final CachedAvroSerializer<T> serializer = new CachedAvroSerializer<>();
    private final SpecificAvroDeserializer<T> deserializer;

    public SpecificAvroSerde(Class<T> type) {
        this.deserializer = new SpecificAvroDeserializer<>(type);
    }

    /** A value serde for {@code type} configured with registry settings such as {@code apicurio.registry.url}. */
    public static <T extends SpecificRecord> SpecificAvroSerde<T> of(Class<T> type, Map<String, ?> config) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type);
        serde.configure(config, false);
        return serde;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
