package dev.uip.definition.notify.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-UIP-Signature} header of a webhook: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>}
 * where secret is the channel's signing secret (the UTF-8 bytes of the string returned at creation or rotation).
 */
public final class WebhookSignature {

    public static final String HEADER = "X-UIP-Signature";

    private WebhookSignature() {
    }

    /** The header value for {@code body} sent at {@code epochSeconds}. */
    public static String header(String secret, long epochSeconds, String body) {
        return "t=" + epochSeconds + ",v1=" + hmacHex(secret, epochSeconds + "." + body);
    }

    /** Hex HMAC-SHA256 of {@code text} under the UTF-8 bytes of {@code secret}. */
    public static String hmacHex(String secret, String text) {
        return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8),
                text.getBytes(StandardCharsets.UTF_8)));
    }

    /** HMAC-SHA256. */
    public static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
