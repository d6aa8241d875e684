package dev.uip.anomaly.detection;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SeasonalDetectorTest {

    private static final long HOUR = 3600;

    /** Busy on weekday afternoons, quiet at night and on weekends (START is a Wednesday). */
    private static double rate(int hour) {
        int hourOfDay = hour % 24;
        int day = (hour / 24 + 2) % 7; // 0 = Monday
        double daily = hourOfDay >= 8 && hourOfDay < 20 ? 200 : 20;
        return day >= 5 ? daily / 4 : daily;
    }

    @Test
    void weeklyAndDailySeasonalityRaiseNoAlertsOnceLearned() {
        double[] values = new SyntheticSeries(5).poisson(24 * 7 * 6, SeasonalDetectorTest::rate);
        SeasonalDetector detector = new SeasonalDetector(HOUR, 288, 0.2, 5, 3);
        List<Integer> abnormal = SyntheticSeries.abnormal(detector, values, HOUR);
        // the first three weeks are allowed to learn the weekly shape; after that nothing is abnormal
        assertTrue(abnormal.stream().noneMatch(i -> i >= 24 * 7 * 3), "false alerts: " + abnormal);
    }

    @Test
    void aWeekdayAfternoonAtWeekendLevelIsLow() {
        int dip = 24 * 7 * 5 + 24 * 5 + 14; // a weekday 14:00 in week 6
        double[] values = new SyntheticSeries(6).poisson(24 * 7 * 6, h -> h == dip ? 50 : rate(h));
        SeasonalDetector detector = new SeasonalDetector(HOUR, 288, 0.2, 5, 3);
        List<Integer> abnormal = SyntheticSeries.abnormal(detector, values, HOUR);
        assertTrue(abnormal.contains(dip), "dip flagged: " + abnormal);
    }
}
