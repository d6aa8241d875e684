package dev.uip.definition.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.definition.client.RawEventTail;
import dev.uip.definition.config.VirtualPreviewConfig;
import dev.uip.definition.domain.InvalidDefinitionException;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.virtual.MessageView;
import dev.uip.schemas.virtual.RuleParser;
import dev.uip.schemas.virtual.VirtualRule;

/**
 * Shows what a virtual event rule would do before it is saved: how many of the workspace's newest raw events it
 * matches, with the newest matches as examples. Holds at most one small entry per evaluated event and
 * {@value #EXAMPLES} payloads, however many events are read.
 */
@ApplicationScoped
public class VirtualPreview {

    /** Most examples returned. */
    public static final int EXAMPLES = 10;

    /** The answer. */
    public record Result(int limit, int evaluated, int matched, long scanned, boolean complete,
            List<Example> examples) {
    }

    /** One matching raw event, newest first. */
    public record Example(String messageId, String type, String event, String userId, String anonymousId,
            Instant timestamp, Instant receivedAt, JsonNode message) {
    }

    /** One evaluated event: where it was read (its order is newest by timestamp, then partition and offset). */
    private record Seen(long timestamp, int partition, long offset, boolean matched, Example example) {
    }

    private static final Comparator<Seen> OLDEST_FIRST = Comparator.comparingLong(Seen::timestamp)
            .thenComparingInt(Seen::partition).thenComparingLong(Seen::offset);

    @Inject
    RawEventTail tail;

    @Inject
    VirtualPreviewConfig config;

    @Inject
    ObjectMapper json;

    /** The limit asked for, or the default; 400 outside 1 to the maximum. */
    public int limit(Integer asked) {
        int limit = asked == null ? config.defaultLimit() : asked;
        if (limit < 1 || limit > config.maxLimit()) {
            throw new InvalidDefinitionException("limit", "limit is the number of newest raw events evaluated, 1 to "
                    + config.maxLimit());
        }
        return limit;
    }

    /** Evaluates {@code rule} (checked here) over the workspace's newest {@code limit} raw events. Blocks. */
    public Result preview(String workspace, JsonNode rule, int limit) {
        VirtualRule parsed = RuleParser.parse(rule, "virtualRule");
        PriorityQueue<Seen> window = new PriorityQueue<>(Math.min(limit, 1024) + 1, OLDEST_FIRST);
        PriorityQueue<Seen> newestMatches = new PriorityQueue<>(EXAMPLES + 1, OLDEST_FIRST);
        RawEventTail.Scan scan = tail.read(workspace, found -> {
            RawUsageEvent raw = found.event();
            JsonNode message = raw == null ? null : message(raw);
            boolean matched = message != null && matches(parsed, raw, message);
            // the window keeps no payloads: only the few newest matches do
            keep(window, new Seen(found.timestamp(), found.partition(), found.offset(), matched, null), limit);
            if (matched) {
                keep(newestMatches, new Seen(found.timestamp(), found.partition(), found.offset(), true,
                        example(raw, message)), EXAMPLES);
            }
        });
        // the newest matches overall that are inside the window are the window's newest matches
        Seen oldestKept = window.peek();
        List<Example> examples = newestMatches.stream()
                .filter(seen -> oldestKept != null && OLDEST_FIRST.compare(seen, oldestKept) >= 0)
                .sorted(OLDEST_FIRST.reversed()).map(Seen::example).toList();
        int matched = (int) window.stream().filter(Seen::matched).count();
        return new Result(limit, window.size(), matched, scan.scanned(), scan.complete(), new ArrayList<>(examples));
    }

    private static void keep(PriorityQueue<Seen> heap, Seen seen, int size) {
        if (heap.size() < size) {
            heap.add(seen);
        } else if (OLDEST_FIRST.compare(seen, heap.peek()) > 0) {
            heap.poll();
            heap.add(seen);
        }
    }

    private static boolean matches(VirtualRule rule, RawUsageEvent raw, JsonNode message) {
        try {
            return rule.matches(new MessageView(raw.getType(), raw.getEvent(), message));
        } catch (RuntimeException | StackOverflowError e) {
            return false; // as in validation: a rule that throws on an event does not match it
        }
    }

    private JsonNode message(RawUsageEvent raw) {
        try {
            return json.readTree(raw.getPayload());
        } catch (Exception e) {
            return null;
        }
    }

    private static Example example(RawUsageEvent raw, JsonNode message) {
        return new Example(raw.getMessageId(), raw.getType().name().toLowerCase(Locale.ROOT), raw.getEvent(),
                raw.getUserId(), raw.getAnonymousId(), raw.getTimestamp(), raw.getReceivedAt(), message);
    }
}
