package dev.uip.gateway.account.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;

import dev.uip.gateway.account.domain.Secrets;
import dev.uip.gateway.account.repository.SetupTokens;
import dev.uip.gateway.account.repository.UserStore;
import dev.uip.gateway.config.IdentityConfig;

/**
 * The operator's way in on the first run: when the gateway starts with no user at all, it makes a one-time setup token
 * (stored hashed), logs the setup link and writes it to {@code uip.gateway.setup-link-file}. There is no default
 * password, ever.
 */
@ApplicationScoped
public class FirstRun {

    private static final Logger LOG = Logger.getLogger(FirstRun.class);

    @Inject
    Pool pool;

    @Inject
    UserStore users;

    @Inject
    SetupTokens tokens;

    @Inject
    IdentityConfig config;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    void onStart(@Observes StartupEvent start) {
        if (users.any(pool).await().atMost(Duration.ofSeconds(30))) {
            forget();
            return;
        }
        String token = Secrets.random();
        tokens.replace(pool, Secrets.hash(token), config.setupTokenLifetime()).await().atMost(Duration.ofSeconds(30));
        String base = config.publicUrl().orElse("http://localhost:" + port).replaceAll("/+$", "");
        String link = base + "/setup?token=" + token;
        LOG.infof("First run: open %s to create the first admin and workspace (valid %d h, once)", link,
                config.setupTokenLifetime().toHours());
        config.setupLinkFile().ifPresent(file -> write(file, link));
    }

    /** Removes the written link once it can no longer be used (someone set up, or users exist). */
    public void forget() {
        config.setupLinkFile().ifPresent(file -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf("could not remove the used setup link %s: %s", file, e.getMessage());
            }
        });
    }

    private static void write(Path file, String link) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, link + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warnf("could not write the setup link to %s: %s", file, e.getMessage());
        }
    }
}
