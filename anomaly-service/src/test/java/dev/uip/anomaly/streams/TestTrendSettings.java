package dev.uip.anomaly.streams;

import java.time.Duration;

import dev.uip.anomaly.config.TrendSettings;

/** Trend settings for topology tests: the production defaults, with the top values per dimension adjustable. */
record TestTrendSettings(int topValues, int maxSeriesPerWorkspace) implements TrendSettings {

    TestTrendSettings() {
        this(10, 10_000);
    }

    @Override
    public String quarantinedTopic() {
        return "quarantined";
    }

    @Override
    public String statsTopic() {
        return "stats";
    }

    @Override
    public String duplicatesTopic() {
        return "duplicates";
    }

    @Override
    public String rulesTopic() {
        return "alert-rules";
    }

    @Override
    public String alertsTopic() {
        return "alerts";
    }

    @Override
    public Duration bucket() {
        return Duration.ofMinutes(1);
    }

    @Override
    public Duration bucketRetention() {
        return Duration.ofHours(48);
    }

    @Override
    public Duration hourRetention() {
        return Duration.ofDays(35);
    }

    @Override
    public Duration dayRetention() {
        return Duration.ofDays(400);
    }

    @Override
    public Duration closeAfter() {
        return Duration.ofSeconds(15);
    }

    @Override
    public Duration evaluateEvery() {
        return Duration.ofSeconds(5);
    }

    @Override
    public int maxCatchUpBuckets() {
        return 2880;
    }

    @Override
    public Duration forgetAfter() {
        return Duration.ofDays(30);
    }

    @Override
    public boolean autoRegisterSchemas() {
        return false;
    }

    @Override
    public Duration resolvedAlertRetention() {
        return Duration.ofDays(7);
    }
}
