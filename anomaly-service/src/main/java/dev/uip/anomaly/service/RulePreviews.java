package dev.uip.anomaly.service;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.uip.anomaly.config.TrendSettings;
import dev.uip.anomaly.detection.AlertGate;
import dev.uip.anomaly.detection.RuleAlert;
import dev.uip.anomaly.detection.RuleConfig;
import dev.uip.anomaly.detection.SeriesMonitor;
import dev.uip.anomaly.detection.WatcherSettings;
import dev.uip.anomaly.domain.InvalidQueryException;
import dev.uip.anomaly.domain.RulePreview;
import dev.uip.anomaly.domain.RulePreviewRequest;
import dev.uip.anomaly.service.Trends.Granularity;
import dev.uip.anomaly.trend.Bucket;
import dev.uip.anomaly.trend.SeriesId;

/**
 * Previews a rule over stored history: runs a {@link SeriesMonitor} (the detectors the stream runs) with the one
 * rule over the series' stored buckets, oldest first and silent ones as zeros, and lists the alerts that opened in
 * the range. Everything kept before the range is fed first, so the detectors have learned what they would have.
 */
@ApplicationScoped
public class RulePreviews {

    /** Most buckets one preview feeds to the detectors (history included); older history is left out. */
    public static final int MAX_BUCKETS = 20_000;
    /** Most alerts one preview lists. */
    public static final int MAX_ALERTS = 500;
    /** The range of a preview without {@code from}. */
    static final long DEFAULT_RANGE_MS = 24 * 3_600_000L;
    private static final String RULE_KEY = "preview";

    private final Trends trends;
    private final TrendSettings settings;

    @Inject
    public RulePreviews(Trends trends, TrendSettings settings) {
        this.trends = trends;
        this.settings = settings;
    }

