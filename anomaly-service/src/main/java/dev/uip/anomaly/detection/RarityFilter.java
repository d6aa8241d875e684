package dev.uip.anomaly.detection;

/**
 * Keeps a detector honest about its own history: remembers the distribution of its surprise scores in a
 * log-spaced histogram and lets an abnormal verdict through only when a score at least this high has been rarer
 * than {@code rarity} so far. A series that is always noisy in the detector's eyes (heavy tails, bursts) thus
 * alerts only on what is exceptional for that series, the idea behind NAB's "anomaly likelihood".
 */
final class RarityFilter {

    private static final int BINS = 160;
    /** Bins per factor of ten. */
    private static final double BINS_PER_DECADE = 20;
    /** Scores below this share the first bin. */
    private static final double FLOOR = 0.01;

    private final double rarity;
    private final long minHistory;
    private final long[] counts = new long[BINS];
    private long total;

    RarityFilter(double rarity, long minHistory) {
        this.rarity = rarity;
        this.minHistory = minHistory;
    }

    /** Whether {@code surprise} is rare enough in this history; then records it. */
    boolean rare(double surprise) {
        int bin = bin(surprise);
        boolean rare = false;
        if (total >= minHistory) {
            long atLeast = 0;
            for (int i = bin; i < BINS; i++) {
                atLeast += counts[i];
            }
            rare = atLeast < rarity * total;
        }
        counts[bin]++;
        total++;
        return rare;
    }

    private static int bin(double surprise) {
        if (!(surprise > FLOOR)) {
            return 0;
        }
        int bin = 1 + (int) (Math.log10(surprise / FLOOR) * BINS_PER_DECADE);
        return Math.min(BINS - 1, bin);
    }
}
