package dev.uip.ingest.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import dev.uip.ingest.domain.Receipt;

/**
 * Recent validation outcomes by workspace and message id, and the requests waiting for them. Bounded: the oldest
 * outcomes are forgotten first.
 */
@ApplicationScoped
public class ReceiptBook {

    static final int CAPACITY = 100_000;

    private final Map<String, Receipt> outcomes = new LinkedHashMap<>(1024, 0.75f, false) {

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Receipt> eldest) {
            return size() > CAPACITY;
        }
    };
    private final Map<String, List<CompletableFuture<Receipt>>> waiting = new HashMap<>();

    /** How long after the last receipts request outcomes are still followed. */
    static final long INTEREST_MILLIS = 60_000;
    private long interestedSince = -1;
    private long lastInterest = -1;

    /**
     * Announces a request that will want receipts, before its events are published: outcomes are followed only while
     * someone asked recently, so an edge whose clients never ask reads nothing from the outcome topics.
     */
    public synchronized void expect() {
        long now = System.currentTimeMillis();
        if (interestedSince < 0) {
            interestedSince = now;
        }
        lastInterest = now;
    }

    /**
     * @return since when (epoch millis) receipts have been asked for without a pause of {@link #INTEREST_MILLIS}, or
     *         -1 when nobody asked recently; outcomes of events published after that time must be followed
     */
    public synchronized long interestedSince() {
        if (interestedSince >= 0 && System.currentTimeMillis() - lastInterest > INTEREST_MILLIS) {
            interestedSince = -1;
        }
        return interestedSince;
    }

    /** Records an outcome and wakes whoever waits for it. */
    public void record(String workspaceId, Receipt receipt) {
        List<CompletableFuture<Receipt>> waiters;
        synchronized (this) {
            String key = key(workspaceId, receipt.messageId());
            outcomes.put(key, receipt);
            waiters = waiting.remove(key);
        }
        if (waiters != null) {
            waiters.forEach(waiter -> waiter.complete(receipt));
        }
    }

    /** Whether a request is waiting for this message's outcome (then it is worth decoding in full). */
    public synchronized boolean awaited(String workspaceId, String messageId) {
        return waiting.containsKey(key(workspaceId, messageId));
    }

    /** The outcome of a message, now or when it becomes known. */
    public synchronized CompletableFuture<Receipt> outcome(String workspaceId, String messageId) {
        String key = key(workspaceId, messageId);
        Receipt known = outcomes.get(key);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        CompletableFuture<Receipt> future = new CompletableFuture<>();
        waiting.computeIfAbsent(key, k -> new ArrayList<>(1)).add(future);
        return future;
    }

    /** Stops waiting for a message (after a timeout), so abandoned waits do not pile up. */
    public synchronized void forget(String workspaceId, String messageId, CompletableFuture<Receipt> future) {
        String key = key(workspaceId, messageId);
        List<CompletableFuture<Receipt>> waiters = waiting.get(key);
        if (waiters != null && waiters.remove(future) && waiters.isEmpty()) {
            waiting.remove(key);
        }
    }

    private static String key(String workspaceId, String messageId) {
        return workspaceId + '\u0000' + messageId;
    }
}
