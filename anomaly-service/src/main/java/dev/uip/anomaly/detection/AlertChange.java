package dev.uip.anomaly.detection;

/**
 * An alert of one detector that opened or resolved at a bucket.
 *
 * @param detector the detector's name
 * @param transition opened or resolved
 * @param verdict the detector's verdict at that bucket (the direction of the anomaly when opened)
 * @param epochSecond start of the bucket
 * @param observed the bucket's value
 * @param expected what the detector expected ({@code NaN} when it has no estimate)
 */
public record AlertChange(String detector, AlertGate.Transition transition, Verdict verdict, long epochSecond,
        double observed, double expected) {
}
