package dev.uip.anomaly.domain;

/** The count store cannot be queried yet: the topology is starting, restoring or rebalancing. */
public class StoreNotReadyException extends RuntimeException {

    public StoreNotReadyException(String message, Throwable cause) {
        super(message, cause);
    }
}
