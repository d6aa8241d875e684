package dev.uip.anomaly.detection;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches one event series with its rules: fed every closed bucket in time order (zeros included), it sums the
 * buckets into each rule's tumbling window, runs one shared drop/spike detector ensemble per window length, and
 * reports the rule alerts that open or resolve. Empty windows are the STOPPED rule's where there is one: a DROP
 * does not open on them, and those of an open stop stay out of the recent level that drops and spikes are judged
 * against. Its state is a compact snapshot that survives rule changes.
 */
public final class SeriesMonitor {

    /** Widest bucket accepted (one day). */
    public static final long MAX_BUCKET_SECONDS = 86_400;
    /** Most rules per series. */
    public static final int MAX_RULES = 64;
    /** Snapshot format; 2: rarity histories per direction, written sparsely (older snapshots start afresh). */
    private static final int VERSION = 2;

    private final long bucketSeconds;
    private final Map<Integer, WindowSum> windows = new LinkedHashMap<>();
    private final Map<Integer, ChangeEnsemble> ensembles = new LinkedHashMap<>();
    private final Map<String, RuleWatch> watches = new LinkedHashMap<>();
    /** The STOPPED rule watching each window length, if any. */
    private final Map<Integer, StoppedWatch> stops = new HashMap<>();
    private long lastBucket = Long.MIN_VALUE;

    private final WatcherSettings settings;
    private final Map<String, byte[]> restored;

    private SeriesMonitor(long bucketSeconds, List<RuleConfig> rules, WatcherSettings settings,
            Map<String, byte[]> restored) {
        if (bucketSeconds < 1 || bucketSeconds > MAX_BUCKET_SECONDS) {
            throw new IllegalArgumentException("bucketSeconds must be 1.." + MAX_BUCKET_SECONDS);
        }
        if (rules.size() > MAX_RULES) {
            throw new IllegalArgumentException("at most " + MAX_RULES + " rules per series");
        }
        this.bucketSeconds = bucketSeconds;
        this.settings = settings;
        this.restored = restored;
        Long last = readSection("m", in -> in.readLong());
        lastBucket = last == null ? Long.MIN_VALUE : last;
        for (RuleConfig rule : rules) {
            if (watches.containsKey(rule.key())) {
                throw new IllegalArgumentException("duplicate rule key: " + rule.key());
            }
            if (rule.enabled()) {
                RuleWatch watch = watch(rule);
                if (readSection("r:" + rule.key(), in -> {
                    watch.read(in);
                    return watch;
                }) == null) {
                    watches.put(rule.key(), watch(rule)); // a half-read state is not kept
                } else {
                    watches.put(rule.key(), watch);
                }
            }
        }
        for (RuleWatch watch : watches.values()) {
            if (watch instanceof StoppedWatch stopped) {
                stopped.useSeason(ensembles.get(watch.window.buckets));
                stops.put(watch.window.buckets, stopped);
                for (RuleWatch other : watches.values()) {
                    if (other instanceof ChangeWatch change && other.window == watch.window) {
                        change.leaveEmptyWindowsTo(stopped);
                    }
                }
            }
        }
    }

    /** A fresh monitor with the default detector settings. */
    public static SeriesMonitor create(long bucketSeconds, List<RuleConfig> rules) {
        return create(bucketSeconds, rules, WatcherSettings.defaults());
    }

    /** A fresh monitor with the given detector settings (for experiments; production uses the defaults). */
    public static SeriesMonitor create(long bucketSeconds, List<RuleConfig> rules, WatcherSettings settings) {
        return new SeriesMonitor(bucketSeconds, List.copyOf(rules), settings, Map.of());
    }

    /** The three default rules of a key event: STOPPED, DROP and SPIKE with keys {@code prefix + kind}. */
    public static List<RuleConfig> defaultRules(String prefix) {
        return List.of(RuleConfig.defaultStopped(prefix + "STOPPED"), RuleConfig.defaultDrop(prefix + "DROP"),
                RuleConfig.defaultSpike(prefix + "SPIKE"));
    }

    /**
     * A monitor continuing from {@code snapshot}: state of rules still present (by key) is kept, new rules start
     * fresh, removed ones are dropped; a snapshot that cannot be read (corrupt, older format, other bucket width)
     * gives a fresh monitor. Never throws for the snapshot's sake.
     */
    public static SeriesMonitor restore(long bucketSeconds, List<RuleConfig> rules, byte[] snapshot) {
        return new SeriesMonitor(bucketSeconds, List.copyOf(rules), WatcherSettings.defaults(),
                sections(bucketSeconds, snapshot));
    }

