package dev.uip.schemas.identity;

import java.time.Duration;

/**
 * The contract of the short-lived tokens the gateway signs for each call it passes to a service: a JWT (RS256)
 * issued by {@link #ISSUER} for {@link #AUDIENCE}, whose subject is the actor (a user or an API token), whose
 * {@link #WORKSPACE_CLAIM} names the workspace and whose groups are the names of the caller's role and the roles it
 * includes ({@link Role#groups()}). Services verify it with the gateway's public key and take workspace, actor and
 * role from it and from nothing else.
 */
public final class ServiceTokens {

    /** The {@code iss} of every service token. */
    public static final String ISSUER = "uip-gateway";
    /** The {@code aud} of every service token. */
    public static final String AUDIENCE = "uip-services";
    /** The claim naming the workspace the call acts in. */
    public static final String WORKSPACE_CLAIM = "ws";
    /** The claim naming the caller's role (its groups list the roles it includes too). */
    public static final String ROLE_CLAIM = "role";
    /** The claim with a name to show for the actor (a user's email, a token's name). */
    public static final String ACTOR_NAME_CLAIM = "name";
    /** How long a service token is valid: long enough for one call, short enough that revocation bites soon. */
    public static final Duration LIFETIME = Duration.ofMinutes(2);
    /** Prefix of a user's subject. */
    public static final String USER_PREFIX = "user:";
    /** Prefix of an API token's subject. */
    public static final String TOKEN_PREFIX = "token:";

    private ServiceTokens() {
    }
}
