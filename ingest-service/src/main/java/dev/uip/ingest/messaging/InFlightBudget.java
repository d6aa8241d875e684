package dev.uip.ingest.messaging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.uip.ingest.domain.BrokerBackloggedException;

/**
 * Counts the events and bytes handed to the producer and not yet settled (acknowledged or failed), in total and per
 * workspace, and refuses a request that would go beyond the limits: one workspace's backlog cannot hold the memory
 * that other workspaces' requests need.
 */
public final class InFlightBudget {

    private final int maxEvents;
    private final long maxBytesPerWorkspace;
    private final AtomicInteger events = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    /** Only workspaces with something in flight have an entry, so the map is as small as the backlog. */
    private final ConcurrentHashMap<String, Long> byWorkspace = new ConcurrentHashMap<>();

    public InFlightBudget(int maxEvents, long maxBytesPerWorkspace) {
        this.maxEvents = maxEvents;
        this.maxBytesPerWorkspace = maxBytesPerWorkspace;
    }

    /** One request's share of the budget, given back when the last of its records is settled. */
    public final class Lease {

        private final String workspace;
        private final int count;
        private final long size;
        private final AtomicInteger unsettled;

        private Lease(String workspace, int count, long size) {
            this.workspace = workspace;
            this.count = count;
            this.size = size;
            this.unsettled = new AtomicInteger(count);
        }

        /** Marks records as done (acknowledged, failed or never sent); the last one gives the share back, once. */
        public void settle(int records) {
            if (unsettled.addAndGet(-records) == 0) {
                release(this);
            }
        }
    }

    /**
     * Takes a request's share. A workspace with nothing in flight always gets its request through (a request is
     * bounded by the edge's own limits), so a budget smaller than one request cannot lock a workspace out.
     *
     * @throws BrokerBackloggedException when the total events or the workspace's bytes would exceed the limits
     */
    public Lease acquire(String workspace, int count, long size) {
        if (events.addAndGet(count) > maxEvents) {
            events.addAndGet(-count);
            throw new BrokerBackloggedException("more than " + maxEvents
                    + " events are waiting for the broker's acknowledgement");
        }
        boolean[] refused = {false};
        byWorkspace.compute(workspace, (ws, used) -> {
            long now = used == null ? 0 : used;
            if (now > 0 && now + size > maxBytesPerWorkspace) {
                refused[0] = true;
                return used;
            }
            return now + size;
        });
        if (refused[0]) {
            events.addAndGet(-count);
            throw new BrokerBackloggedException("workspace " + workspace + " has more than "
                    + maxBytesPerWorkspace / (1024 * 1024) + " MB of events waiting for the broker's acknowledgement");
        }
        bytes.addAndGet(size);
        Lease lease = new Lease(workspace, count, size);
        if (count == 0) {
            release(lease);
        }
        return lease;
    }

    private void release(Lease lease) {
        events.addAndGet(-lease.count);
        bytes.addAndGet(-lease.size);
        byWorkspace.computeIfPresent(lease.workspace, (ws, used) -> used - lease.size <= 0 ? null : used - lease.size);
    }

    /** Bytes in flight over all workspaces. */
    public long bytes() {
        return bytes.get();
    }

    /** Events in flight over all workspaces. */
    public int events() {
        return events.get();
    }

    /** Bytes of this workspace in flight. */
    public long bytes(String workspace) {
        return byWorkspace.getOrDefault(workspace, 0L);
    }

    /** How many workspaces have something in flight. */
    public int workspaces() {
        return byWorkspace.size();
    }
}
