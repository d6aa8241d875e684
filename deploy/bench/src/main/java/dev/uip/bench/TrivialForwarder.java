package dev.uip.bench;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The baseline of the ingest benchmark: the least an HTTP-to-Kafka bridge can do, on the same HTTP stack as the
 * services (Vert.x, one event loop per core) and the same producer settings. It answers 200 after the broker
 * acknowledged (acks=all, idempotent), one record per event, with no parsing beyond splitting batches, no auth, no
 * schema and no checks.
 */
public final class TrivialForwarder {

    /** The ingest-service's producer linger (its application.properties), so both batch sends alike. */
    static final int LINGER_MS = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Buffer OK = Buffer.buffer("{\"success\":true}");

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;

    private TrivialForwarder(String bootstrap, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, LINGER_MS),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** {@code TrivialForwarder <bootstrap-servers> <port> [topic]}. */
    public static void main(String[] args) throws Exception {
        String bootstrap = args.length > 0 ? args[0] : "localhost:9092";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8099;
        String topic = args.length > 2 ? args[2] : "bench-forwarder";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                admin.createTopics(Set.of(new NewTopic(topic, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        }
        TrivialForwarder forwarder = new TrivialForwarder(bootstrap, topic);
        Vertx vertx = Vertx.vertx();
        int loops = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < loops; i++) {
            vertx.createHttpServer().requestHandler(forwarder::handle).listen(port, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        System.out.println("forwarder listening on 127.0.0.1:" + port + ", topic " + topic);
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            try {
                if (request.path().endsWith("/batch")) {
                    JsonNode batch = JSON.readTree(body.getBytes()).get("batch");
                    AtomicInteger waiting = new AtomicInteger(batch.size());
                    for (JsonNode message : batch) {
                        send(JSON.writeValueAsBytes(message), request, waiting);
                    }
                } else {
                    send(body.getBytes(), request, new AtomicInteger(1));
                }
            } catch (Exception e) {
                request.response().setStatusCode(400).end();
            }
        });
    }

    private void send(byte[] value, HttpServerRequest request, AtomicInteger waiting) {
        producer.send(new ProducerRecord<>(topic, value), (metadata, failure) -> {
            if (failure != null && waiting.getAndSet(-1) > 0) {
                request.response().setStatusCode(503).end(Buffer.buffer("{\"code\":\"BROKER_UNAVAILABLE\"}",
                        StandardCharsets.UTF_8.name()));
            } else if (failure == null && waiting.decrementAndGet() == 0) {
                request.response().putHeader("Content-Type", "application/json").end(OK);
            }
        });
    }
}
