package io.ovr.alpr.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The demo's alert receiver: a webhook endpoint on loopback, as an operator's system would run it.
 * It checks each delivery's HMAC-SHA256 signature ({@code X-Alpr-Signature: sha256=HMAC(secret,
 * "<X-Alpr-Timestamp>.<body>")}) and answers 401 to a bad one, so what it counts was really sent by
 * the alerts sink with the shared secret.
 */
public final class WebhookReceiver implements AutoCloseable {

    static final String PATH = "/alpr-webhook";
    private static final int KEEP = 200;
    private static final int MAX_BODY = 1 << 20;

    /** One verified delivery. */
    public record Delivery(String alertId, String plate, String kind, long receivedAtMillis) {
    }

    private final HttpServer server;
    private final byte[] secret;
    private final ObjectMapper mapper = new ObjectMapper();
    private final ArrayDeque<Delivery> deliveries = new ArrayDeque<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    private WebhookReceiver(HttpServer server, byte[] secret) {
        this.server = server;
        this.secret = secret.clone();
    }

    /** Starts a receiver on 127.0.0.1 on a free port. */
    public static WebhookReceiver start(String secret) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        WebhookReceiver receiver = new WebhookReceiver(server, secret.getBytes(StandardCharsets.UTF_8));
        server.createContext(PATH, receiver::handle);
        server.start();
        return receiver;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    public long accepted() {
        return accepted.get();
    }

    public long rejected() {
        return rejected.get();
    }

    /** The newest verified deliveries, newest last. */
    public synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY);
            }
            String timestamp = exchange.getRequestHeaders().getFirst("X-Alpr-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-Alpr-Signature");
            if (timestamp == null || signature == null || !valid(timestamp, body, signature)) {
                rejected.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            record(mapper.readTree(body));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private boolean valid(String timestamp, byte[] body, String signature) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    signature.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private synchronized void record(JsonNode alert) {
        accepted.incrementAndGet();
        deliveries.addLast(new Delivery(alert.path("alert_id").asText(null), alert.path("plate").asText(null),
                alert.path("kind").asText(null), System.currentTimeMillis()));
        while (deliveries.size() > KEEP) {
            deliveries.removeFirst();
        }
    }
}
