package dev.uip.definition.quarantine.domain;

/** What a release or discard did: its id (null when it selected nothing, and so was not recorded) and row count. */
public record OperationResult(String id, int count) {
}
