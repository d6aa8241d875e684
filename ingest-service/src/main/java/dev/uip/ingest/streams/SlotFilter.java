package dev.uip.ingest.streams;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-heap Bloom filter per time slot over the message ids a dedup store holds, so that the common case, a message
 * never seen before, is answered without asking the store. It may answer "maybe" for an id it never took (then the
 * store decides) but never "no" for an id it took: the filter only has to learn every id the store holds, which it
 * does by a scan of the store when the task starts and by each {@link #add}.
 *
 * <p>Each slot's filter grows as a chain of Bloom filters, each twice the size of the one before (a scalable Bloom
 * filter), at least 10 bits (rounded up to a power of two) and 7 probes per id, about 1 % false positives at the most each. Bounded: past {@code maxBytes} in all a slot
 * stops learning and answers "maybe" for everything (the store then answers each lookup, as without the filter). Slots
 * the filter has let go of (older than {@link #forgetBefore}) also answer "maybe".
 */
final class SlotFilter {

    /** Ids the first filter of a slot is sized for. */
    static final int FIRST_CAPACITY = 1 << 16;
    /** Ids the largest filter is sized for (64 MiB of bits): past it the chain grows by filters of this size. */
    static final int MAX_CAPACITY = 1 << 25;
    private static final int BITS_PER_ID = 10;
    private static final int PROBES = 7;

    private final long maxBytes;
    private final TreeMap<Long, Chain> slots = new TreeMap<>();
    private long forgottenBefore = Long.MIN_VALUE;
    private long bytes;

    SlotFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Whether the store may hold {@code key} in {@code slot}; false only when it certainly does not. */
    boolean mightContain(byte[] key, long slot) {
        if (slot < forgottenBefore) {
            return true;
        }
        Chain chain = slots.get(slot);
        return chain != null && chain.mightContain(hash(key));
    }

    /** Learns that the store holds {@code key} in {@code slot}. */
    void add(byte[] key, long slot) {
        if (slot < forgottenBefore) {
            return;
        }
        slots.computeIfAbsent(slot, s -> new Chain()).add(hash(key));
    }

    /** Lets go of the slots before {@code slot}: they answer "maybe" from now on. */
    void forgetBefore(long slot) {
        if (slot <= forgottenBefore) {
            return;
        }
        forgottenBefore = slot;
        for (Iterator<Map.Entry<Long, Chain>> it = slots.headMap(slot).entrySet().iterator(); it.hasNext();) {
            bytes -= it.next().getValue().heap();
            it.remove();
        }
    }

    /** Heap the filter's bits take. */
    long bytes() {
        return bytes;
    }

    /** A 64-bit hash of the key's bytes (FNV-1a over the bytes, then a SplitMix64 finish to spread the bits). */
    static long hash(byte[] key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return mix(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The filters of one slot, newest (largest) last; saturated once the byte bound stopped its growth. */
    private final class Chain {

        private final List<Bloom> blooms = new ArrayList<>(4);
        private boolean saturated;

        boolean mightContain(long hash) {
            if (saturated) {
                return true;
            }
            long second = mix(hash) | 1;
            for (int i = blooms.size() - 1; i >= 0; i--) {
                if (blooms.get(i).mightContain(hash, second)) {
                    return true;
                }
            }
            return false;
        }

        void add(long hash) {
            if (saturated) {
                return;
            }
            Bloom last = blooms.isEmpty() ? null : blooms.get(blooms.size() - 1);
            if (last == null || last.full()) {
                int capacity = last == null ? FIRST_CAPACITY : Math.min(last.capacity * 2, MAX_CAPACITY);
                long size = Bloom.bytesFor(capacity);
                if (bytes + size > maxBytes) {
                    // no more heap for this slot: it answers "maybe" and the store decides
                    saturated = true;
                    bytes -= heap();
                    blooms.clear();
                    return;
                }
                last = new Bloom(capacity);
                blooms.add(last);
                bytes += size;
            }
            last.add(hash, mix(hash) | 1);
        }

        long heap() {
            long sum = 0;
            for (Bloom bloom : blooms) {
                sum += Bloom.bytesFor(bloom.capacity);
            }
            return sum;
        }
    }

    /** One Bloom filter with a power-of-two number of bits, probed by double hashing. */
    private static final class Bloom {

        private final int capacity;
        private final long[] words;
        private final long mask;
        private int count;

        Bloom(int capacity) {
            this.capacity = capacity;
            long bits = bitsFor(capacity);
            this.words = new long[(int) (bits >>> 6)];
            this.mask = bits - 1;
        }

        /** At least {@code BITS_PER_ID} bits per id, rounded up to a power of two. */
        static long bitsFor(int capacity) {
            return Long.highestOneBit((long) capacity * BITS_PER_ID - 1) << 1;
        }

        static long bytesFor(int capacity) {
            return bitsFor(capacity) / 8;
        }

        boolean full() {
            return count >= capacity;
        }

        void add(long first, long second) {
            long h = first;
            for (int i = 0; i < PROBES; i++, h += second) {
                long bit = h & mask;
                words[(int) (bit >>> 6)] |= 1L << bit;
            }
            count++;
        }

        boolean mightContain(long first, long second) {
            long h = first;
            for (int i = 0; i < PROBES; i++, h += second) {
                long bit = h & mask;
                if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
