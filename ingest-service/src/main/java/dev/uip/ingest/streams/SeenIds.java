package dev.uip.ingest.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Message ids remembered for a window in a window store: each id is kept under the start of its window-long slot with
 * its exact time as the value, so "seen within the window" is two point lookups (this slot and the one before; a
 * repeat within the window lands in one of them) rather than a range scan. Keys are encoded once per message (the
 * bytes are those of the UTF-8 string, as a String serde would write them).
 */
final class SeenIds {

    private final WindowStore<Bytes, byte[]> store;
    private final long window;

    SeenIds(WindowStore<Bytes, byte[]> store, Duration window) {
        this.store = store;
        this.window = window.toMillis();
    }

    /** The store key of {@code id}. */
    static Bytes key(String id) {
        return Bytes.wrap(id.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code key} was kept within the window before or after {@code at}. */
    boolean seen(Bytes key, long at) {
        long slot = slot(at);
        return within(store.fetch(key, slot), at) || slot >= window && within(store.fetch(key, slot - window), at);
    }

    /** Keeps {@code key} as seen at {@code at}. */
    void keep(Bytes key, long at) {
        store.put(key, ByteBuffer.allocate(Long.BYTES).putLong(at).array(), slot(at));
    }

    private long slot(long at) {
        return at - at % window;
    }

    private boolean within(byte[] kept, long at) {
        return kept != null && kept.length == Long.BYTES && Math.abs(at - ByteBuffer.wrap(kept).getLong()) <= window;
    }
}
