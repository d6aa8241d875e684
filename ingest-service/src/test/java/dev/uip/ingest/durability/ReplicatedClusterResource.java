package dev.uip.ingest.durability;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import dev.uip.stack.RealStack;
import dev.uip.stack.TopicAdmin;

/**
 * Points the service at its own {@link ReplicatedCluster} (production-like topics: 3 replicas, min.insync.replicas=2)
 * while it keeps using the JVM's shared registry. Injects the cluster into the test's {@code ReplicatedCluster} field.
 */
public class ReplicatedClusterResource implements QuarkusTestResourceLifecycleManager {

    private ReplicatedCluster cluster;

    @Override
    public Map<String, String> start() {
        CompletableFuture<String> registry = CompletableFuture.supplyAsync(() -> RealStack.get().registryUrl());
        try {
            cluster = ReplicatedCluster.start();
            TopicAdmin.createMissing(cluster.bootstrapServers(), ReplicatedCluster.BROKERS);
            return Map.of("kafka.bootstrap.servers", cluster.bootstrapServers(), "uip.registry.url", registry.join());
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the replicated test cluster", e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(cluster, new TestInjector.MatchesType(ReplicatedCluster.class));
    }

    @Override
    public void stop() {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the replicated test cluster", e);
        }
    }
}
