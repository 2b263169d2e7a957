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
import java.util.stream.Collectors;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Forwards live queries to the instance that owns the partitions, over HTTP/1.1 with keep-alive
 * connections. The request carries the hop header (the peer answers from its own state only and
 * never forwards again, so a request cannot loop), the caller's key, the request id and the client
 * address for the peer's audit entry.
 */
public final class PeerClient {

    /** Marks a request forwarded by a peer; names that peer. */
    public static final String HOP_HEADER = "X-Alpr-Hop";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String FORWARDED_FOR_HEADER = "X-Forwarded-For";
    /** Path of the peer route; {@code {kind}} is the query kind. */
    public static final String PEER_PATH = "/internal/v1/live/";

    private final HttpClient http;
    private final ObjectMapper mapper;
    private final String self;
    private final Duration timeout;

    public PeerClient(ObjectMapper mapper, HostInfo self, Duration timeout) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        this.mapper = mapper;
        this.self = self.host() + ":" + self.port();
        this.timeout = timeout;
    }

    /** Asks {@code peer} for its rows of {@code partitions}; completes exceptionally on any failure. */
    public <T> CompletableFuture<Part<T>> read(HostInfo peer, LiveQuery<T> query, Set<Integer> partitions,
                                               boolean standby, Caller caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(peer, query, partitions, standby, caller))
                .timeout(timeout)
                .header(HOP_HEADER, self)
                .header(Authenticator.API_KEY_HEADER, caller.credentials())
                .header(REQUEST_ID_HEADER, caller.requestId())
                .header(FORWARDED_FOR_HEADER, caller.client())
                .header("Accept", "application/json")
                .GET();
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> answer(peer, query, response));
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
