package dev.uip.definition.domain;

import java.util.List;

/** A change that consumers of the previous version could not read, refused unless published as breaking. */
public class IncompatibleChangeException extends RuntimeException {

    private final List<String> reasons;

    public IncompatibleChangeException(List<String> reasons) {
        super("this change is not backward compatible; publish it with \"breaking\": true (or ?breaking=true) if"
                + " consumers are ready: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
