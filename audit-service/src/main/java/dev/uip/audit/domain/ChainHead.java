package dev.uip.audit.domain;

import java.time.Instant;

/** The last entry of a workspace's hash chain: its sequence and hash, and when it was appended. */
public record ChainHead(String workspace, long sequence, String hash, Instant at) {
}
