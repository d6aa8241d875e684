package dev.uip.anomaly.detection;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * The detectors that judge drops and spikes of one series (robust level, low-volume count model, seasonal
 * baseline, density of the last few windows), shared by the series' DROP and SPIKE rules: fed each window once, it
 * keeps per detector the last window's strength, whether that score is rare among the detector's scores in the same
 * direction (a spike among spikes, a drop among drops), and whether the season explains it, so that each rule can
 * then ask for a verdict at its own sensitivity.
 */
final class ChangeEnsemble {

    /** The detector that found a deviation in the asked direction, with what it expected. */
    record Finding(String detector, Verdict verdict, double expected) {
    }

    private final TrailingWindow window;
    private final RobustLevelDetector level;
    private final CountTailDetector count;
    private final SeasonalDetector seasonal;
    private final DensityDetector density;
    /** In order of preference when several detectors agree: the most specific model first. */
    private final List<ScoredDetector> detectors;
    /** Per detector, the history of its upward scores and of its downward ones (a spike is rare among spikes). */
    private final RarityFilter[] filters;
    private final RarityFilter[] lowFilters;
    private final boolean[] rare;
    private final boolean[] rareLow;
    private final WatcherSettings settings;
    private final double rarity;
    private final int memory;
    private final double explainedBelow;
    private boolean explained;
    /** The most specific seasonal baseline used so far (see {@link SeasonalDetector#regime()}). */
    private int seasonalRegime;

    ChangeEnsemble(long windowSeconds, WatcherSettings s) {
        this.window = new TrailingWindow(s.levelWindow());
        this.level = new RobustLevelDetector(window, s.levelThreshold());
        this.count = new CountTailDetector(window, s.countAlpha(), s.countMaxRate());
        this.seasonal = new SeasonalDetector(windowSeconds, s.seasonalDailySlots(), s.seasonalWeeklySlots(),
                s.seasonalSmoothing(), s.seasonalThreshold(), s.seasonalWarmAfter());
        this.density = new DensityDetector(s.densitySpan(), s.levelThreshold());
        this.detectors = List.of(seasonal, count, level, density);
        double seriesRarity = Math.min(1.0, windowSeconds / s.rarityPeriodSeconds());
        // the false-alarm budget is the series', shared evenly by its detectors and the two directions (each would
        // otherwise spend it all)
        this.rarity = seriesRarity / (2 * detectors.size());
        // the history must outlive the minimum history, else a short period would never let anything through
        this.memory = (int) Math.min(Integer.MAX_VALUE,
                Math.max(2 * s.rarityMinHistory(), Math.round(s.rarityMemoryPeriods() / seriesRarity)));
        this.filters = new RarityFilter[detectors.size()];
        this.lowFilters = new RarityFilter[detectors.size()];
        for (int i = 0; i < filters.length; i++) {
            filters[i] = new RarityFilter(rarity, s.rarityMinHistory(), memory);
            lowFilters[i] = new RarityFilter(rarity, s.rarityMinHistory(), memory);
        }
        this.rare = new boolean[detectors.size()];
        this.rareLow = new boolean[detectors.size()];
        this.settings = s;
        this.explainedBelow = s.explainedBelow();
    }

    /** Judges the window starting at {@code epochSecond} with total {@code value}, then learns from it. */
    void observe(long epochSecond, double value) {
        observe(epochSecond, value, true);
    }

    /**
     * Judges the window, then learns from it; with {@code recent} false the window is left out of the recent
     * level that the level and count models judge against (an empty window of a stop is not the event's level).
     */
    void observe(long epochSecond, double value, boolean recent) {
        level.judge(value);
        count.judge(value);
        seasonal.observe(epochSecond, value);
        density.observe(epochSecond, value);
        if (recent) {
            level.learnShape(value);
            window.add(value);
        }
        // the seasonal scores of a coarser baseline than the best one reached are another scale (a daily baseline
        // misjudges every weekend): its history starts again when the baseline gets more specific
        int regime = seasonal.regime();
        if (regime > seasonalRegime) {
            seasonalRegime = regime;
            filters[0] = new RarityFilter(rarity, settings.rarityMinHistory(), memory);
            lowFilters[0] = new RarityFilter(rarity, settings.rarityMinHistory(), memory);
        }
        for (int i = 0; i < rare.length; i++) {
            rare[i] = rareLow[i] = false;
            if (i > 0 || regime > 0 && regime == seasonalRegime) {
                ScoredDetector detector = detectors.get(i);
                boolean low = detector.direction == Verdict.LOW;
                rare[i] = filters[i].rare(low ? 0 : detector.surprise());
                rareLow[i] = lowFilters[i].rare(low ? detector.surprise() : 0);
            }
        }
        explained = seasonal.warm() && seasonal.surprise() < explainedBelow;
    }

    /**
     * The first detector whose last window deviated in direction {@code wanted} beyond its threshold times
     * {@code factor}, or null. With {@code requireRare} the score must also be rare in the detector's own history
     * (for opening an alert; an open one stays open while a per-window detector still sees the deviation).
     */
    Finding find(Verdict wanted, double factor, boolean requireRare) {
        for (int i = 0; i < rare.length; i++) {
            ScoredDetector detector = detectors.get(i);
            if (requireRare && !(wanted == Verdict.LOW ? rareLow[i] : rare[i]) || explained && detector != seasonal) {
                continue;
            }
            if (!requireRare && detector == density) {
                continue; // a sum over past windows lags the end of an incident: it opens alerts but holds none open
            }
            if (detector.verdictAt(factor) == wanted) {
                return new Finding(detector.name(), wanted, detector.expected());
            }
        }
        return null;
    }

    /** The long-run average size of a window (what "hardly anything" is measured against). */
    double seasonalLevel() {
        return seasonal.level();
    }

    /** Whether the seasonal baseline judged the last window. */
    boolean seasonalWarm() {
        return seasonal.warm();
    }

    /** The best available expectation for the last window: the seasonal slot when warm, else the recent level. */
    double expected() {
        return seasonal.warm() ? seasonal.expected() : level.expected();
    }

    void write(DataOutput out) throws IOException {
        out.writeByte(seasonalRegime);
        window.write(out);
        level.write(out);
        count.write(out);
        seasonal.write(out);
        density.write(out);
        for (int i = 0; i < filters.length; i++) {
            filters[i].write(out);
            lowFilters[i].write(out);
        }
    }

    void read(DataInput in) throws IOException {
        seasonalRegime = in.readUnsignedByte();
        Snapshots.expect(seasonalRegime <= 2, "unknown seasonal regime");
        window.read(in);
        level.read(in);
        count.read(in);
        seasonal.read(in);
        density.read(in);
        for (int i = 0; i < filters.length; i++) {
            filters[i].read(in);
            lowFilters[i].read(in);
        }
    }
}
