package dev.uip.stack;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates the platform's topics that do not exist yet; safe to run again. */
public final class TopicAdmin {

    private TopicAdmin() {
    }

    /** Creates every missing topic of {@link Topics#all} and returns the names it created. */
    public static List<String> createMissing(String bootstrapServers, short replicationFactor)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            int minIsr = Math.min(2, replicationFactor);
            List<NewTopic> missing = Topics.all(minIsr).stream()
                    .filter(spec -> !existing.contains(spec.name()))
                    .map(spec -> new NewTopic(spec.name(), spec.partitions(), replicationFactor)
                            .configs(spec.configs()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            return missing.stream().map(NewTopic::name).toList();
        }
    }

    /** {@code TopicAdmin <bootstrap-servers> [replication-factor]}: used by {@code ./uip up}. */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: TopicAdmin <bootstrap-servers> [replication-factor]");
            System.exit(2);
        }
        short replication = args.length > 1 ? Short.parseShort(args[1]) : 1;
        List<String> created = createMissing(args[0], replication);
        System.out.println(created.isEmpty() ? "topics: all present" : "topics created: " + String.join(", ", created));
    }
}
