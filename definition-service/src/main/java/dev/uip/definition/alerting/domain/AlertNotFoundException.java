package dev.uip.definition.alerting.domain;

/** No incident, maintenance window or quiet hours of that id in the caller's workspace (404). */
public class AlertNotFoundException extends RuntimeException {

    public AlertNotFoundException(String message) {
        super(message);
    }
}
