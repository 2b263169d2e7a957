package io.ovr.alpr.api.iq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ovr.alpr.api.auth.Authenticator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.apache.kafka.streams.state.HostInfo;

/**
 * Forwards live queries to the instance that owns the partitions, over HTTP/1.1 with keep-alive
 * connections. The request carries the hop header (the peer answers from its own state only and
 * never forwards again, so a request cannot loop), the caller's key, the request id and the client
 * address for the peer's audit entry.
 * <p>
 * Requests use the blocking {@code HttpClient#send}: {@code sendAsync} completes every response
 * through {@code CompletableFuture}'s default executor, which on machines with fewer than three
 * cores starts a new thread per response. Parallel requests (fan-out) run on a small pool of this
 * client's own threads instead.
 */
public final class PeerClient implements AutoCloseable {

    /** Marks a request forwarded by a peer; names that peer. */
    public static final String HOP_HEADER = "X-Alpr-Hop";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String FORWARDED_FOR_HEADER = "X-Forwarded-For";
    /** Path of the peer route; {@code {kind}} is the query kind. */
    public static final String PEER_PATH = "/internal/v1/live/";

    private static final int FAN_OUT_THREADS = 8;

    private final HttpClient http;
    private final ObjectMapper mapper;
    private final String self;
    private final Duration timeout;
    private final ExecutorService fanOut;

    public PeerClient(ObjectMapper mapper, HostInfo self, Duration timeout) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
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
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(peer, query, partitions, standby, caller))
                .timeout(timeout)
                .header(HOP_HEADER, self)
                .header(Authenticator.API_KEY_HEADER, caller.credentials())
                .header(REQUEST_ID_HEADER, caller.requestId())
                .header(FORWARDED_FOR_HEADER, caller.client())
                .header("Accept", "application/json")
                .GET();
        try {
            return answer(peer, query, http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException("peer " + peer.host() + ":" + peer.port() + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking peer " + peer.host() + ":" + peer.port(), e);
        }
    }

    @Override
    public void close() {
        fanOut.shutdownNow();
    }

    private <T> Part<T> answer(HostInfo peer, LiveQuery<T> query, HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new PeerException(peer, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        }
        try {
            PeerAnswer answer = mapper.readValue(response.body(), PeerAnswer.class);
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
