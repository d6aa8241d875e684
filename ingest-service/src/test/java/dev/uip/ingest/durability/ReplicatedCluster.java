package dev.uip.ingest.durability;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

import dev.uip.stack.TestBroker;

/**
 * Three Kafka brokers and one KRaft controller in this JVM, private to one test class. Brokers can be stopped and
 * started again; the controller keeps running, so the cluster's metadata survives every broker outage. (Three combined
 * nodes at the test kit's default metadata.version, 4.2-IV1, lost their controller quorum at start on this box:
 * "Received unexpected invalid request error" in UpdateVoter handling.)
 */
public final class ReplicatedCluster implements AutoCloseable {

    public static final short BROKERS = 3;

    private final KafkaClusterTestKit kit;

    private ReplicatedCluster(KafkaClusterTestKit kit) {
        this.kit = kit;
    }

    static ReplicatedCluster start() throws Exception {
        TestBroker.keepJvmOnFatalBrokerErrors();
        KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .setCombined(false)
                .setNumBrokerNodes(BROKERS)
                .setNumControllerNodes(1)
                .build())
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        kit.format();
        kit.startup();
        kit.waitForReadyBrokers();
        return new ReplicatedCluster(kit);
    }

    public String bootstrapServers() {
        return kit.bootstrapServers();
    }

    public List<Integer> brokerIds() {
        return kit.brokers().keySet().stream().sorted().toList();
    }

    /** A controlled shutdown: leadership moves away and the broker leaves every ISR. */
    public void stopBroker(int id) {
        var broker = kit.brokers().get(id);
        stopped.add(id);
        broker.shutdown();
        broker.awaitShutdown();
    }

    /** Starts a stopped broker again on the same port and log directory. */
    public void startBroker(int id) {
        kit.brokers().get(id).startup();
        stopped.remove(id);
    }

    /**
     * Starts every broker still stopped. A test that failed half-way calls this so that the service under test does
     * not stop against a dead cluster: Kafka Streams' close() has no time limit and would wait for the brokers.
     */
    public void startStoppedBrokers() {
        List.copyOf(stopped).forEach(this::startBroker);
    }

    private final Set<Integer> stopped = ConcurrentHashMap.newKeySet();

    @Override
    public void close() throws Exception {
        kit.close();
    }
}
