package dev.uip.anomaly.streams;

import java.nio.ByteBuffer;

/**
 * One sample of a workspace's critical gap rate: how many active key events it has and how many of them were in a
 * critical situation (an open high or critical alert, or failing validation).
 */
public record GapRate(int keyEvents, int critical) {

    /** The share of key events in a critical situation (0 when there are none). */
    public double rate() {
        return keyEvents == 0 ? 0 : (double) critical / keyEvents;
    }

    static byte[] encode(int keyEvents, int critical) {
        return ByteBuffer.allocate(8).putInt(keyEvents).putInt(critical).array();
    }

    /** Reads {@link #encode}'s form; null for anything else. */
    public static GapRate decode(byte[] bytes) {
        if (bytes == null || bytes.length != 8) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new GapRate(buffer.getInt(), buffer.getInt());
    }
}
