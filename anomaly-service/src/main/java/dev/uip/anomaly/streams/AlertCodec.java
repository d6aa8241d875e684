package dev.uip.anomaly.streams;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.jboss.logging.Logger;

import dev.uip.schemas.AnomalyAlert;
import dev.uip.schemas.serde.SpecificModels;

/**
 * Alerts in the alert store: a format byte, then the alert's Avro binary encoding with the schema compiled into this
 * service (no registry needed), read through {@link SpecificModels} so that whichever thread decodes gets the
 * application's class.
 */
public final class AlertCodec {

    private static final Logger LOG = Logger.getLogger(AlertCodec.class);
    private static final byte FORMAT = 1;
    private static final SpecificData MODEL = SpecificModels.forClass(AnomalyAlert.class);

    private AlertCodec() {
    }

    static byte[] encode(AnomalyAlert alert) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            bytes.write(FORMAT);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
            new SpecificDatumWriter<AnomalyAlert>(AnomalyAlert.getClassSchema(), MODEL).write(alert, encoder);
            encoder.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored alert, or null when the bytes are not one. */
    public static AnomalyAlert decodeOrNull(byte[] bytes) {
        if (bytes == null || bytes.length < 2 || bytes[0] != FORMAT) {
            return null;
        }
        try {
            return new SpecificDatumReader<AnomalyAlert>(AnomalyAlert.getClassSchema(), AnomalyAlert.getClassSchema(),
                    MODEL).read(null,
                            DecoderFactory.get().binaryDecoder(bytes, 1, bytes.length - 1, null));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Skipping an unreadable stored alert: %s", e.toString());
            return null;
        }
    }
}
