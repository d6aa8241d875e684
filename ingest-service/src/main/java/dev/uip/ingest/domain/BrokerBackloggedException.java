package dev.uip.ingest.domain;

/** The broker has not acknowledged so many events (in total or of one workspace) that no more are taken for now. */
public class BrokerBackloggedException extends RuntimeException {

    public BrokerBackloggedException(String message) {
        super(message);
    }
}
