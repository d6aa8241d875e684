package dev.uip.definition.notify.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;

import org.junit.jupiter.api.Test;

/** Secrets derived from the notify key, URLs sealed under it, and a missing or short key refused at start. */
class NotifyKeysTest {

    private final NotifyKeys keys = new NotifyKeys(Base64.getEncoder().encodeToString(new byte[32]));

    @Test
    void secretsAreDerivedPerChannelAndVersion() {
        assertEquals(keys.signingSecret("c1", 1), keys.signingSecret("c1", 1));
        assertNotEquals(keys.signingSecret("c1", 1), keys.signingSecret("c1", 2));
        assertNotEquals(keys.signingSecret("c1", 1), keys.signingSecret("c2", 1));
        NotifyKeys other = new NotifyKeys(Base64.getEncoder().encodeToString(new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9,
                10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}));
        assertNotEquals(keys.signingSecret("c1", 1), other.signingSecret("c1", 1));
    }

    @Test
    void aSealedUrlOpensOnlyForItsChannelAndKey() {
        String url = "https://hooks.slack.com/services/T000/B000/XXXX";
        String sealed = keys.seal("c1", url);
        assertFalse(sealed.contains("hooks.slack.com"));
        assertNotEquals(sealed, keys.seal("c1", url), "a fresh nonce each time");
        assertEquals(url, keys.open("c1", sealed));
        assertThrows(IllegalStateException.class, () -> keys.open("c2", sealed));
    }

    @Test
    void aMissingOrMalformedKeyIsRefused() {
        assertThrows(IllegalStateException.class, () -> new NotifyKeys(""));
        assertThrows(IllegalStateException.class, () -> new NotifyKeys("not base64!"));
        assertThrows(IllegalStateException.class,
                () -> new NotifyKeys(Base64.getEncoder().encodeToString(new byte[16])));
    }
}
