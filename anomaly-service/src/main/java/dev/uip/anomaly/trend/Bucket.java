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
 * The counts of one series in one time bucket (a minute, an hour or a day): events that passed validation (and of
 * those, how many were warned, unplanned, derived or released), events quarantined (in all and by reason), copies
 * dropped as duplicates, and the passed events broken down by each {@link Dimension} (values beyond the series'
 * tracked top values count as {@link Dimension#OTHER}, so a bucket holds a bounded number of values).
 */
public final class Bucket {

    private static final byte FORMAT_1 = 1;
    private static final byte FORMAT = 2;
    /** Most distinct quarantine reasons kept apart in one bucket; further ones count under {@link #OTHER_REASON}. */
    static final int MAX_REASONS = 16;
    static final String OTHER_REASON = "OTHER";

    private long count;
    private long quarantined;
    private long warned;
    private long unplanned;
    private long derived;
    private long released;
    private long duplicates;
    private final Map<String, Long> quarantinedBy = new LinkedHashMap<>();
    private final Map<Dimension, Map<String, Long>> breakdown = new EnumMap<>(Dimension.class);

    public long count() {
        return count;
    }

    public long quarantined() {
        return quarantined;
    }

    /** Passed events accepted although they violate their schema (observe or warn mode). */
    public long warned() {
        return warned;
    }

    /** Passed events with no definition, accepted by the workspace's policy. */
    public long unplanned() {
        return unplanned;
    }

    /** Passed events emitted by a virtual event's rule. */
    public long derived() {
        return derived;
    }

    /** Passed events that were quarantined first and released after a fix. */
    public long released() {
        return released;
    }

    /** Copies of messages already seen, dropped by validation (not counted anywhere else). */
    public long duplicates() {
        return duplicates;
    }

    /** Quarantined events by reason. */
    public Map<String, Long> quarantinedByReason() {
        return quarantinedBy;
    }

    /** The counts by value of one dimension (empty when no event named a value). */
    public Map<String, Long> breakdown(Dimension dimension) {
        return breakdown.getOrDefault(dimension, Map.of());
    }

    /** Counts one event; {@code values} holds the already bounded value per dimension (absent: not given). */
    public void add(Hit hit, Map<Dimension, String> values) {
        if (hit.marked(Hit.DUPLICATE)) {
            duplicates++;
            return;
        }
        if (hit.quarantined()) {
            String reason = hit.reason() == null ? OTHER_REASON : hit.reason();
            quarantinedBy.merge(quarantinedBy.containsKey(reason) || quarantinedBy.size() < MAX_REASONS
                    ? reason
                    : OTHER_REASON, 1L, Long::sum);
        } else {
            warned += hit.marked(Hit.WARNED) ? 1 : 0;
            unplanned += hit.marked(Hit.UNPLANNED) ? 1 : 0;
            derived += hit.marked(Hit.DERIVED) ? 1 : 0;
            released += hit.marked(Hit.RELEASED) ? 1 : 0;
        }
        add(hit.quarantined(), values);
    }

    /** Counts one event with no marks; {@code values} holds the already bounded value per dimension. */
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
        warned += other.warned;
        unplanned += other.unplanned;
        derived += other.derived;
        released += other.released;
        duplicates += other.duplicates;
        other.quarantinedBy.forEach((reason, n) -> quarantinedBy.merge(quarantinedBy.containsKey(reason)
                || quarantinedBy.size() < MAX_REASONS ? reason : OTHER_REASON, n, Long::sum));
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
            for (long n : new long[]{warned, unplanned, derived, released, duplicates}) {
                out.writeLong(n);
            }
            out.writeByte(quarantinedBy.size());
            for (Map.Entry<String, Long> reason : quarantinedBy.entrySet()) {
                out.writeUTF(reason.getKey());
                out.writeLong(reason.getValue());
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
            byte format = in.readByte();
            if (format != FORMAT && format != FORMAT_1) {
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
            if (format == FORMAT) {
                bucket.warned = in.readLong();
                bucket.unplanned = in.readLong();
                bucket.derived = in.readLong();
                bucket.released = in.readLong();
                bucket.duplicates = in.readLong();
                int reasons = in.readByte();
                for (int i = 0; i < reasons; i++) {
                    bucket.quarantinedBy.put(in.readUTF(), in.readLong());
                }
            }
        } catch (IOException | RuntimeException e) {
            return new Bucket();
        }
        return bucket;
    }
}
