package dev.uip.stack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The real infrastructure for one test JVM: Kafka, PostgreSQL and the registry, started in parallel on first use and
 * stopped when the JVM exits.
 */
public final class RealStack {

    private static RealStack instance;

    private final TestBroker broker;
    private final PostgresServer postgres;
    private final RegistryServer registry;

    private RealStack(TestBroker broker, PostgresServer postgres, RegistryServer registry) {
        this.broker = broker;
        this.postgres = postgres;
        this.registry = registry;
    }

    /** The stack of this JVM, started on the first call. */
    public static synchronized RealStack get() {
        if (instance == null) {
            instance = startAll();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stopQuietly, "real-stack-stop"));
        }
        return instance;
    }

    private static RealStack startAll() {
        Path root = Path.of(System.getProperty("uip.root", "../")).toAbsolutePath().normalize();
        Path jar = Path.of(System.getProperty("uip.registry.jar", RegistryServer.defaultJar(root).toString()));
        Path log = Path.of("target", "registry-" + ProcessHandle.current().pid() + ".log");
        var broker = CompletableFuture.supplyAsync(() -> call(TestBroker::start));
        var postgres = CompletableFuture.supplyAsync(() -> call(PostgresServer::startTemporary));
        var registry = CompletableFuture
                .supplyAsync(() -> call(() -> RegistryServer.start(jar, freePort(), log, Duration.ofSeconds(90))));
        try {
            RealStack stack = new RealStack(broker.join(), postgres.join(), registry.join());
            TopicAdmin.createMissing(stack.bootstrapServers(), (short) 1);
            return stack;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the real test stack", e);
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public String registryUrl() {
        return registry.apiUrl();
    }

    private void stopQuietly() {
        CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> quietly("registry", registry::close)),
                CompletableFuture.runAsync(() -> quietly("Kafka", broker::close)),
                CompletableFuture.runAsync(() -> quietly("PostgreSQL", postgres::close)))
                .join();
    }

    private interface Stop {

        void run() throws Exception;
    }

    private static void quietly(String what, Stop stop) {
        try {
            stop.run();
        } catch (Exception e) {
            System.err.println(what + " did not stop cleanly: " + e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Step<T> {

        T run() throws Exception;
    }

    private static <T> T call(Step<T> step) {
        try {
            return step.run();
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }
}
