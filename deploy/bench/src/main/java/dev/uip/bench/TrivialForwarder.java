package dev.uip.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The baseline of the ingest benchmark: the least an HTTP-to-Kafka bridge can do. It answers 200 after the broker
 * acknowledged (acks=all, idempotent), one record per event, with no parsing beyond splitting batches, no auth, no
 * schema and no checks.
 */
public final class TrivialForwarder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] OK = "{\"success\":true}".getBytes(StandardCharsets.UTF_8);

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;

    private TrivialForwarder(String bootstrap, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5),
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
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.createContext("/", forwarder::handle);
        server.setExecutor(Executors.newFixedThreadPool(64));
        server.start();
        System.out.println("forwarder listening on 127.0.0.1:" + port + ", topic " + topic);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            if (exchange.getRequestURI().getPath().endsWith("/batch")) {
                for (JsonNode message : JSON.readTree(body).get("batch")) {
                    acks.add(producer.send(new ProducerRecord<>(topic, JSON.writeValueAsBytes(message))));
                }
            } else {
                acks.add(producer.send(new ProducerRecord<>(topic, body)));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(5, TimeUnit.SECONDS);
            }
            respond(exchange, 200, OK);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            respond(exchange, 503, "{\"code\":\"BROKER_UNAVAILABLE\"}".getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(exchange, 503, new byte[0]);
        } catch (RuntimeException e) {
            respond(exchange, 400, new byte[0]);
        }
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
