package dev.uip.audit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import dev.uip.stack.RealStack;
import dev.uip.stack.RealStackResource;

/**
 * The real stack as every audit-service test uses it: its own database, reached as the append-only application role,
 * so that the grants the service runs with in production apply in every test.
 */
public class AuditStack extends RealStackResource {

    public static final String DATABASE = "uip_audit";
    public static final String APP_ROLE = "uip_audit_app";
    public static final String APP_PASSWORD = "uip_audit_app_dev";

    /** A second change stream the test profile consumes besides definition-changes. */
    public static final String SECOND_CHANGE_TOPIC = "audit-test-changes";

    @Override
    public Map<String, String> start() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealStack.get().bootstrapServers()))) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(SECOND_CHANGE_TOPIC)) {
                admin.createTopics(List.of(new NewTopic(SECOND_CHANGE_TOPIC, 3, (short) 1))).all()
                        .get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not create " + SECOND_CHANGE_TOPIC, e);
        }
        return super.start();
    }

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("database", DATABASE, "app-user", APP_ROLE, "app-password", APP_PASSWORD));
    }
}
