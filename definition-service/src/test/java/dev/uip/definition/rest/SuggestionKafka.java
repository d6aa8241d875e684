package dev.uip.definition.rest;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;

import dev.uip.schemas.EventStats;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.stack.Topics;

/**
 * Writes what the validation topology and anomaly-service would write onto the real broker: samples of unplanned
 * events (unplanned-samples) and per-minute stats (usage-stats).
 */
final class SuggestionKafka {

    private SuggestionKafka() {
    }

    /** An unplanned track event received at {@code at} with these properties. */
    static RawUsageEvent sample(String workspace, String messageId, String event, String propertiesJson, Instant at) {
        String payload = "{\"type\":\"track\",\"event\":\"" + event + "\",\"userId\":\"u-1\",\"messageId\":\""
                + messageId + "\",\"properties\":" + propertiesJson + "}";
        return RawUsageEvent.newBuilder().setWorkspaceId(workspace).setWriteKeyId("wk_test").setMessageId(messageId)
                .setType(MessageType.TRACK).setEvent(event).setUserId("u-1").setTimestamp(at).setReceivedAt(at)
                .setPayload(payload).build();
    }

    /** The stats of a track event in one minute: unplanned, and quarantined as UNKNOWN_EVENT. */
    static EventStats stats(String workspace, String event, Instant minute, long unplanned, long unknown) {
        Map<String, Long> byReason = new HashMap<>();
        if (unknown > 0) {
            byReason.put("UNKNOWN_EVENT", unknown);
        }
        return EventStats.newBuilder().setWorkspaceId(workspace).setType(MessageType.TRACK).setEvent(event)
                .setMinute(minute).setValid(0).setWarned(0).setUnplanned(unplanned).setDerived(0).setReleased(0)
                .setQuarantined(unknown).setQuarantinedByReason(byReason).setDuplicates(0).setViolationRate(0)
                .build();
    }

    static void samples(RawUsageEvent... samples) {
        for (RawUsageEvent sample : samples) {
            QuarantineKafka.producer().send(new ProducerRecord<>(Topics.UNPLANNED_SAMPLES, sample.getWorkspaceId() + "/"
                    + sample.getEvent(), sample));
        }
        QuarantineKafka.producer().flush();
    }

    static void stats(EventStats... stats) {
        for (EventStats record : stats) {
            QuarantineKafka.producer().send(new ProducerRecord<>(Topics.STATS, record.getWorkspaceId(), record));
        }
        QuarantineKafka.producer().flush();
    }
}
