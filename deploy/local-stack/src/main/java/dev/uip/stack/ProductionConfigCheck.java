package dev.uip.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a built service refuses to start in the production profile when any value it must take from the
 * environment is missing: the variables are read from the service's {@code application.properties} (every
 * {@code ${NAME}} without a default), the service jar is started once per variable with all the others set to
 * placeholders, and each start must end with a non-zero exit whose output names the missing variable or a property
 * that uses it.
 */
public final class ProductionConfigCheck {

    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    private static final long TIMEOUT_SECONDS = 60;

    private ProductionConfigCheck() {
    }

    /**
     * The environment variables {@code properties} requires without a default (in any profile), each with the
     * properties (profile prefix removed) whose values use it.
     */
    public static TreeMap<String, TreeSet<String>> requiredVariables(Path properties) throws IOException {
        TreeMap<String, TreeSet<String>> names = new TreeMap<>();
        for (String line : Files.readAllLines(properties, StandardCharsets.UTF_8)) {
            int equals = line.indexOf('=');
            if (line.startsWith("#") || equals < 0) {
                continue;
            }
            String property = line.substring(0, equals).strip().replaceFirst("^%[a-z]+\\.", "");
            Matcher matcher = REQUIRED.matcher(line.substring(equals + 1));
            while (matcher.find()) {
                names.computeIfAbsent(matcher.group(1), name -> new TreeSet<>()).add(property);
            }
        }
        return names;
    }

    /**
     * Starts {@code target/quarkus-app/quarkus-run.jar} of the current module once per required variable, without it;
     * returns one line per start that did not fail fast naming it (empty when every start did).
     */
    public static List<String> failures() throws IOException, InterruptedException {
        TreeMap<String, TreeSet<String>> required = requiredVariables(Path.of("src", "main", "resources",
                "application.properties"));
        List<String> failures = new ArrayList<>();
        if (required.isEmpty()) {
            failures.add("application.properties requires no environment variable in production");
        }
        for (String missing : required.keySet()) {
            Map<String, String> environment = new TreeMap<>();
            environment.put("PATH", System.getenv("PATH"));
            for (String name : required.keySet()) {
                if (!name.equals(missing)) {
                    environment.put(name, placeholder(name));
                }
            }
            String outcome = start(environment, missing, required.get(missing));
            if (outcome != null) {
                failures.add("without " + missing + ": " + outcome);
            }
        }
        return failures;
    }

    /** A value of the right form that reaches nothing (port 9 is discard, closed here). */
    static String placeholder(String name) {
        if (name.endsWith("_URL")) {
            return "http://127.0.0.1:9";
        }
        if (name.equals("KAFKA_BOOTSTRAP_SERVERS")) {
            return "127.0.0.1:9";
        }
        if (name.endsWith("_HOST")) {
            return "127.0.0.1";
        }
        return "placeholder";
    }

    private static String start(Map<String, String> environment, String missing, Set<String> properties)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("uip-prod-config-", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-jar",
                Path.of("target", "quarkus-app", "quarkus-run.jar").toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                return "still running after " + TIMEOUT_SECONDS + " s (it started without it)";
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() == 0) {
                return "exited 0";
            }
            if (!output.contains(missing) && properties.stream().noneMatch(output::contains)) {
                return "exited " + process.exitValue() + " without naming it or " + properties + ": "
                        + firstLines(output);
            }
            return null;
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private static String firstLines(String output) {
        String lines = String.join(" | ", output.lines().filter(line -> !line.isBlank() && !line.startsWith("\tat "))
                .limit(4).toList());
        return lines.length() <= 400 ? lines : lines.substring(0, 400) + "...";
    }
}
