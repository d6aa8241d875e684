package dev.uip.anomaly.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/**
 * The internal topics the anomaly topology makes the broker keep: one repartition of the events (by workspace) and
 * one changelog per trend store. The count store of /v1/counts and its own repartition by workspace and event are
 * gone: the counts are the trend buckets.
 */
class TopologyTopicsTest {

    @Test
    void repartitionsTheEventsOnceAndKeepsOnlyTheTrendStores() {
        TopologyDescription description = TestTopologies.anomaly(false).describe();
        Set<String> repartitions = new TreeSet<>();
        Set<String> stores = new TreeSet<>();
        for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Sink sink && sink.topic() != null
                        && sink.topic().endsWith("-repartition")) {
                    repartitions.add(sink.topic());
                }
                if (node instanceof TopologyDescription.Processor processor) {
                    stores.addAll(processor.stores());
                }
            }
        }
        Set<String> globals = new TreeSet<>();
        description.globalStores().forEach(global -> globals.addAll(global.processor().stores()));

        assertEquals(Set.of("by-workspace-repartition"), repartitions);
        // Each has a changelog topic <application>-<store>-changelog.
        assertEquals(Set.of(TrendStores.BUCKETS, TrendStores.HOURS, TrendStores.DAYS, TrendStores.SERIES,
                TrendStores.MONITORS, TrendStores.ALERTS, TrendStores.GAP_RATES, TrendStores.STATS_PUBLISHED), stores);
        // Restored from their own compacted topics, no changelog.
        assertEquals(Set.of(TrendStores.DEFINITIONS, TrendStores.RULES), globals);
    }
}
