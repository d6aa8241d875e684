package dev.uip.audit.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.audit.domain.ChainHead;

/**
 * Publishes a workspace's chain head (key workspace) after an append committed, never one at or below a sequence
 * already published for the workspace: a head can lag behind the database but never go back, so a truncated and
 * re-grown chain cannot overwrite the head that proves its old length. A failed publication is logged and counted,
 * never retried: the next append publishes a newer head.
 */
@ApplicationScoped
public class HeadPublisher {

    private static final Logger LOG = Logger.getLogger(HeadPublisher.class);
    private static final int REMEMBERED_WORKSPACES = 10_000;

    @Inject
    @Channel("audit-chain-heads")
    MutinyEmitter<String> emitter;

    @Inject
    PublishedHeads heads;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry metrics;

    // The highest sequence this instance knows to be published, per workspace (least recently used ones forgotten).
    private final Map<String, Long> published = new LinkedHashMap<>(16, 0.75f, true) {

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED_WORKSPACES;
        }
    };

    /** Publishes {@code head} unless a head at or beyond its sequence is published; never fails. */
    public Uni<Void> publish(ChainHead head) {
        return highestPublished(head.workspace())
                .chain(highest -> {
                    if (highest >= head.sequence()) {
                        metrics.counter("uip.audit.heads", "outcome", "behind").increment();
                        LOG.warnf("Not publishing head %d of %s: head %d is published already", head.sequence(),
                                head.workspace(), highest);
                        return Uni.createFrom().voidItem();
                    }
                    return emitter.sendMessage(Message.of(encode(head)).addMetadata(OutgoingKafkaRecordMetadata
                            .<String>builder().withKey(head.workspace()).build()))
                            .invoke(() -> {
                                remember(head.workspace(), head.sequence());
                                metrics.counter("uip.audit.heads", "outcome", "published").increment();
                            });
                })
                .onFailure().recoverWithItem(failure -> {
                    metrics.counter("uip.audit.heads", "outcome", "failed").increment();
                    LOG.warnf("Could not publish head %d of %s (the published head lags until the next append): %s",
                            head.sequence(), head.workspace(), failure.getMessage());
                    return null;
                });
    }

    private Uni<Long> highestPublished(String workspace) {
        Long known;
        synchronized (published) {
            known = published.get(workspace);
        }
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return Uni.createFrom().item(() -> heads.latest(workspace).map(ChainHead::sequence).orElse(0L))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .invoke(sequence -> remember(workspace, sequence));
    }

    private void remember(String workspace, long sequence) {
        synchronized (published) {
            published.merge(workspace, sequence, Math::max);
        }
    }

    private String encode(ChainHead head) {
        try {
            return json.writeValueAsString(head);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a chain head is always JSON", e);
        }
    }
}
