package dev.uip.audit.repository;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;

/** Tells failures of the database that pass by themselves from those that a change causes every time it is tried. */
public final class DatabaseFailures {

    // SQLSTATE classes caused by the data itself: 22 data exception, 23 integrity constraint, 54 program limit.
    private static final Set<String> CAUSED_BY_DATA = Set.of("22", "23", "54");

    private DatabaseFailures() {
    }

    /**
     * True for failures that retrying the same change can get past: a refusal for any other reason than the data
     * (connection, permission, lock, resources, a server shutting down) or a lost or timed-out connection.
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = sqlState(t);
            if (state != null && state.length() >= 2) {
                return !CAUSED_BY_DATA.contains(state.substring(0, 2));
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof TimeoutException || t instanceof VertxException
                    || "io.vertx.core.impl.NoStackTraceThrowable".equals(t.getClass().getName())) {
                return true;
            }
        }
        return false;
    }

    /** The SQLSTATE a failure carries, if it carries one. */
    public static String sqlState(Throwable t) {
        if (t instanceof PgException pg) {
            return pg.getSqlState();
        }
        if (t instanceof SQLException sql) {
            return sql.getSQLState();
        }
        return null;
    }
}
