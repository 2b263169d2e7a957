package io.ovr.alpr.api.iq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ovr.alpr.api.auth.Authenticator;
import io.ovr.alpr.api.auth.PeerSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Forwards live queries to the instance that owns the partitions, over HTTP/1.1 with keep-alive
 * connections. The request carries the hop header (the peer answers from its own state only and
 * never forwards again, so a request cannot loop), the caller's key, the request id, the client
 * address, and a signature over all of them ({@link PeerSignature}) without which the peer
 * refuses it.
 * <p>
 * Requests run on the calling thread with Apache HttpClient's classic (blocking) client and a pool
 * of keep-alive connections per peer: the request is written and the answer read by the request's
 * own thread, with no hand-off to selector or completion threads (the JDK's {@code HttpClient}
 * passes every exchange through its selector thread and an executor, which cost more CPU than the
 * lookup itself on a small machine: see {@code alpr bench api}). Parallel requests (fan-out) run
 * on a small pool of this client's own threads.
 */
public final class PeerClient implements AutoCloseable {

    /** Marks a request forwarded by a peer; names that peer. */
    public static final String HOP_HEADER = "X-Alpr-Hop";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String FORWARDED_FOR_HEADER = "X-Forwarded-For";
    /** Path of the peer route; {@code {kind}} is the query kind. */
    public static final String PEER_PATH = "/internal/v1/live/";

    private static final int FAN_OUT_THREADS = 8;
    /** Keep-alive connections kept per peer (one per concurrently forwarding request thread). */
    private static final int CONNECTIONS_PER_PEER = 64;

    private final CloseableHttpClient http;
    private final ObjectMapper mapper;
    private final String self;
    private final Duration timeout;
    private final ExecutorService fanOut;
    private final PeerSignature signature;

    public PeerClient(ObjectMapper mapper, HostInfo self, Duration timeout, PeerSignature signature) {
        this.signature = signature;
        Timeout limit = Timeout.of(timeout);
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(CONNECTIONS_PER_PEER)
                        .setMaxConnTotal(CONNECTIONS_PER_PEER * 4)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(limit).setSocketTimeout(limit)
                                // a peer that restarted closed its end: check a connection idle this long before use
                                .setValidateAfterInactivity(TimeValue.ofSeconds(1)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(limit).setResponseTimeout(limit).build())
                // no retries: a peer's 503 goes back to the caller at once, not after a retry pause
                .disableAutomaticRetries()
                .evictIdleConnections(TimeValue.ofMinutes(1))
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .build();
        this.mapper = mapper;
        this.self = self.host() + ":" + self.port();
        this.timeout = timeout;
        AtomicInteger threads = new AtomicInteger();
        this.fanOut = Executors.newFixedThreadPool(FAN_OUT_THREADS, task -> {
            Thread thread = new Thread(task, "alpr-peer-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Asks {@code peer} on a pool thread, for fan-out; the future fails with the cause of any failure. */
    public <T> CompletableFuture<Part<T>> readAsync(HostInfo peer, LiveQuery<T> query, Set<Integer> partitions,
                                                    boolean standby, Caller caller) {
        return CompletableFuture.supplyAsync(() -> read(peer, query, partitions, standby, caller), fanOut);
    }

    /** Asks {@code peer} for its rows of {@code partitions} on the calling thread; throws on any failure. */
    public <T> Part<T> read(HostInfo peer, LiveQuery<T> query, Set<Integer> partitions, boolean standby,
                            Caller caller) {
        URI uri = uri(peer, query, partitions, standby, caller);
        HttpGet request = new HttpGet(uri);
        request.setHeader(PeerSignature.HEADER, signature.sign(new PeerSignature.Signed(uri.getRawPath(),
                uri.getRawQuery(), caller.requestId(), self, caller.client(), caller.credentials())));
        request.setHeader(HOP_HEADER, self);
        request.setHeader(Authenticator.API_KEY_HEADER, caller.credentials());
        request.setHeader(REQUEST_ID_HEADER, caller.requestId());
        request.setHeader(FORWARDED_FOR_HEADER, caller.client());
        request.setHeader("Accept", "application/json");
        try {
            return http.execute(request, response -> answer(peer, query, response.getCode(),
                    response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity())));
        } catch (IOException e) {
            throw new UncheckedIOException("peer " + peer.host() + ":" + peer.port() + " unreachable: " + e, e);
        }
    }

    @Override
    public void close() {
        fanOut.shutdownNow();
        http.close(CloseMode.IMMEDIATE);
    }

    private <T> Part<T> answer(HostInfo peer, LiveQuery<T> query, int status, byte[] body) {
        if (status != 200) {
            throw new PeerException(peer, status, new String(body, StandardCharsets.UTF_8));
        }
        try {
            PeerAnswer answer = mapper.readValue(body, PeerAnswer.class);
            var rows = answer.rows().stream().map((JsonNode row) -> mapper.convertValue(row, query.rowType()))
                    .toList();
            return new Part<>(rows, answer.partitions(), answer.instance(), answer.stale());
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable answer from " + peer, e);
        }
    }

    private static URI uri(HostInfo peer, LiveQuery<?> query, Set<Integer> partitions, boolean standby,
                           Caller caller) {
        Map<String, String> params = new TreeMap<>(query.parameters());
        params.put("partitions", partitions.stream().map(String::valueOf).collect(Collectors.joining(",")));
        params.put("standby", Boolean.toString(standby));
        caller.purpose().ifPresent(p -> params.put("purpose", p));
        String queryString = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create("http://" + peer.host() + ":" + peer.port() + PEER_PATH + query.kind() + "?" + queryString);
    }

    /** A peer answered with something other than 200. */
    public static final class PeerException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final int status;

        PeerException(HostInfo peer, int status, String body) {
            super("peer " + peer.host() + ":" + peer.port() + " answered " + status + ": "
                    + body.substring(0, Math.min(200, body.length())), null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
