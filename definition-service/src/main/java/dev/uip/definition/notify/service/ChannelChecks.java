package dev.uip.definition.notify.service;

import java.net.InetAddress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.uip.definition.notify.config.NotifyConfig;
import dev.uip.definition.notify.domain.ChannelRules;
import dev.uip.definition.notify.domain.TargetCheck;

/** Makes the target check and channel rules from the notify configuration, resolving hosts with the JDK. */
@ApplicationScoped
public class ChannelChecks {

    @Produces
    @ApplicationScoped
    TargetCheck targetCheck(NotifyConfig config) {
        return new TargetCheck(config.allowHttp(), config.allowPrivateTargets(), config.maxUrlLength(),
                config.maxRecipients(), InetAddress::getAllByName);
    }

    @Produces
    @ApplicationScoped
    ChannelRules channelRules(TargetCheck targets) {
        return new ChannelRules(targets);
    }
}
