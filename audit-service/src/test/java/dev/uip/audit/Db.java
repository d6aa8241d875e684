package dev.uip.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.uip.stack.RealStack;

/** Direct connections to the audit database of the test stack: as the owner (a superuser) or as the app role. */
public final class Db {

    private Db() {
    }

    /** The owner, a superuser: what an attacker with full database access would use. */
    public static Connection owner() throws SQLException {
        return owner(AuditStack.DATABASE);
    }

    /** The owner of another database of the test stack. */
    public static Connection owner(String database) throws SQLException {
        return DriverManager.getConnection(RealStack.get().postgres().jdbcUrl(database), "postgres", "");
    }

    /** The service's own append-only role. */
    public static Connection app() throws SQLException {
        return DriverManager.getConnection(RealStack.get().postgres().jdbcUrl(AuditStack.DATABASE),
                AuditStack.APP_ROLE, AuditStack.APP_PASSWORD);
    }

    /** Runs {@code statements} as the owner with every trigger off, as a superuser rewriting history would. */
    public static void tamper(String... statements) throws SQLException {
        try (Connection c = owner(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** The single number {@code query} answers, with {@code args} bound in order. */
    public static long number(String query, Object... args) throws SQLException {
        return numberIn(AuditStack.DATABASE, query, args);
    }

    /** The single number {@code query} answers in another database of the test stack. */
    public static long numberIn(String database, String query, Object... args) throws SQLException {
        try (Connection c = owner(database); PreparedStatement s = c.prepareStatement(query)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
