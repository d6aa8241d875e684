package dev.uip.definition.domain;

/** No write key with that id in the caller's workspace. */
public class KeyNotFoundException extends RuntimeException {

    public KeyNotFoundException(String message) {
        super(message);
    }
}
