package dev.uip.anomaly.trend;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import dev.uip.schemas.MessageType;

/**
 * One event as the trend topology counts it: its series, when it happened, whether it was quarantined, and its
 * breakdown dimensions. Carried between sub-topologies in a small binary form that needs no registry schema.
 *
 * @param series the series it counts in
 * @param eventTime when it happened (epoch millis, already bounded by its receipt)
 * @param quarantined whether validation quarantined it
 * @param appVersion {@link Dimension#APP_VERSION}, or null
 * @param platform {@link Dimension#PLATFORM}, or null
 * @param library {@link Dimension#LIBRARY}, or null
 */
public record Hit(SeriesId series, long eventTime, boolean quarantined, String appVersion, String platform,
        String library) {

    private static final byte FORMAT = 1;

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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads {@link #encode()}'s form; throws IllegalArgumentException for anything else. */
    public static Hit decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readByte() != FORMAT) {
                throw new IllegalArgumentException("unknown hit format");
            }
            String workspace = in.readUTF();
            MessageType type = MessageType.values()[in.readByte()];
            String name = in.readUTF();
            return new Hit(new SeriesId(workspace, type, name), in.readLong(), in.readBoolean(), readNullable(in),
                    readNullable(in), readNullable(in));
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
