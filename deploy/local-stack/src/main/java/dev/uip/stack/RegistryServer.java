package dev.uip.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Runs the packaged Apicurio Registry (module deploy/apicurio-registry) as a child process. */
public final class RegistryServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private RegistryServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The runnable jar that the apicurio-registry module builds, below the repository root. */
    public static Path defaultJar(Path repositoryRoot) {
        return repositoryRoot.resolve("deploy/apicurio-registry/target/apicurio-registry.jar");
    }

    /** Starts the registry on {@code port} with in-memory storage and waits until it is ready. */
    public static RegistryServer start(Path jar, int port, Path logFile, Duration timeout)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Apicurio Registry is not packaged at " + jar
                    + ": build it with ./mvnw -pl deploy/apicurio-registry package");
        }
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port, "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        reapWithThisJvm(process);
        RegistryServer server = new RegistryServer(process, port);
        try {
            server.awaitReady(timeout);
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * A test JVM that ends without running its shutdown hooks (killed by the build's fork timeout, or halted) would
     * leave the registry running for good: a small shell waits for this JVM to end and then stops the registry, if
     * that process is still the registry.
     */
    private static void reapWithThisJvm(Process registry) throws IOException {
        long jvm = ProcessHandle.current().pid();
        long child = registry.pid();
        String script = "while kill -0 " + jvm + " 2>/dev/null; do sleep 2; done; "
                + "grep -q apicurio-registry /proc/" + child + "/cmdline 2>/dev/null && kill " + child;
        new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Apicurio Registry exited with code " + process.exitValue());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Apicurio Registry not ready within " + timeout);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The URL that Apicurio serdes and clients use. */
    public String apiUrl() {
        return baseUrl() + "/apis/registry/v2";
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
