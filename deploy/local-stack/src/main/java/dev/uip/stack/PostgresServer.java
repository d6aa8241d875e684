package dev.uip.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server (zonky's packaged binaries) on a fixed or free port, with per-service databases. */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts a throw-away server in a temporary directory on a free port. */
    public static PostgresServer startTemporary() throws IOException {
        return new PostgresServer(EmbeddedPostgres.builder().start());
    }

    /** Starts a server whose data survives restarts, in {@code dataDir}. */
    public static PostgresServer startPersistent(Path dataDir, int port) throws IOException {
        return new PostgresServer(EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start());
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates {@code database} unless it exists. */
    public void ensureDatabase(String database) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement
                    .executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + database);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /**
     * {@code PostgresServer <data-dir> <port> [database...]}: runs until terminated; used by {@code ./uip up}.
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PostgresServer <data-dir> <port> [database...]");
            System.exit(2);
        }
        PostgresServer server = startPersistent(Path.of(args[0]).toAbsolutePath(), Integer.parseInt(args[1]));
        for (int i = 2; i < args.length; i++) {
            server.ensureDatabase(args[i]);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "postgres-stop"));
        System.out.println("PostgreSQL ready on port " + server.port());
        stopped.await();
    }
}
