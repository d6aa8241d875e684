package dev.uip.anomaly.detection;

import java.io.IOException;

/** Helpers for reading detector state back from a snapshot: a state that does not fit is refused, not guessed. */
final class Snapshots {

    private Snapshots() {
    }

    /** Throws when a snapshot's content does not fit the component reading it. */
    static void expect(boolean condition, String what) throws IOException {
        if (!condition) {
            throw new IOException("snapshot does not fit: " + what);
        }
    }
}
