package dev.uip.ingest.domain;

/** The broker has not acknowledged so many events yet that no more are taken for now. */
public class BrokerBackloggedException extends RuntimeException {

    public BrokerBackloggedException(int limit) {
        super("more than " + limit + " events are waiting for the broker's acknowledgement");
    }
}
