package dev.uip.schemas.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * The write key format shared by the service that issues keys and the one that checks them: a fixed prefix, 30 random
 * base62 characters and a 6-character base62 CRC32 checksum, so a mistyped or truncated key is rejected without any
 * lookup. Only the SHA-256 of a key is ever stored.
 */
public final class WriteKeyFormat {

    public static final String PREFIX = "uipw_";
    static final int RANDOM_LENGTH = 30;
    static final int CHECKSUM_LENGTH = 6;
    public static final int LENGTH = PREFIX.length() + RANDOM_LENGTH + CHECKSUM_LENGTH;

    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private WriteKeyFormat() {
    }

    /** A new random key. */
    public static String generate() {
        StringBuilder key = new StringBuilder(LENGTH).append(PREFIX);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            key.append(BASE62[RANDOM.nextInt(BASE62.length)]);
        }
        return key.append(checksum(key)).toString();
    }

    /** Whether {@code key} has the right prefix, length, alphabet and checksum. */
    public static boolean isWellFormed(String key) {
        if (key == null || key.length() != LENGTH || !key.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            char c = key.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        String body = key.substring(0, LENGTH - CHECKSUM_LENGTH);
        return checksum(body).equals(key.substring(LENGTH - CHECKSUM_LENGTH));
    }

    /** Lower-case hex SHA-256 of the key: what is stored and what keys are looked up by. */
    public static String hash(String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The first characters of a key, safe to show in lists so people can tell their keys apart. */
    public static String displayPrefix(String key) {
        return key.substring(0, PREFIX.length() + 4) + "...";
    }

    private static String checksum(CharSequence body) {
        CRC32 crc = new CRC32();
        crc.update(body.toString().getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] out = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            out[i] = BASE62[(int) (value % 62)];
            value /= 62;
        }
        return new String(out);
    }
}
