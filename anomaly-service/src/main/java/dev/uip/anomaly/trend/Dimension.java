package dev.uip.anomaly.trend;

import java.util.Locale;

/** What a series' counts are broken down by, taken from the Segment context of each event. */
public enum Dimension {

    /** {@code context.app.version} (mobile apps). */
    APP_VERSION("appVersion"),
    /** {@code context.os.name}, or "web" for a browser event that names no OS. */
    PLATFORM("platform"),
    /** {@code context.library.name} and version, e.g. "analytics.js 4.1.0". */
    LIBRARY("library");

    /** Longest dimension value kept; longer values are cut. */
    public static final int MAX_VALUE = 64;
    /** The value that stands for every value beyond a series' tracked top values, or no value at all. */
    public static final String OTHER = "other";

    private final String apiName;

    Dimension(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    /** The dimension named {@code name} in the API (case-insensitive), or null. */
    public static Dimension fromApiName(String name) {
        for (Dimension d : values()) {
            if (d.apiName.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        return null;
    }

    /** A dimension value bounded in length; null or blank stays null. */
    public static String bound(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        return v.length() <= MAX_VALUE ? v : v.substring(0, MAX_VALUE);
    }
}
