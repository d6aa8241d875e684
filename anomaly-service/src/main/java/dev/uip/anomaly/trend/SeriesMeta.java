package dev.uip.anomaly.trend;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the trend topology keeps about one series besides its buckets: when it was first and last seen, up to which
 * bucket it has been judged, how many events arrived after their bucket was judged or too late for any bucket, the
 * tracked top values per dimension, and its open alerts by rule. Small, because it is rewritten on every event.
 */
public final class SeriesMeta {

    private static final byte FORMAT = 1;

    /** An open alert of one rule. */
    public record OpenAlert(String alertId, long openedAt, String severity, String kind, String detector,
            String direction) {
    }

    public long firstSeen = Long.MAX_VALUE;
    public long lastEvent = Long.MIN_VALUE;
    /** Start of the last judged bucket (epoch millis); {@code Long.MIN_VALUE} before the first judgement. */
    public long lastJudged = Long.MIN_VALUE;
    /** Events counted in a bucket that had already been judged. */
    public long late;
    /** Events too old for any bucket that is still kept: not in any count. */
    public long tooLate;
    /** When (wall clock, epoch millis) the series' last event was processed. */
    public long lastArrival = Long.MIN_VALUE;
    /** When the last quarantined event of the series happened (epoch millis). */
    public long lastQuarantined = Long.MIN_VALUE;
    /** Last time the top values decayed (epoch millis). */
    public long lastDecay;
    public final Map<Dimension, TopValues> topValues = new EnumMap<>(Dimension.class);
    public final Map<String, OpenAlert> openAlerts = new LinkedHashMap<>();

    public TopValues topValues(Dimension dimension) {
        return topValues.computeIfAbsent(dimension, d -> new TopValues());
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeLong(firstSeen);
            out.writeLong(lastEvent);
            out.writeLong(lastJudged);
            out.writeLong(late);
            out.writeLong(tooLate);
            out.writeLong(lastArrival);
            out.writeLong(lastQuarantined);
            out.writeLong(lastDecay);
            out.writeByte(topValues.size());
            for (Map.Entry<Dimension, TopValues> dimension : topValues.entrySet()) {
                out.writeByte(dimension.getKey().ordinal());
                Map<String, Float> weights = dimension.getValue().weights();
                out.writeShort(weights.size());
                for (Map.Entry<String, Float> weight : weights.entrySet()) {
                    out.writeUTF(weight.getKey());
                    out.writeFloat(weight.getValue());
                }
            }
            out.writeShort(openAlerts.size());
            for (Map.Entry<String, OpenAlert> open : openAlerts.entrySet()) {
                out.writeUTF(open.getKey());
                OpenAlert alert = open.getValue();
                out.writeUTF(alert.alertId());
                out.writeLong(alert.openedAt());
                out.writeUTF(alert.severity());
                out.writeUTF(alert.kind());
                out.writeUTF(alert.detector());
                out.writeUTF(alert.direction());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads {@link #encode()}'s form; null gives a new series, unreadable bytes throw IllegalArgumentException. */
    public static SeriesMeta decode(byte[] data) {
        SeriesMeta meta = new SeriesMeta();
        if (data == null) {
            return meta;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readByte() != FORMAT) {
                throw new IllegalArgumentException("unknown series format");
            }
            meta.firstSeen = in.readLong();
            meta.lastEvent = in.readLong();
            meta.lastJudged = in.readLong();
            meta.late = in.readLong();
            meta.tooLate = in.readLong();
            meta.lastArrival = in.readLong();
            meta.lastQuarantined = in.readLong();
            meta.lastDecay = in.readLong();
            int dimensions = in.readByte();
            for (int i = 0; i < dimensions; i++) {
                Dimension dimension = Dimension.values()[in.readByte()];
                int n = in.readShort();
                Map<String, Float> weights = new LinkedHashMap<>();
                for (int j = 0; j < n; j++) {
                    weights.put(in.readUTF(), in.readFloat());
                }
                meta.topValues.put(dimension, new TopValues(weights));
            }
            int open = in.readShort();
            for (int i = 0; i < open; i++) {
                String rule = in.readUTF();
                meta.openAlerts.put(rule, new OpenAlert(in.readUTF(), in.readLong(), in.readUTF(), in.readUTF(),
                        in.readUTF(), in.readUTF()));
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable series state: " + e.getMessage(), e);
        }
        return meta;
    }
}
