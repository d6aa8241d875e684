package dev.uip.definition.notify.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import dev.uip.definition.DefinitionStack;

/** An email channel sends over SMTP to a real server in the test JVM: subject the title, to every recipient. */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
@QuarkusTestResource(SmtpServer.class)
class EmailTest {

    final String ws = "nt-em-" + UUID.randomUUID().toString().substring(0, 8);

    GreenMail mail;

    @Test
    void aTestReachesEveryRecipientWithTheTitleAsSubject() throws Exception {
        Notify.workspace(ws);
        String a = "oncall-" + ws + "@example.com";
        String b = "lead-" + ws + "@example.org";
        String channel = Notify.channel(ws, "{\"name\":\"mail\",\"kind\":\"EMAIL\",\"recipients\":[\"" + a + "\",\""
                + b + "\"]}").getString("id");
        JsonPath settled = Notify.settled(ws, Notify.test(ws, channel));
        assertEquals("DELIVERED", settled.getString("deliveries[0].status"));

        List<MimeMessage> ours = Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(a));
            } catch (Exception e) {
                return false;
            }
        }).toList();
        // GreenMail keeps one copy per recipient.
        assertEquals(2, ours.size(), "one message per recipient");
        MimeMessage message = ours.get(0);
        assertEquals("Test notification from UIP", message.getSubject());
        assertEquals(List.of(a, b), Arrays.stream(message.getRecipients(MimeMessage.RecipientType.TO))
                .map(Address::toString).toList());
        assertEquals("uip@test.example.com", message.getFrom()[0].toString());
        assertTrue(GreenMailUtil.getBody(message).contains("Channel 'mail' works"), GreenMailUtil.getBody(message));
    }
}
