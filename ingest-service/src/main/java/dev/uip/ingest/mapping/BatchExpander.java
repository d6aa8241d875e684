package dev.uip.ingest.mapping;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.uip.ingest.domain.BadMessageException;
import dev.uip.ingest.domain.PayloadTooLargeException;

/** Splits a Segment batch body into its messages, applying the batch-level context, integrations and sentAt. */
public final class BatchExpander {

    public static final int MAX_MESSAGES = 2500;

    private BatchExpander() {
    }

    public static List<ObjectNode> expand(JsonNode body) {
        if (!body.isObject()) {
            throw new BadMessageException("INVALID_BATCH", "a batch body must be a JSON object with a 'batch' array");
        }
        JsonNode batch = body.get("batch");
        if (batch == null || !batch.isArray()) {
            throw new BadMessageException("INVALID_BATCH", "a batch body needs a 'batch' array");
        }
        if (batch.isEmpty()) {
            // A 400 rather than a 200 that stores nothing: no Segment SDK sends an empty batch (they flush only a
            // non-empty queue), so no real data is dropped, and a client that builds one learns of its bug at once.
            throw new BadMessageException("EMPTY_BATCH", "the 'batch' array is empty: send at least one message");
        }
        if (batch.size() > MAX_MESSAGES) {
            throw new PayloadTooLargeException("a batch holds at most " + MAX_MESSAGES + " messages, this one "
                    + batch.size());
        }
        List<ObjectNode> messages = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            JsonNode message = batch.get(i);
            if (!message.isObject()) {
                throw new BadMessageException("INVALID_MESSAGE", "batch[" + i + "] is not a JSON object");
            }
            // The body was parsed for this request alone: messages are completed in place, sharing batch-level nodes.
            ObjectNode merged = (ObjectNode) message;
            mergeInto(merged, "context", body.get("context"));
            mergeInto(merged, "integrations", body.get("integrations"));
            if (!merged.hasNonNull("sentAt") && body.hasNonNull("sentAt")) {
                merged.set("sentAt", body.get("sentAt"));
            }
            messages.add(merged);
        }
        return messages;
    }

    /** Batch-level values fill in what the message does not set itself; the message's own values win. */
    private static void mergeInto(ObjectNode message, String field, JsonNode batchLevel) {
        if (batchLevel == null || !batchLevel.isObject() || batchLevel.isEmpty()) {
            return;
        }
        JsonNode own = message.get(field);
        if (own == null || own.isNull()) {
            message.set(field, batchLevel);
            return;
        }
        if (!own.isObject()) {
            return;
        }
        ObjectNode target = (ObjectNode) own;
        for (Iterator<Map.Entry<String, JsonNode>> it = batchLevel.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!target.has(entry.getKey())) {
                target.set(entry.getKey(), entry.getValue());
            }
        }
    }
}
