package dev.uip.schemas.keys;

/**
 * The write key format shared by the service that issues keys and the one that checks them ({@link KeyFormat#WRITE}):
 * {@code uipw_}, 30 random base62 characters and a 6-character CRC32 checksum. Only the SHA-256 of a key is stored.
 */
public final class WriteKeyFormat {

    public static final String PREFIX = KeyFormat.WRITE.prefix();
    static final int RANDOM_LENGTH = KeyFormat.RANDOM_LENGTH;
    static final int CHECKSUM_LENGTH = KeyFormat.CHECKSUM_LENGTH;
    public static final int LENGTH = KeyFormat.WRITE.length();

    private WriteKeyFormat() {
    }

    /** A new random key. */
    public static String generate() {
        return KeyFormat.WRITE.generate();
    }

    /** Whether {@code key} has the right prefix, length, alphabet and checksum. */
    public static boolean isWellFormed(String key) {
        return KeyFormat.WRITE.isWellFormed(key);
    }

    /** Lower-case hex SHA-256 of the key: what is stored and what keys are looked up by. */
    public static String hash(String key) {
        return KeyFormat.hash(key);
    }

    /** The first characters of a key, safe to show in lists so people can tell their keys apart. */
    public static String displayPrefix(String key) {
        return KeyFormat.WRITE.displayPrefix(key);
    }
}
