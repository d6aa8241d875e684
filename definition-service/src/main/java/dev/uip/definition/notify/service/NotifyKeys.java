package dev.uip.definition.notify.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;

import dev.uip.definition.notify.config.NotifyConfig;
import dev.uip.definition.notify.domain.WebhookSignature;

/**
 * Everything made from the notify master key ({@code uip.notify.key}): the webhook signing secrets
 * (HMAC-SHA256(key, "channelId:version"), never stored) and the AES-GCM sealing of channel URLs (under a key derived
 * from the master key, the channel id as associated data). A missing or malformed key stops the service at start.
 */
@ApplicationScoped
@Startup
public class NotifyKeys {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final byte[] master;
    private final SecretKeySpec sealing;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public NotifyKeys(NotifyConfig config) {
        this(config.key());
    }

    NotifyKeys(String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("uip.notify.key (UIP_NOTIFY_KEY) is not base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("uip.notify.key (UIP_NOTIFY_KEY) must be 32 bytes, base64-encoded");
        }
        this.master = key;
        this.sealing = new SecretKeySpec(WebhookSignature.hmac(master,
                "uip-notify/target-encryption/v1".getBytes(StandardCharsets.UTF_8)), "AES");
    }

    /** The signing secret of webhook {@code channelId} at {@code version}: 64 hex characters. */
    public String signingSecret(String channelId, int version) {
        return HexFormat.of().formatHex(WebhookSignature.hmac(master,
                (channelId + ":" + version).getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code url} encrypted for channel {@code channelId}: base64 of nonce and ciphertext. */
    public String seal(String channelId, String url) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, channelId, nonce, url.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce)
                .put(sealed).array());
    }

    /** The URL that {@link #seal} encrypted for {@code channelId}. */
    public String open(String channelId, String sealed) {
        byte[] bytes = Base64.getDecoder().decode(sealed);
        byte[] nonce = Arrays.copyOfRange(bytes, 0, NONCE_BYTES);
        byte[] body = Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length);
        return new String(cipher(Cipher.DECRYPT_MODE, channelId, nonce, body), StandardCharsets.UTF_8);
    }

    private byte[] cipher(int mode, String channelId, byte[] nonce, byte[] data) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, sealing, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(channelId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a channel target could not be " + (mode == Cipher.ENCRYPT_MODE
                    ? "encrypted"
                    : "decrypted (was uip.notify.key changed?)"), e);
        }
    }
}
