package dev.uip.audit.domain;

/**
 * The outcome of verifying a workspace's chain: {@code entries} verified before the first break (all when intact), the
 * published head's sequence (null when none is published yet) and, when broken, where and how.
 */
public record Verification(boolean intact, long entries, Long headSequence, Long firstBrokenSequence,
        ChainProblem problem, String detail) {
}
