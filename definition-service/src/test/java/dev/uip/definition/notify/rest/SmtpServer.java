package dev.uip.definition.notify.rest;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/** A real SMTP server in the test JVM (GreenMail, on a free port) that the mailer of email channels sends to. */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    private GreenMail mail;

    @Override
    public Map<String, String> start() {
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port",
                String.valueOf(mail.getSmtp().getPort()), "quarkus.mailer.from", "uip@test.example.com");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(mail, new TestInjector.MatchesType(GreenMail.class));
    }

    @Override
    public void stop() {
        if (mail != null) {
            mail.stop();
        }
    }
}
