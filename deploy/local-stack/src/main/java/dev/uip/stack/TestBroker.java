package dev.uip.stack;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

/** A real single-node KRaft Kafka broker inside the test JVM. */
public final class TestBroker implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private TestBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /**
     * A broker that meets a fatal error (for instance a log directory that disappears while the JVM shuts down) exits
     * or halts its process through Kafka's {@link Exit}; inside a test JVM that kills the test run with a non-zero code
     * after the tests passed. Here such a broker only says so: call before starting brokers in a test JVM.
     */
    public static void keepJvmOnFatalBrokerErrors() {
        Exit.setExitProcedure((code, message) -> System.err.println("Kafka asked to exit(" + code + "): " + message));
        Exit.setHaltProcedure((code, message) -> System.err.println("Kafka asked to halt(" + code + "): " + message));
    }

    public static TestBroker start() throws Exception {
        keepJvmOnFatalBrokerErrors();
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build())
                // On one node the internal topics must not ask for more replicas, or consumers hang.
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "3")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new TestBroker(cluster);
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
