package dev.uip.schemas.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * A secret key format: a fixed prefix naming the kind of key, 30 random base62 characters and a 6-character base62
 * CRC32 checksum, so a mistyped or truncated key is rejected without any lookup. Only the SHA-256 of a key is stored.
 */
public final class KeyFormat {

    /** Write keys: what SDKs send to the ingest edge. */
    public static final KeyFormat WRITE = new KeyFormat("uipw_");
    /** Management API credentials: what people and tools send to the management APIs. */
    public static final KeyFormat MANAGEMENT = new KeyFormat("uipm_");

    static final int RANDOM_LENGTH = 30;
    static final int CHECKSUM_LENGTH = 6;

    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String prefix;
    private final int length;

    private KeyFormat(String prefix) {
        this.prefix = prefix;
        this.length = prefix.length() + RANDOM_LENGTH + CHECKSUM_LENGTH;
    }

    public String prefix() {
        return prefix;
    }

    public int length() {
        return length;
    }

    /** A new random key. */
    public String generate() {
        StringBuilder key = new StringBuilder(length).append(prefix);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            key.append(BASE62[RANDOM.nextInt(BASE62.length)]);
        }
        return key.append(checksum(key)).toString();
    }

    /** Whether {@code key} has this format's prefix, length, alphabet and checksum. */
    public boolean isWellFormed(String key) {
        if (key == null || key.length() != length || !key.startsWith(prefix)) {
            return false;
        }
        for (int i = prefix.length(); i < length; i++) {
            char c = key.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        String body = key.substring(0, length - CHECKSUM_LENGTH);
        return checksum(body).equals(key.substring(length - CHECKSUM_LENGTH));
    }

    /** The first characters of a key, safe to show in lists so people can tell their keys apart. */
    public String displayPrefix(String key) {
        return key.substring(0, prefix.length() + 4) + "...";
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
