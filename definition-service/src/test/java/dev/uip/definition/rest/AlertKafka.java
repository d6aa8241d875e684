package dev.uip.definition.rest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.restassured.http.ContentType;

import dev.uip.definition.Api;
import dev.uip.schemas.AlertSeverity;
import dev.uip.schemas.AlertState;
import dev.uip.schemas.AnomalyAlert;
import dev.uip.schemas.MessageType;
import dev.uip.stack.RealStack;
import dev.uip.stack.Topics;

/**
 * Writes what anomaly-service would write onto the real usage-alerts topic (registry-encoded AnomalyAlert records,
 * keyed by workspace), and reads the notifications the inbox wrote.
 */
public final class AlertKafka {

    /** A notification row as the notify worker will read it. */
    public record Written(String id, String kind, String team, String eventName, String severity, boolean page,
            String title,
            String text, String payload, String suppressedReason, String subjectId) {
    }

    private AlertKafka() {
    }

    public static AnomalyAlert.Builder alert(String workspace, String alertId, String event, AlertState state,
            AlertSeverity severity, double observed, Double expected) {
        Instant window = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        return AnomalyAlert.newBuilder().setAlertId(alertId).setWorkspaceId(workspace).setCallType(MessageType.TRACK)
                .setEvent(event).setOwnerTeam(null).setKeyEvent(false).setSeverity(severity).setRule("DROP")
                .setDetector("seasonal").setDirection("LOW").setState(state).setObserved(observed)
                .setExpected(expected).setWindowStart(window.minusSeconds(60)).setWindowEnd(window)
                .setOpenedAt(window.minusSeconds(60))
                .setResolvedAt(state == AlertState.RESOLVED ? window : null).setBreakdown(List.of())
                .setEmittedAt(Instant.now());
    }

    public static void send(AnomalyAlert... alerts) {
        for (AnomalyAlert alert : alerts) {
            QuarantineKafka.send(new ProducerRecord<>(Topics.ALERTS, alert.getWorkspaceId(), alert));
        }
        QuarantineKafka.producer().flush();
    }

    /** Bytes that no registry-aware deserializer can read, keyed like the workspace's alerts. */
    static void sendGarbage(String workspace) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealStack.get().bootstrapServers());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ALERTS, workspace, new byte[]{0, 0, 0, 0, 0, 0, 0, 0, 42, 7}));
            producer.flush();
        }
    }

    /** Creates the workspace and a definition of {@code event} with its key event flag, criticality and owner. */
    public static void define(String workspace, String event, boolean keyEvent, String criticality, String owner) {
        Api.as(workspace, "admin").contentType(ContentType.JSON).body("{\"id\":\"" + workspace + "\"}")
                .post("/v1/workspaces");
        Api.as(workspace, "editor").contentType(ContentType.JSON).body("{\"name\":\"" + event + "\",\"keyEvent\":"
                + keyEvent + ",\"criticality\":\"" + criticality + "\",\"ownerTeam\":\"" + owner
                + "\",\"properties\":[]}").post("/v1/definitions").then().statusCode(201);
    }

    /** The workspace's notifications, oldest first. */
    static List<Written> notifications(String workspace) {
        try (Connection connection = Db.owner();
                PreparedStatement query = connection.prepareStatement("select id,"
                        + " kind, team, event_name, severity, page, title, body_text, payload::text, suppressed_reason,"
                        + " subject_id from notification where workspace_id = ? order by created_at, id")) {
            query.setString(1, workspace);
            List<Written> found = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(new Written(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getBoolean(6), rows.getString(7), rows.getString(8),
                            rows.getString(9), rows.getString(10), rows.getString(11)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
