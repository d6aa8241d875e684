package dev.uip.ingest.domain;

/** The write keys are not loaded yet (just after start); answered with 503 so SDKs retry rather than drop. */
public class KeysNotLoadedException extends RuntimeException {

    public KeysNotLoadedException() {
        super("write keys are still loading; retry shortly");
    }
}
