package dev.uip.audit.domain;

import java.util.List;
import java.util.Optional;

/**
 * Walks one workspace's chain entry by entry in sequence order and finds its first break: a gap in the sequence, an
 * entry whose hash is not that of its content after the previous hash (told apart as REORDERED when the entry that
 * truly links to the previous hash sits at another sequence), or a chain that ends below or differs from its published
 * head.
 */
public final class ChainCheck {

    private final ChainHead published;
    private long entries;
    private long lastSequence;
    private String previous = ChainHash.GENESIS;
    private String hashAtPublished;

    /** A check against {@code published}, the head read from outside the database (null when none was published). */
    public ChainCheck(ChainHead published) {
        this.published = published;
    }

    /** A break found at {@code sequence}. */
    public record Break(long sequence, ChainProblem problem, String detail) {
    }

    /**
     * Takes the next entry; a break at it is answered, and then {@link #classify} needs the entries that link to
     * {@link #previousHash()} when it is a hash mismatch (the caller looks them up).
     */
    public Optional<Break> accept(StoredEntry entry) {
        long expected = lastSequence + 1;
        if (entry.sequence() > expected) {
            return Optional.of(new Break(expected, ChainProblem.MISSING, "sequence " + expected + " is missing (next "
                    + "stored: " + entry.sequence() + ")"));
        }
        if (entry.sequence() < expected || !previous.equals(entry.prevHash())
                || !ChainHash.next(previous, entry.content()).equals(entry.hash())) {
            return Optional.of(new Break(expected, ChainProblem.MODIFIED, "entry " + expected
                    + " does not hash to its stored hash after the previous entry"));
        }
        entries++;
        lastSequence = entry.sequence();
        previous = entry.hash();
        if (published != null && entry.sequence() == published.sequence()) {
            hashAtPublished = entry.hash();
        }
        return Optional.empty();
    }

    /** The hash the next entry must link to. */
    public String previousHash() {
        return previous;
    }

    /**
     * Tells a mismatch at {@code mismatch} apart: REORDERED when one of {@code linked} (the entries whose previous hash
     * is {@link #previousHash()}) is another entry that verifies at this sequence, MODIFIED otherwise.
     */
    public Break classify(Break mismatch, StoredEntry found, List<StoredEntry> linked) {
        for (StoredEntry candidate : linked) {
            if (candidate.sequence() != found.sequence() && ChainHash.next(previous,
                    candidate.content().at(mismatch.sequence())).equals(candidate.hash())) {
                return new Break(mismatch.sequence(), ChainProblem.REORDERED, "entry " + mismatch.sequence()
                        + " is stored at sequence " + candidate.sequence() + " and entry " + found.sequence()
                        + " in its place");
            }
        }
        return mismatch;
    }

    /** After the last entry: a break if the chain ends below the published head or differs from it. */
    public Optional<Break> finish() {
        if (published == null) {
            return Optional.empty();
        }
        if (lastSequence < published.sequence()) {
            return Optional.of(new Break(lastSequence + 1, ChainProblem.TRUNCATED, "the chain ends at "
                    + lastSequence + " but head " + published.sequence() + " was published"));
        }
        if (!published.hash().equals(hashAtPublished)) {
            return Optional.of(new Break(published.sequence(), ChainProblem.TRUNCATED, "entry "
                    + published.sequence() + " is not the published head: the chain was cut and grown again"));
        }
        return Optional.empty();
    }

    /** How many entries verified so far. */
    public long entries() {
        return entries;
    }
}
