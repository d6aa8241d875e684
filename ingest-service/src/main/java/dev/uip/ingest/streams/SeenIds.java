package dev.uip.ingest.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Message ids remembered for a window in a window store: each id is kept under the start of its window-long slot with
 * its exact time as the value, so "seen within the window" is at most two point lookups (this slot and the one
 * before; a repeat within the window lands in one of them) rather than a range scan. A {@link SlotFilter} in front of
 * the store, filled from the store when the task starts and by every keep, spares the lookups for an id certainly
 * not there, the common case. Keys are encoded once per message (the bytes are those of the UTF-8 string, as a String
 * serde would write them).
 */
final class SeenIds {

    private final WindowStore<Bytes, byte[]> store;
    private final long window;

    private final SlotFilter filter;
    private long newestSlot = Long.MIN_VALUE;

    /**
     * Over {@code store}, with a filter of at most {@code filterBytes} learnt from the ids the store holds now (0: no
     * filter, every check asks the store).
     */
    SeenIds(WindowStore<Bytes, byte[]> store, Duration window, long filterBytes) {
        this.store = store;
        this.window = window.toMillis();
        this.filter = new SlotFilter(filterBytes);
        if (filterBytes > 0) {
            try (KeyValueIterator<Windowed<Bytes>, byte[]> all = store.all()) {
                while (all.hasNext()) {
                    Windowed<Bytes> kept = all.next().key;
                    filter.add(kept.key().get(), kept.window().start());
                }
            }
        }
    }

    /** The store key of {@code id}. */
    static Bytes key(String id) {
        return Bytes.wrap(id.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code key} was kept within the window before or after {@code at}. */
    boolean seen(Bytes key, long at) {
        long slot = slot(at);
        byte[] bytes = key.get();
        return filter.mightContain(bytes, slot) && within(store.fetch(key, slot), at)
                || slot >= window && filter.mightContain(bytes, slot - window)
                        && within(store.fetch(key, slot - window), at);
    }

    /** Keeps {@code key} as seen at {@code at}. */
    void keep(Bytes key, long at) {
        long slot = slot(at);
        store.put(key, ByteBuffer.allocate(Long.BYTES).putLong(at).array(), slot);
        filter.add(key.get(), slot);
        if (slot > newestSlot) {
            newestSlot = slot;
            // a lookup at the newest slot asks it and the one before; older slots answer "maybe" and ask the store
            filter.forgetBefore(slot - window);
        }
    }

    /** Heap the filter takes. */
    long filterBytes() {
        return filter.bytes();
    }

    private long slot(long at) {
        return at - at % window;
    }

    private boolean within(byte[] kept, long at) {
        return kept != null && kept.length == Long.BYTES && Math.abs(at - ByteBuffer.wrap(kept).getLong()) <= window;
    }
}
