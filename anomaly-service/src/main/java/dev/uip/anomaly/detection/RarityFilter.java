package dev.uip.anomaly.detection;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Keeps a detector honest about its own history: remembers the distribution of its surprise scores in a
 * log-spaced histogram and lets an abnormal verdict through only when a score at least this high has been rarer
 * than {@code rarity} so far and an exponential tail fitted to the history's top scores also expects it that
 * rarely (a history shorter than {@code 1 / rarity} cannot show it by counting). A series that is always noisy in
 * the detector's eyes (heavy tails, bursts) thus alerts only on what is exceptional for that series, the idea
 * behind NAB's "anomaly likelihood". The histogram is halved whenever it reaches its memory, so old history fades
 * and each bin fits 16 bits.
 */
final class RarityFilter {

    private static final int BINS = 64;
    /** Bins per factor of ten. */
    private static final double BINS_PER_DECADE = 10;
    /** Scores below this share the first bin. */
    private static final double FLOOR = 0.01;
    private static final int MAX_TOTAL = 65_535;
    /** Share of the history whose scores model the tail. */
    private static final double TAIL_SHARE = 0.02;
    /** Fewest scores that model the tail (fewer: the history is only counted). */
    private static final int MIN_TAIL = 10;

    private final double rarity;
    private final long minHistory;
    private final int memory;
    private final int[] counts = new int[BINS];
    private int total;

    RarityFilter(double rarity, long minHistory) {
        this(rarity, minHistory, MAX_TOTAL);
    }

    /** @param memory scores after which the history is halved (old scores fade; at most 65,535) */
    RarityFilter(double rarity, long minHistory, int memory) {
        this.rarity = rarity;
        this.minHistory = minHistory;
        this.memory = Math.max(2, Math.min(MAX_TOTAL, memory));
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
            rare = atLeast < rarity * total && tailShare(surprise) < rarity;
        }
        if (total >= memory) {
            total = 0;
            for (int i = 0; i < BINS; i++) {
                counts[i] /= 2;
                total += counts[i];
            }
        }
        counts[bin]++;
        total++;
        return rare;
    }

    /**
     * The share of scores at least {@code surprise} that an exponential tail fitted to the history's top scores
     * predicts (0 when the history is too thin for a tail): a short history cannot tell by counting whether a
     * score beyond all it has seen is rarer than the budget, only by how fast its tail falls off.
     */
    private double tailShare(double surprise) {
        long wanted = Math.max(MIN_TAIL, (long) Math.ceil(TAIL_SHARE * total));
        long above = 0;
        int tail = BINS;
        while (tail > 1 && above < wanted) {
            above += counts[--tail];
        }
        if (above < wanted) {
            return 0;
        }
        double edge = lower(tail);
        double excess = 0;
        for (int i = tail; i < BINS; i++) {
            excess += counts[i] * (middle(i) - edge);
        }
        double scale = excess / above;
        return above / (double) total * Math.exp(-Math.max(0, surprise - edge) / scale);
    }

    /** The lowest score of a bin above the first. */
    private static double lower(int bin) {
        return FLOOR * Math.pow(10, (bin - 1) / BINS_PER_DECADE);
    }

    /** The geometric middle of a bin above the first. */
    private static double middle(int bin) {
        return FLOOR * Math.pow(10, (bin - 0.5) / BINS_PER_DECADE);
    }

    private static int bin(double surprise) {
        if (!(surprise > FLOOR)) {
            return 0;
        }
        int bin = 1 + (int) (Math.log10(surprise / FLOOR) * BINS_PER_DECADE);
        return Math.min(BINS - 1, bin);
    }

    /** Writes the bins from the first to the last non-empty one (a score history fills only a few decades). */
    void write(DataOutput out) throws IOException {
        int first = 0;
        while (first < BINS && counts[first] == 0) {
            first++;
        }
        int end = BINS;
        while (end > first && counts[end - 1] == 0) {
            end--;
        }
        out.writeByte(first);
        out.writeByte(end - first);
        for (int i = first; i < end; i++) {
            out.writeShort(counts[i]);
        }
    }

    void read(DataInput in) throws IOException {
        int first = in.readUnsignedByte();
        int length = in.readUnsignedByte();
        Snapshots.expect(first + length <= BINS, "rarity bins out of range");
        Arrays.fill(counts, 0);
        total = 0;
        for (int i = first; i < first + length; i++) {
            counts[i] = in.readUnsignedShort();
            total += counts[i];
        }
        Snapshots.expect(total <= MAX_TOTAL, "rarity history too long");
    }
}
