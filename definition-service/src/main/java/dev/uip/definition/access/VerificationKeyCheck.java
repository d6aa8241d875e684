package dev.uip.definition.access;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.StartupEvent;

/**
 * Fails the start when the gateway's public key (UIP_JWT_PUBLIC_KEY, mp.jwt.verify.publickey.location) is missing or
 * unreadable, instead of answering every call with a 401 later.
 */
@Singleton
public class VerificationKeyCheck {

    static final String LOCATION = "mp.jwt.verify.publickey.location";

    void onStart(@Observes StartupEvent event) {
        Optional<String> location;
        try {
            location = ConfigProvider.getConfig().getOptionalValue(LOCATION, String.class);
        } catch (RuntimeException e) {
            // An unset ${UIP_JWT_PUBLIC_KEY} cannot be expanded.
            location = Optional.empty();
        }
        String value = location.map(String::strip).orElse("");
        if (value.isEmpty()) {
            throw new IllegalStateException(
                    "no public key to verify service tokens: set UIP_JWT_PUBLIC_KEY (" + LOCATION
                            + ") to the gateway's public key file");
        }
        boolean remote = value.startsWith("http:") || value.startsWith("https:") || value.startsWith("classpath:");
        if (!remote && !Files.isReadable(Path.of(value.startsWith("file:") ? value.substring(5) : value))) {
            throw new IllegalStateException("the public key to verify service tokens is not readable: " + value);
        }
    }
}
