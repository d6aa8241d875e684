package dev.uip.audit.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import dev.uip.audit.service.AuditTrail;
import dev.uip.schemas.DefinitionChanged;

/** Feeds every record of definition-changes into the audit trail; the offset is committed once it is stored. */
@ApplicationScoped
public class DefinitionChangeConsumer {

    private static final Logger LOG = Logger.getLogger(DefinitionChangeConsumer.class);

    @Inject
    AuditTrail trail;

    @Incoming("definition-changes")
    public Uni<Void> consume(DefinitionChanged change) {
        return trail.record(change).invoke(stored -> {
            if (!stored) {
                LOG.debugf("Change %s is already in the audit trail", change.getChangeId());
            }
        }).replaceWithVoid();
    }
}
