package dev.uip.anomaly.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import dev.uip.schemas.AnomalyAlert;

/** Alerts in the alert store: Avro single-object encoding (schema fingerprint + binary), no registry needed. */
public final class AlertCodec {

    private AlertCodec() {
    }

    static byte[] encode(AnomalyAlert alert) {
        try {
            ByteBuffer buffer = alert.toByteBuffer();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored alert, or null when the bytes are not one. */
    public static AnomalyAlert decodeOrNull(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return AnomalyAlert.fromByteBuffer(ByteBuffer.wrap(bytes));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