    /**
     * The alerts {@code request}'s rule would have raised on {@code id} in [from, to); {@code now} bounds the range
     * to closed buckets.
     */
    public RulePreview preview(SeriesId id, RulePreviewRequest request, Instant from, Instant to, long now) {
        RuleConfig rule = rule(request.kind(), request.rule());
        long closedUntil = now - settings.closeAfter().toMillis();
        long end = to == null ? closedUntil : Math.min(to.toEpochMilli(), closedUntil);
        long start = from == null ? end - DEFAULT_RANGE_MS : from.toEpochMilli();
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidQueryException("INVALID_RANGE", "from must be before to");
        }
        Granularity granularity = request.granularity() == null
                ? finestReaching(start, now)
                : Granularity.parse(request.granularity());
        long width = trends.widthMillis(granularity);
        start = Math.floorDiv(start, width) * width;
        end = Math.floorDiv(end, width) * width; // only whole, closed buckets
        if (end <= start) {
            throw new InvalidQueryException("INVALID_RANGE", "the range holds no closed " + granularity.name()
                    .toLowerCase(Locale.ROOT) + " bucket yet: from must be before to and before now");
        }
        long kept = Math.floorDiv(now - trends.retention(granularity).toMillis(), width) * width + width;
        long historyFrom = Math.max(kept, end - (long) MAX_BUCKETS * width);
        List<String> notes = new ArrayList<>();
        if (start < historyFrom) {
            notes.add("history before " + Instant.ofEpochMilli(historyFrom) + " is not kept at " + granularity.name()
                    .toLowerCase(Locale.ROOT) + " granularity; the preview starts there");
            start = historyFrom;
        }
        if (end <= start) {
            throw new InvalidQueryException("RANGE_NOT_KEPT", "no " + granularity.name().toLowerCase(Locale.ROOT)
                    + " buckets are kept for that range; use a coarser granularity or a later range");
        }
        Map<Long, Bucket> stored = trends.buckets(id, granularity, historyFrom, end);
        // as in the stream, a series is watched from its first event on, not through the silence before it
        long firstEvent = stored.keySet().stream().mapToLong(Long::longValue).min().orElse(end);
        if (firstEvent == end) {
            notes.add("no events of this series are kept from " + Instant.ofEpochMilli(historyFrom) + " to the end "
                    + "of the range");
        }
        historyFrom = Math.max(historyFrom, firstEvent);
        long bucketSeconds = width / 1000;
        SeriesMonitor monitor = SeriesMonitor.create(bucketSeconds, List.of(rule));
        List<RulePreview.PreviewAlert> alerts = new ArrayList<>();
        RuleAlert open = null;
        boolean truncated = false;
        long judged = 0;
        for (long bucket = historyFrom; bucket < end; bucket += width) {
            Bucket b = stored.get(bucket);
            judged++;
            for (RuleAlert change : monitor.observe(bucket / 1000, b == null ? 0 : b.count())) {
                if (change.transition() == AlertGate.Transition.OPENED && change.windowStart() * 1000 >= start) {
                    open = change;
                } else if (change.transition() == AlertGate.Transition.RESOLVED && open != null) {
                    truncated |= !add(alerts, open, change.windowEnd());
                    open = null;
                }
            }
        }
        if (open != null) {
            truncated |= !add(alerts, open, null);
        }
        int windowBuckets = (int) Math.max(1, Math.round(rule.windowMinutes() * 60.0 / bucketSeconds));
        if (rule.windowMinutes() * 60L < bucketSeconds) {
            notes.add("the rule's window of " + rule.windowMinutes() + " minutes is shorter than one "
                    + granularity.name().toLowerCase(Locale.ROOT) + " bucket: each bucket is judged as one window");
        }
        long minHistory = WatcherSettings.defaults().rarityMinHistory();
        long before = Math.max(0, start - historyFrom) / width / windowBuckets;
        if ((rule.kind() == RuleConfig.Kind.DROP || rule.kind() == RuleConfig.Kind.SPIKE) && before < minHistory) {
            notes.add("only " + before + " windows of history precede the range; DROP and SPIKE open no alert before "
                    + minHistory + " windows have been judged");
        }
        if (!rule.enabled()) {
            notes.add("the rule is disabled: it raises nothing");
        }
        return new RulePreview(id.workspaceId(), id.type().name().toLowerCase(Locale.ROOT), id.name(), rule.kind()
                .name(), granularity.name().toLowerCase(Locale.ROOT), bucketSeconds, windowBuckets,
                Instant
                        .ofEpochMilli(start),
                Instant.ofEpochMilli(end), Instant.ofEpochMilli(historyFrom), judged,
                alerts, truncated, notes);
    }

    /** The finest granularity whose kept history reaches back to {@code start}. */
    private Granularity finestReaching(long start, long now) {
        for (Granularity granularity : Granularity.values()) {
            if (start >= now - trends.retention(granularity).toMillis() + trends.widthMillis(granularity)) {
                return granularity;
            }
        }
        return Granularity.DAY;
    }

    private static boolean add(List<RulePreview.PreviewAlert> alerts, RuleAlert opened, Long resolvedAtSecond) {
        if (alerts.size() >= MAX_ALERTS) {
            return false;
        }
        alerts.add(new RulePreview.PreviewAlert(Instant.ofEpochSecond(opened.windowStart()), resolvedAtSecond == null
                ? null
                : Instant.ofEpochSecond(resolvedAtSecond), opened.detector(), opened.verdict().name(),
                opened
                        .observed(),
                Double.isNaN(opened.expected()) ? null : opened.expected(), Instant
                        .ofEpochSecond(opened.windowStart()),
                Instant.ofEpochSecond(opened.windowEnd())));
        return true;
    }

    /** The rule of the body; a 400 INVALID_RULE naming the field for settings the rule API would refuse. */
    static RuleConfig rule(String kindText, RulePreviewRequest.Rule body) {
        RuleConfig.Kind kind = named(RuleConfig.Kind.class, "kind", kindText, true);
        RulePreviewRequest.Rule r = body == null
                ? new RulePreviewRequest.Rule(null, null, null, null, null, null, null, null, null, null)
                : body;
        named(Severity.class, "rule.severity", r.severity(), false);
        try {
            return new RuleConfig(RULE_KEY, kind, r.enabled() == null || r.enabled(), named(
                    RuleConfig.Sensitivity.class, "rule.sensitivity", r.sensitivity(), false),
                    r.minVolume() == null
                            ? 0
                            : r.minVolume(),
                    r.windowMinutes() == null ? 1 : r.windowMinutes(), r.threshold(), r
                            .percent(),
                    named(RuleConfig.Direction.class, "rule.direction", r.direction(),
                            false),
                    r.baselineMinutes(), quietHours(r.quietHours()));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("INVALID_RULE", e.getMessage());
        }
    }

    /** The severities of the rule API (accepted so that a rule body can be previewed as it is). */
    private enum Severity {
        LOW, MEDIUM, HIGH, CRITICAL
    }

    private static RuleConfig.QuietHours quietHours(RulePreviewRequest.QuietHours quiet) {
        if (quiet == null) {
            return null;
        }
        if (quiet.startHour() == null || quiet.endHour() == null) {
            throw new InvalidQueryException("INVALID_RULE", "quietHours needs startHour and endHour (0..23)");
        }
        ZoneId zone;
        try {
            zone = quiet.timeZone() == null ? null : ZoneId.of(quiet.timeZone());
        } catch (DateTimeException e) {
            throw new InvalidQueryException("INVALID_RULE", "quietHours.timeZone is not a known time zone id such as "
                    + "Europe/Berlin");
        }
        return new RuleConfig.QuietHours(quiet.startHour(), quiet.endHour(), zone);
    }

    private static <E extends Enum<E>> E named(Class<E> type, String field, String text, boolean required) {
        if (text == null) {
            if (required) {
                throw new InvalidQueryException("INVALID_RULE", field + " is required: one of " + Arrays.toString(type
                        .getEnumConstants()));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("INVALID_RULE", field + " must be one of " + Arrays.toString(type
                    .getEnumConstants()));
        }
    }
}
