package dev.uip.definition.repository;

import org.hibernate.exception.ConstraintViolationException;

import io.vertx.pgclient.PgException;

/** Tells which database constraint a failed statement violated, however Hibernate or Vert.x wrapped the error. */
public final class Constraints {

    /** One name per definition and workspace. */
    public static final String DEFINITION_NAME = "event_definition_name_unique";
    /** One row per definition and version number. */
    public static final String VERSION_KEY = "event_definition_version_pkey";
    /** One alert rule per workspace, call type, event and kind. */
    public static final String ALERT_RULE_IDENTITY = "alert_rule_identity";
    /** One row per alert rule and version number. */
    public static final String ALERT_RULE_VERSION_KEY = "alert_rule_version_pkey";
    /** One row per workspace id. */
    public static final String WORKSPACE_KEY = "workspace_pkey";

    private Constraints() {
    }

    /** Whether {@code failure} or one of its causes is a violation of {@code constraint}. */
    public static boolean violated(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation
                    && constraint.equals(violation.getConstraintName())) {
                return true;
            }
            if (t instanceof PgException pg && constraint.equals(pg.getConstraint())) {
                return true;
            }
            if (String.valueOf(t.getMessage()).contains("\"" + constraint + "\"")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
