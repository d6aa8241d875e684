package dev.uip.audit.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import dev.uip.audit.domain.ChainCheck;
import dev.uip.audit.domain.ChainHead;
import dev.uip.audit.domain.ChainProblem;
import dev.uip.audit.domain.HeadsUnavailableException;
import dev.uip.audit.domain.StoredEntry;
import dev.uip.audit.domain.Verification;
import dev.uip.audit.messaging.PublishedHeads;
import dev.uip.audit.repository.EntryReader;

/**
 * Verifies a workspace's chain: reads its published head first (so that appends during the check cannot look like a
 * truncation; a head still being published is compared only up to what was published), then the chain in sequence
 * order, batch by batch, until the first break.
 */
@ApplicationScoped
public class ChainVerifier {

    private static final int BATCH = 1000;

    @Inject
    EntryReader reader;

    @Inject
    PublishedHeads heads;

    public Uni<Verification> verify(String workspace) {
        return Uni.createFrom().item(() -> heads.latest(workspace))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().transform(HeadsUnavailableException::new)
                .chain(head -> step(workspace, new ChainCheck(head.orElse(null)), 0,
                        head.map(ChainHead::sequence).orElse(null)));
    }

    private Uni<Verification> step(String workspace, ChainCheck check, long after, Long headSequence) {
        return reader.chain(workspace, after, BATCH).chain(batch -> {
            for (StoredEntry entry : batch) {
                Optional<ChainCheck.Break> broken = check.accept(entry);
                if (broken.isPresent()) {
                    return classify(workspace, check, broken.get(), entry)
                            .map(found -> broken(check, headSequence, found));
                }
            }
            if (batch.size() < BATCH) {
                return Uni.createFrom().item(check.finish().map(found -> broken(check, headSequence, found))
                        .orElseGet(() -> new Verification(true, check.entries(), headSequence, null, null, null)));
            }
            return step(workspace, check, batch.get(batch.size() - 1).sequence(), headSequence);
        });
    }

    private Uni<ChainCheck.Break> classify(String workspace, ChainCheck check, ChainCheck.Break found,
            StoredEntry entry) {
        if (found.problem() != ChainProblem.MODIFIED) {
            return Uni.createFrom().item(found);
        }
        return reader.linkedTo(workspace, check.previousHash())
                .map((List<StoredEntry> linked) -> check.classify(found, entry, linked));
    }

    private static Verification broken(ChainCheck check, Long headSequence, ChainCheck.Break found) {
        return new Verification(false, check.entries(), headSequence, found.sequence(), found.problem(),
                found.detail());
    }
}
