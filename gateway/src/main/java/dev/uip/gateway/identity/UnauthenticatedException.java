package dev.uip.gateway.identity;

/** No valid credential (missing, unknown, expired or revoked): answered 401. */
public class UnauthenticatedException extends RuntimeException {

    public UnauthenticatedException(String message) {
        super(message);
    }
}