    /**
     * Feeds the closed bucket starting at {@code bucketStartEpochSecond}; a bucket not later than the last one fed
     * is ignored. Returns the alerts that opened or resolved at it.
     */
    public List<RuleAlert> observe(long bucketStartEpochSecond, double count) {
        if (bucketStartEpochSecond <= lastBucket || !Double.isFinite(count)) {
            return List.of();
        }
        lastBucket = bucketStartEpochSecond;
        for (WindowSum window : windows.values()) {
            window.add(bucketStartEpochSecond, bucketSeconds, count);
        }
        ensembles.forEach((n, ensemble) -> {
            WindowSum window = windows.get(n);
            if (window.closed()) {
                StoppedWatch stop = stops.get(n);
                // the empty windows of a stop are not the event's recent level: learned as such, they would make
                // its resumption a spike
                boolean stopped = stop != null && stop.open() && window.total() == 0;
                ensemble.observe(window.start(), window.total(), !stopped);
            }
        });
        List<RuleAlert> alerts = new ArrayList<>(0);
        for (RuleWatch watch : watches.values()) {
            watch.observe(bucketStartEpochSecond, alerts);
        }
        return alerts;
    }

    /** Whether the rule with this key has an open alert (false for unknown or disabled rules). */
    public boolean open(String ruleKey) {
        RuleWatch watch = watches.get(ruleKey);
        return watch != null && watch.open();
    }

    /** Whether any rule has an open alert. */
    public boolean anyOpen() {
        return watches.values().stream().anyMatch(RuleWatch::open);
    }

    /** The monitor's state: a version byte, the bucket width, then one keyed section per component. */
    public byte[] snapshot() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            out.writeLong(bucketSeconds);
            out.writeShort(1 + windows.size() + ensembles.size() + watches.size());
            section(out, "m", s -> s.writeLong(lastBucket));
            for (Map.Entry<Integer, WindowSum> e : windows.entrySet()) {
                section(out, "w:" + e.getKey(), e.getValue()::write);
            }
            for (Map.Entry<Integer, ChangeEnsemble> e : ensembles.entrySet()) {
                section(out, "e:" + e.getKey(), e.getValue()::write);
            }
            for (Map.Entry<String, RuleWatch> e : watches.entrySet()) {
                section(out, "r:" + e.getKey(), e.getValue()::write);
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
    }

    /** Size of {@link #snapshot()} in bytes. */
    public int stateBytes() {
        return snapshot().length;
    }

    private RuleWatch watch(RuleConfig rule) {
        int buckets = (int) Math.max(1, Math.round(rule.windowMinutes() * 60.0 / bucketSeconds));
        WindowSum window = windows.computeIfAbsent(buckets, this::window);
        return switch (rule.kind()) {
            case STOPPED -> new StoppedWatch(rule, window, settings);
            case DROP, SPIKE -> new ChangeWatch(rule, window, ensembles.computeIfAbsent(buckets, this::ensemble),
                    settings);
            case ABOVE, BELOW -> new ThresholdWatch(rule, window);
            case PERCENT_CHANGE -> new PercentChangeWatch(rule, window);
        };
    }

    /** The window sum of that many buckets, restored when the snapshot has it. */
    private WindowSum window(int buckets) {
        WindowSum window = new WindowSum(buckets, bucketSeconds);
        WindowSum read = readSection("w:" + buckets, in -> {
            window.read(in);
            return window;
        });
        return read != null ? read : new WindowSum(buckets, bucketSeconds);
    }

    /** The ensemble over windows of that many buckets, restored when the snapshot has it. */
    private ChangeEnsemble ensemble(int buckets) {
        long seconds = buckets * bucketSeconds;
        ChangeEnsemble ensemble = new ChangeEnsemble(seconds, settings);
        ChangeEnsemble read = readSection("e:" + buckets, in -> {
            ensemble.read(in);
            return ensemble;
        });
        return read != null ? read : new ChangeEnsemble(seconds, settings);
    }

    private interface Writer {

        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {

        T read(DataInputStream in) throws IOException;
    }

    private static void section(DataOutputStream out, String key, Writer writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream section = new DataOutputStream(bytes);
        writer.write(section);
        section.flush();
        out.writeUTF(key);
        out.writeInt(bytes.size());
        bytes.writeTo(out);
    }

    /** Reads one restored section completely, or returns null when it is missing or unreadable. */
    private <T> T readSection(String key, Reader<T> reader) {
        byte[] section = restored.get(key);
        if (section == null) {
            return null;
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(section));
            T value = reader.read(in);
            return in.available() == 0 ? value : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The snapshot's sections by key, or none when its header does not match. */
    private static Map<String, byte[]> sections(long bucketSeconds, byte[] snapshot) {
        Map<String, byte[]> sections = new HashMap<>();
        if (snapshot == null || snapshot.length < 11) {
            return sections;
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot));
            if (in.readUnsignedByte() != VERSION || in.readLong() != bucketSeconds) {
                return sections;
            }
            int count = in.readUnsignedShort();
            for (int i = 0; i < count; i++) {
                String key = in.readUTF();
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    return new HashMap<>();
                }
                sections.put(key, in.readNBytes(length));
            }
            return sections;
        } catch (IOException | RuntimeException e) {
            return new HashMap<>();
        }
    }
}
