package dev.uip.definition.client;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/** Runs asynchronous work one piece at a time, in the order it was asked for, without blocking a thread. */
final class OneAtATime {

    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);

    /** Runs {@code work} once everything asked for before it has ended (in success, failure or cancellation). */
    <T> Uni<T> run(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            CompletableFuture<Void> previous;
            synchronized (this) {
                previous = last;
                last = done;
            }
            return Uni.createFrom().completionStage(previous)
                    .chain(ignored -> work.get())
                    // Also when cancelled while still waiting: the next one starts only after the previous ended.
                    .onTermination().invoke(() -> previous.whenComplete((ignored, failure) -> done.complete(null)));
        });
    }
}
