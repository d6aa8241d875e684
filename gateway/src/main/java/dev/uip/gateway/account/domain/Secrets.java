package dev.uip.gateway.account.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import dev.uip.schemas.keys.KeyFormat;

/** Random opaque secrets (session ids, CSRF, invitation and setup tokens), their stored hashes and their comparison. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The longest secret worth hashing: anything longer is no secret we issued. */
    public static final int MAX_LENGTH = 200;

    private Secrets() {
    }

    /** 256 random bits, base64url without padding (43 characters). */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What is stored of a secret: its SHA-256, in hex. */
    public static String hash(String secret) {
        return KeyFormat.hash(secret);
    }

    /** Whether a secret someone sent could be one we issued (present, of sane length). */
    public static boolean plausible(String secret) {
        return secret != null && !secret.isEmpty() && secret.length() <= MAX_LENGTH;
    }

    /** Compares in time that does not depend on where the texts differ. */
    public static boolean same(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
