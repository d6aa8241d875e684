package dev.uip.ingest.service;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;

import dev.uip.ingest.domain.Receipt;

/** Waits, briefly and without blocking, for the validation outcome of each message of a request. */
@ApplicationScoped
public class Receipts {

    @Inject
    ReceiptBook book;

    @ConfigProperty(name = "uip.ingest.receipt-timeout", defaultValue = "5s")
    Duration timeout;

    /** Announces, before publishing, a request that will wait for receipts. */
    public void expect() {
        book.expect();
    }

    /** One receipt per id, in order; a message not validated within the timeout is reported as pending. */
    public Uni<List<Receipt>> await(String workspaceId, List<String> messageIds) {
        List<CompletableFuture<Receipt>> outcomes = messageIds.stream().map(id -> {
            CompletableFuture<Receipt> outcome = book.outcome(workspaceId, id);
            return outcome.completeOnTimeout(Receipt.pending(id), timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((receipt, failure) -> book.forget(workspaceId, id, outcome));
        }).toList();
        return Uni.createFrom().completionStage(CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)))
                .map(ignored -> outcomes.stream().map(CompletableFuture::join).toList());
    }
}
