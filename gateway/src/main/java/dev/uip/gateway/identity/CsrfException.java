package dev.uip.gateway.identity;

/** A change made with a session cookie without the session's CSRF token: answered 403. */
public class CsrfException extends RuntimeException {

    public CsrfException(String message) {
        super(message);
    }
}
