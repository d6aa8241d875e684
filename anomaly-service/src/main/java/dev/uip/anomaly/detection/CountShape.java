package dev.uip.anomaly.detection;

/** Whether every value seen so far is a non-negative whole number, i.e. the series is a count. */
final class CountShape {

    private boolean count = true;
    private long seen;

    void observe(double value) {
        seen++;
        if (value < 0 || value != Math.rint(value)) {
            count = false;
        }
    }

    boolean isCount() {
        return count && seen > 0;
    }
}
