package dev.uip.ingest.domain;

/** Who sent a request, as established by its write key. */
public record Caller(String workspaceId, String keyId) {
}
