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
 * The counts of one series in one time bucket (a minute, an hour or a day): events that passed validation, events
 * quarantined, and the passed events broken down by each {@link Dimension} (values beyond the series' tracked top
 * values count as {@link Dimension#OTHER}, so a bucket holds a bounded number of values).
 */
public final class Bucket {

    private static final byte FORMAT = 1;

    private long count;
    private long quarantined;
    private final Map<Dimension, Map<String, Long>> breakdown = new EnumMap<>(Dimension.class);

    public long count() {
        return count;
    }

    public long quarantined() {
        return quarantined;
    }

    /** The counts by value of one dimension (empty when no event named a value). */
    public Map<String, Long> breakdown(Dimension dimension) {
        return breakdown.getOrDefault(dimension, Map.of());
    }

    /** Counts one event; {@code values} holds the already bounded value per dimension (absent: not given). */
    public void add(boolean wasQuarantined, Map<Dimension, String> values) {
        if (wasQuarantined) {
            quarantined++;
            return;
        }
        count++;
        for (Map.Entry<Dimension, String> value : values.entrySet()) {
            breakdown.computeIfAbsent(value.getKey(), d -> new LinkedHashMap<>()).merge(value.getValue(), 1L,
                    Long::sum);
        }
    }

    /** Adds another bucket's counts (for coarser granularities). */
    public void addAll(Bucket other) {
        count += other.count;
        quarantined += other.quarantined;
        other.breakdown.forEach((dimension, values) -> values.forEach((value, n) -> breakdown
                .computeIfAbsent(dimension, d -> new LinkedHashMap<>()).merge(value, n, Long::sum)));
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeLong(count);
            out.writeLong(quarantined);
            out.writeByte(breakdown.size());
            for (Map.Entry<Dimension, Map<String, Long>> dimension : breakdown.entrySet()) {
                out.writeByte(dimension.getKey().ordinal());
                out.writeShort(dimension.getValue().size());
                for (Map.Entry<String, Long> value : dimension.getValue().entrySet()) {
                    out.writeUTF(value.getKey());
                    out.writeLong(value.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads {@link #encode()}'s form; null or unreadable bytes give an empty bucket. */
    public static Bucket decode(byte[] data) {
        Bucket bucket = new Bucket();
        if (data == null) {
            return bucket;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readByte() != FORMAT) {
                return bucket;
            }
            bucket.count = in.readLong();
            bucket.quarantined = in.readLong();
            int dimensions = in.readByte();
            for (int i = 0; i < dimensions; i++) {
                Dimension dimension = Dimension.values()[in.readByte()];
                int n = in.readShort();
                Map<String, Long> values = new LinkedHashMap<>();
                for (int j = 0; j < n; j++) {
                    values.put(in.readUTF(), in.readLong());
                }
                bucket.breakdown.put(dimension, values);
            }
        } catch (IOException | RuntimeException e) {
            return new Bucket();
        }
        return bucket;
    }
}
