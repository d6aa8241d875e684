package dev.uip.definition.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.domain.CallType;
import dev.uip.definition.quarantine.service.QuarantineReleases;
import dev.uip.definition.rest.DefinitionView;

/**
 * Releases a definition's events quarantined for SCHEMA_VIOLATION when a new version of it is published and its
 * autoRelease option is on (actor {@value QuarantineReleases#AUTO_RELEASE}). The definition's change has committed
 * already, so a failure here does not undo it: it is logged, and the events wait for a manual release.
 */
@ApplicationScoped
public class AutoRelease {

    private static final Logger LOG = Logger.getLogger(AutoRelease.class);

    @Inject
    QuarantineReleases releases;

    Uni<Void> afterPublish(DefinitionView view, boolean published) {
        if (!published || !view.autoRelease() || view.callType() != CallType.TRACK) {
            return Uni.createFrom().voidItem();
        }
        return releases.autoRelease(view.workspace(), view.name())
                .invoke(result -> LOG.infof("auto-release of '%s' in %s after version %d: %d events (release %s)",
                        view.name(), view.workspace(), view.version(), result.count(), result.id()))
                .onFailure().invoke(failure -> LOG.errorf("auto-release of '%s' in %s after version %d failed; its"
                        + " quarantined events wait for a manual release: %s", view.name(), view.workspace(),
                        view.version(), failure))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
