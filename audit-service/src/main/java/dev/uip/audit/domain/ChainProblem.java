package dev.uip.audit.domain;

/** How a workspace's hash chain is broken, as the verifier names it. */
public enum ChainProblem {
    /** An entry's hash is not that of its content chained after the previous entry: a field was changed. */
    MODIFIED,
    /** A sequence number is missing: an entry was deleted. */
    MISSING,
    /** The entry that links to the previous hash is stored at another sequence: entries were swapped. */
    REORDERED,
    /** The chain ends below the published head, or holds another hash at the head's sequence: its tail was cut. */
    TRUNCATED
}
