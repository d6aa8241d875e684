package dev.uip.gateway.identity;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.Jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.uip.schemas.identity.ServiceTokens;

/**
 * Signs the service token the gateway passes with each call (see {@link ServiceTokens}) with the key at
 * {@code smallrye.jwt.sign.key.location}. An RSA signature costs about a millisecond, so a principal's token is
 * reused for half its lifetime: every token a service receives still has at least a minute to live.
 */
@ApplicationScoped
public class ServiceTokenSigner {

    private static final Duration REUSE = ServiceTokens.LIFETIME.dividedBy(2);

    private final Cache<Principal, String> recent = Caffeine.newBuilder()
            .expireAfterWrite(REUSE)
            .maximumSize(10_000)
            .build();

    /** Signs one token at start: without a usable signing key the gateway does not start (it could pass nothing on). */
    void checkKey(@Observes StartupEvent start) {
        try {
            sign(new Principal("startup-check", "gateway", "gateway", dev.uip.schemas.identity.Role.VIEWER, false));
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "cannot sign service tokens: set UIP_JWT_SIGNING_KEY to the PEM file of the "
                            + "gateway's private key (smallrye.jwt.sign.key.location)",
                    e);
        }
    }

    /** A service token for {@code principal}, valid for {@link ServiceTokens#LIFETIME}. */
    public String tokenFor(Principal principal) {
        return recent.get(principal, ServiceTokenSigner::sign);
    }

    private static String sign(Principal principal) {
        return Jwt.issuer(ServiceTokens.ISSUER)
                .audience(ServiceTokens.AUDIENCE)
                .subject(principal.actor())
                .claim(ServiceTokens.WORKSPACE_CLAIM, principal.workspace())
                .claim(ServiceTokens.ROLE_CLAIM, principal.role().roleName())
                .claim(ServiceTokens.ACTOR_NAME_CLAIM, principal.actorName())
                .groups(principal.role().groups())
                .expiresIn(ServiceTokens.LIFETIME)
                .sign();
    }
}
