package dev.uip.stack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the real stack of this JVM. Init arg {@code database} names the service's own
 * database, created on first use. With init args {@code app-user} and {@code app-password} the service connects as
 * that (non-owner) role and only Flyway connects as the owner {@value PostgresServer#USER}; the local server trusts
 * local connections, so the owner's password is a placeholder. Each start gives Kafka Streams an empty state
 * directory of its own, and the keys of {@link TestTokens} for service tokens.
 */
public class RealStackResource implements QuarkusTestResourceLifecycleManager {

    private String database;
    private String appUser;
    private String appPassword;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        appUser = initArgs.get("app-user");
        appPassword = initArgs.get("app-password");
    }

    @Override
    public Map<String, String> start() {
        RealStack stack = RealStack.get();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", stack.bootstrapServers());
        config.put("uip.registry.url", stack.registryUrl());
        // Kafka Streams state of its own (under the module's target): another build on this machine, or state left
        // by a run against an earlier broker, must not share it.
        config.put("kafka-streams.state.dir", Path.of("target", "kafka-streams-" + UUID.randomUUID()).toAbsolutePath()
                .toString());
        // services verify the service tokens of TestTokens, as they verify the gateway's; the gateway signs with it
        config.put("mp.jwt.verify.publickey.location", TestTokens.publicKeyLocation());
        config.put("smallrye.jwt.sign.key.location", TestTokens.privateKeyLocation());
        if (database != null) {
            try {
                stack.postgres().ensureDatabase(database);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Could not create database " + database, e);
            }
            config.put("quarkus.datasource.reactive.url", stack.postgres().reactiveUrl(database));
            config.put("quarkus.datasource.jdbc.url", stack.postgres().jdbcUrl(database));
            if (appUser == null) {
                config.put("quarkus.datasource.username", PostgresServer.USER);
            } else {
                config.put("quarkus.datasource.username", appUser);
                config.put("quarkus.datasource.password", appPassword == null ? "" : appPassword);
                config.put("quarkus.flyway.jdbc-url", stack.postgres().jdbcUrl(database));
                config.put("quarkus.flyway.username", PostgresServer.USER);
                config.put("quarkus.flyway.password", "trusted-locally");
            }
        }
        return config;
    }

    @Override
    public void stop() {
        // Shared by every test class of the module; stopped when the JVM exits.
    }
}
