package dev.uip.audit;

import java.util.Map;

import dev.uip.stack.RealStackResource;

/**
 * The real stack as every audit-service test uses it: its own database, reached as the append-only application role,
 * so that the grants the service runs with in production apply in every test.
 */
public class AuditStack extends RealStackResource {

    public static final String DATABASE = "uip_audit";
    public static final String APP_ROLE = "uip_audit_app";
    public static final String APP_PASSWORD = "uip_audit_app_dev";

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("database", DATABASE, "app-user", APP_ROLE, "app-password", APP_PASSWORD));
    }
}
