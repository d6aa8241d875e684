package dev.uip.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain's arithmetic: the canonical form of an entry and {@code hash = SHA-256(previous hash + canonical
 * entry)}.
 *
 * <p>
 * The canonical form is one JSON object without any whitespace whose members are, in this (lexicographic) order:
 * {@code action, actor, after, before, changeId, entityId, entityType, occurredAt, sequence, version, workspace}.
 * {@code occurredAt} is epoch milliseconds, {@code sequence} and {@code version} are plain integers, {@code after} and
 * {@code before} are the entity's JSON text as a JSON string (or {@code null}). Strings are escaped as JSON with
 * {@code \"}, {@code \\} and {@code \\u00xx} (lowercase hex) for the characters below U+0020, nothing else. The hash
 * is the lowercase hex SHA-256 of the UTF-8 bytes of the previous entry's hash (64 zeros for the first entry of a
 * workspace) followed by the canonical form.
 */
public final class ChainHash {

    /** The "previous hash" of a workspace's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private ChainHash() {
    }

    /** The hash of {@code content} chained after {@code previousHash}. */
    public static String next(String previousHash, ChainedContent content) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previousHash.getBytes(StandardCharsets.UTF_8));
            sha256.update(canonical(content).getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The canonical form of {@code content} (see the class comment). */
    public static String canonical(ChainedContent content) {
        StringBuilder out = new StringBuilder(256);
        out.append('{');
        string(out, "action", content.action()).append(',');
        string(out, "actor", content.actor()).append(',');
        string(out, "after", content.after()).append(',');
        string(out, "before", content.before()).append(',');
        string(out, "changeId", content.changeId()).append(',');
        string(out, "entityId", content.entityId()).append(',');
        string(out, "entityType", content.entityType()).append(',');
        out.append("\"occurredAt\":").append(content.occurredAt().toEpochMilli()).append(',');
        out.append("\"sequence\":").append(content.sequence()).append(',');
        out.append("\"version\":").append(content.version()).append(',');
        string(out, "workspace", content.workspace());
        return out.append('}').toString();
    }

    private static StringBuilder string(StringBuilder out, String name, String value) {
        out.append('"').append(name).append("\":");
        if (value == null) {
            return out.append("null");
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                out.append(c);
            }
        }
        return out.append('"');
    }
}
