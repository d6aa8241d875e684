package dev.uip.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Service tokens for tests, signed as the gateway signs them (RS256, issuer {@code uip-gateway}, audience
 * {@code uip-services}, claims {@code ws}, {@code role}, {@code groups}) with a key pair made once per JVM.
 * {@link RealStackResource} points every {@code @QuarkusTest} at its public key (and the gateway's tests at its private
 * key), so a test calls a service exactly as the gateway would: {@code .header("Authorization",
 * TestTokens.bearer("acme", "editor"))}.
 */
public final class TestTokens {

    private static final String ISSUER = "uip-gateway";
    private static final String AUDIENCE = "uip-services";
    private static final List<String> ROLES = List.of("viewer", "editor", "admin");
    private static final KeyPair PAIR;
    private static final KeyPair STRANGER;
    private static final Path DIR;

    static {
        try {
            PAIR = SigningKeys.newPair();
            STRANGER = SigningKeys.newPair();
            DIR = Files.createTempDirectory("uip-test-keys");
            Files.writeString(DIR.resolve(SigningKeys.PUBLIC_PEM),
                    SigningKeys.pem("PUBLIC KEY", PAIR.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(DIR.resolve(SigningKeys.PRIVATE_PEM),
                    SigningKeys.pem("PRIVATE KEY", PAIR.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no RSA key pair for test tokens", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestTokens() {
    }

    /** File of the public key services verify with ({@code mp.jwt.verify.publickey.location}). */
    public static String publicKeyLocation() {
        return DIR.resolve(SigningKeys.PUBLIC_PEM).toString();
    }

    /** File of the private key the gateway signs with ({@code smallrye.jwt.sign.key.location}). */
    public static String privateKeyLocation() {
        return DIR.resolve(SigningKeys.PRIVATE_PEM).toString();
    }

    /** {@code Bearer <token>} for a user with {@code role} ("viewer", "editor", "admin") in {@code workspace}. */
    public static String bearer(String workspace, String role) {
        return "Bearer " + token(workspace, role, "user:test-" + role + "-" + workspace, Duration.ofMinutes(5));
    }

    /** A token for {@code actor} with {@code role} in {@code workspace}, valid for {@code lifetime} (negative: expired). */
    public static String token(String workspace, String role, String actor, Duration lifetime) {
        return sign(claims(workspace, role, actor, lifetime), PAIR.getPrivate());
    }

    /** A well-formed token signed with a key no service trusts. */
    public static String forged(String workspace, String role) {
        return sign(claims(workspace, role, "user:forger", Duration.ofMinutes(5)), STRANGER.getPrivate());
    }

    private static JwtClaims claims(String workspace, String role, String actor, Duration lifetime) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(actor);
        claims.setJwtId(UUID.randomUUID().toString());
        long now = System.currentTimeMillis() / 1000;
        claims.setClaim("iat", now - (lifetime.isNegative() ? 600 : 0));
        claims.setClaim("exp", now + lifetime.toSeconds());
        claims.setClaim("ws", workspace);
        claims.setClaim("role", role);
        claims.setClaim("name", actor);
        int rank = ROLES.indexOf(role);
        List<String> groups = new ArrayList<>(rank < 0 ? List.of(role) : ROLES.subList(0, rank + 1));
        claims.setStringListClaim("groups", groups);
        return claims;
    }

    private static String sign(JwtClaims claims, PrivateKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("could not sign a test token", e);
        }
    }
}
