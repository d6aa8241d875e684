package dev.uip.gateway.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import dev.uip.schemas.identity.ServiceTokens;
import dev.uip.stack.TestTokens;

/** Verifies a service token as a service does: signature by the test key pair, issuer, audience, expiry. */
public final class ServiceTokenCheck {

    private ServiceTokenCheck() {
    }

    /** The claims of {@code token}; fails when it would not be accepted. */
    public static JwtClaims verify(String token) {
        try {
            return new JwtConsumerBuilder()
                    .setVerificationKey(publicKey())
                    .setExpectedIssuer(ServiceTokens.ISSUER)
                    .setExpectedAudience(ServiceTokens.AUDIENCE)
                    .setRequireExpirationTime()
                    .setRequireSubject()
                    .build()
                    .processToClaims(token);
        } catch (InvalidJwtException e) {
            throw new AssertionError("the service token is not valid: " + e.getMessage(), e);
        }
    }

    private static PublicKey publicKey() {
        try {
            String pem = Files.readString(Path.of(TestTokens.publicKeyLocation()));
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                    .decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
