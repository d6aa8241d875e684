package dev.uip.definition.notify.messaging;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.definition.notify.config.NotifyConfig;
import dev.uip.definition.notify.domain.ChannelKind;
import dev.uip.definition.notify.domain.InvalidNotifyRequestException;
import dev.uip.definition.notify.domain.SlackText;
import dev.uip.definition.notify.domain.TargetCheck;
import dev.uip.definition.notify.domain.WebhookSignature;
import dev.uip.definition.notify.service.NotifyKeys;

/**
 * Sends a delivery to a webhook (the payload, signed: {@code X-UIP-Signature}, {@code X-UIP-Delivery},
 * {@code X-UIP-Kind}) or a Slack-compatible webhook ({@code {"text": mrkdwn}}): no redirects followed, connect and
 * answer within the timeout, at most the configured bytes of the answer read, the target checked again first.
 */
@ApplicationScoped
public class HttpSender {

    @Inject
    NotifyConfig config;

    @Inject
    NotifyKeys keys;

    @Inject
    TargetCheck targets;

    @Inject
    ObjectMapper json;

    private HttpClient client;

    @PostConstruct
    void init() {
        client = HttpClient.newBuilder().connectTimeout(config.delivery().timeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    public Uni<Outcome> send(Claimed delivery) {
        URI target;
        try {
            target = URI.create(keys.open(delivery.channelId(), delivery.sealedTarget()));
            targets.reachable("url", target);
        } catch (InvalidNotifyRequestException e) {
            return Uni.createFrom().item(Outcome.failed(null, false, e.getMessage()));
        } catch (RuntimeException e) {
            return Uni.createFrom().item(Outcome.failed(null, true, "the channel's target cannot be read"));
        }
        Duration timeout = config.delivery().timeout();
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout)
                .header("Content-Type", "application/json").header("User-Agent", "UIP-Notify/1");
        String body;
        if (delivery.channelKind() == ChannelKind.SLACK) {
            body = json.createObjectNode().put("text", SlackText.of(delivery.title(), delivery.text(), link(delivery)))
                    .toString();
        } else {
            body = delivery.payload();
            String secret = keys.signingSecret(delivery.channelId(), delivery.secretVersion());
            request.header(WebhookSignature.HEADER, WebhookSignature.header(secret, Instant.now().getEpochSecond(),
                    body)).header("X-UIP-Delivery", delivery.deliveryId())
                    .header("X-UIP-Kind", delivery.kind().name());
        }
        int max = config.delivery().maxResponseBytes();
        return Uni.createFrom()
                .completionStage(() -> client
                        .sendAsync(request.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                                .build(), info -> new LimitedBody(max))
                        // The request timeout ends at the answer's headers; this one also bounds reading its body.
                        .orTimeout(timeout.toMillis() * 2, TimeUnit.MILLISECONDS))
                .map(response -> Outcome.ofHttp(response.statusCode(), response.body()))
                .onFailure().recoverWithItem(HttpSender::failure);
    }

    private String link(Claimed delivery) {
        JsonNode payload;
        try {
            payload = json.readTree(delivery.payload());
        } catch (Exception e) {
            payload = json.missingNode();
        }
        String given = payload.path("link").asText(null);
        if (given != null && (given.startsWith("https://") || given.startsWith("http://"))) {
            return given;
        }
        return config.linkBaseUrl().map(base -> base.replaceAll("/+$", "") + "/notifications/"
                + URLEncoder.encode(delivery.notificationId(), StandardCharsets.UTF_8)).orElse(null);
    }

    private static Outcome failure(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause != cause.getCause()) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return Outcome.failed(null, false, "timed out");
        }
        String message = cause.getMessage();
        return Outcome.failed(null, false, cause.getClass().getSimpleName() + (message == null
                ? ""
                : ": "
                        + message));
    }
}
