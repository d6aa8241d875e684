package dev.uip.definition.notify.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;

import dev.uip.definition.notify.config.NotifyConfig;

/** Sends a delivery as a plain-text email (subject: the notification's title) to the channel's recipients. */
@ApplicationScoped
public class EmailSender {

    @Inject
    ReactiveMailer mailer;

    @Inject
    NotifyConfig config;

    public Uni<Outcome> send(Claimed delivery) {
        Mail mail = Mail.withText(delivery.recipients().get(0), delivery.title(), delivery.text())
                .setTo(delivery.recipients()).addHeader("X-UIP-Delivery", delivery.deliveryId())
                .addHeader("X-UIP-Kind", delivery.kind().name());
        return mailer.send(mail).ifNoItem().after(config.delivery().timeout().multipliedBy(2)).fail()
                .map(ignored -> Outcome.delivered(null))
                .onFailure().recoverWithItem(failure -> Outcome.failed(null, false, "SMTP: " + failure));
    }
}
