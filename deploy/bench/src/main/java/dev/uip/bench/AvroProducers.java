package dev.uip.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.producer.ProducerConfig;

/** Command-line options and the registry-Avro producer settings shared by the tools that write topics directly. */
final class AvroProducers {

    private AvroProducers() {
    }

    /** {@code --name value} pairs as a map from name to value. */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    /**
     * Producer and serializer settings from {@code --bootstrap} and {@code --registry}: acks=all, lz4, 20 ms linger,
     * the envelope schemas registered when missing.
     */
    static Map<String, Object> config(Map<String, String> options) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.getOrDefault("bootstrap", "localhost:9092"));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put("apicurio.registry.url", options.getOrDefault("registry", "http://localhost:8085/apis/registry/v2"));
        config.put("apicurio.registry.auto-register", true);
        config.put("apicurio.registry.find-latest", true);
        return config;
    }
}
