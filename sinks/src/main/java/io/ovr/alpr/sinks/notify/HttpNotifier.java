package io.ovr.alpr.sinks.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook and Slack channels over HTTP. A webhook receives the alert as JSON with
 * {@code X-Alpr-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">}, {@code X-Alpr-Timestamp}
 * (epoch seconds, against replays) and {@code X-Alpr-Alert-Id} (for receivers to drop duplicates).
 * Slack receives {@code {"text": summary}}.
 */
final class HttpNotifier implements Notifier {

    static final String SIGNATURE_HEADER = "X-Alpr-Signature";
    static final String TIMESTAMP_HEADER = "X-Alpr-Timestamp";
    static final String ALERT_ID_HEADER = "X-Alpr-Alert-Id";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChannelConfig config;
    private final HttpClient http;
    private final Clock clock;

    HttpNotifier(ChannelConfig config, HttpClient http, Clock clock) {
        if (config.type() == ChannelType.WEBHOOK && (config.secret() == null || config.secret().isEmpty())) {
            throw new IllegalArgumentException("webhook channel " + config.name() + " needs an HMAC secret");
        }
        this.config = config;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public int deliver(AlertMessage message) throws DeliveryException {
        String body = config.type() == ChannelType.SLACK ? slackBody(message) : message.json();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.url()))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header(ALERT_ID_HEADER, message.alertId())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (config.type() == ChannelType.WEBHOOK) {
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            request.header(TIMESTAMP_HEADER, timestamp)
                    .header(SIGNATURE_HEADER, "sha256=" + sign(config.secret(), timestamp + "." + body));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new DeliveryException("timed out after " + config.timeout().toMillis() + " ms", true, null, e);
        } catch (IOException e) {
            throw new DeliveryException(e.getClass().getSimpleName() + ": " + e.getMessage(), true, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted", true, null, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return status;
        }
        boolean retryable = status == 408 || status == 429 || status >= 500;
        throw new DeliveryException("HTTP " + status, retryable, status, null);
    }

    /** Hex HMAC-SHA256 of {@code payload} under {@code secret}. */
    static String sign(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static String slackBody(AlertMessage message) {
        try {
            return JSON.writeValueAsString(Map.of("text", ":rotating_light: " + message.summary()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
