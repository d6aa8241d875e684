package dev.uip.anomaly.trend;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import dev.uip.schemas.MessageType;

/**
 * One event as the trend topology counts it: its series, when it happened, what validation made of it, and its
 * breakdown dimensions. Carried between sub-topologies in a small binary form that needs no registry schema.
 *
 * @param series the series it counts in
 * @param eventTime when it happened (epoch millis, already bounded by its receipt)
 * @param quarantined whether validation quarantined it
 * @param appVersion {@link Dimension#APP_VERSION}, or null
 * @param platform {@link Dimension#PLATFORM}, or null
 * @param library {@link Dimension#LIBRARY}, or null
 * @param marks what else is notable ({@link #WARNED}, {@link #UNPLANNED}, {@link #DERIVED}, {@link #RELEASED},
 *        {@link #DUPLICATE}), or-ed
 * @param reason the quarantine reason of a quarantined event, else null
 */
public record Hit(SeriesId series, long eventTime, boolean quarantined, String appVersion, String platform,
        String library, int marks, String reason) {

    /** Accepted although it violates its schema (observe or warn mode). */
    public static final int WARNED = 1;
    /** Accepted with no definition, by the workspace's policy. */
    public static final int UNPLANNED = 2;
    /** Emitted by a virtual event's rule. */
    public static final int DERIVED = 4;
    /** Quarantined first, released after a fix. */
    public static final int RELEASED = 8;
    /** A copy of a message already seen (an SDK's retry), dropped by validation: it counts only as a duplicate. */
    public static final int DUPLICATE = 16;

    private static final byte FORMAT_1 = 1;
    private static final byte FORMAT = 2;

    public Hit(SeriesId series, long eventTime, boolean quarantined, String appVersion, String platform,
            String library) {
        this(series, eventTime, quarantined, appVersion, platform, library, 0, null);
    }

    public boolean marked(int mark) {
        return (marks & mark) != 0;
    }

    public String value(Dimension dimension) {
        return switch (dimension) {
            case APP_VERSION -> appVersion;
            case PLATFORM -> platform;
            case LIBRARY -> library;
        };
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + series.name().length());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(series.workspaceId());
            out.writeByte(series.type().ordinal());
            out.writeUTF(series.name());
            out.writeLong(eventTime);
            out.writeBoolean(quarantined);
            writeNullable(out, appVersion);
            writeNullable(out, platform);
            writeNullable(out, library);
            out.writeInt(marks);
            writeNullable(out, reason);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads {@link #encode()}'s form; throws IllegalArgumentException for anything else. */
    public static Hit decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte format = in.readByte();
            if (format != FORMAT && format != FORMAT_1) {
                throw new IllegalArgumentException("unknown hit format");
            }
            String workspace = in.readUTF();
            MessageType type = MessageType.values()[in.readByte()];
            String name = in.readUTF();
            SeriesId series = new SeriesId(workspace, type, name);
            long time = in.readLong();
            boolean quarantined = in.readBoolean();
            String appVersion = readNullable(in);
            String platform = readNullable(in);
            String library = readNullable(in);
            // a hit written before the marks existed (still on the repartition topic after an upgrade)
            return format == FORMAT_1
                    ? new Hit(series, time, quarantined, appVersion, platform, library)
                    : new Hit(series, time, quarantined, appVersion, platform, library, in.readInt(),
                            readNullable(in));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable hit: " + e.getMessage(), e);
        }
    }

    static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
