package io.ovr.alpr.sinks.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ovr.alpr.schema.PlateEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** Plain HTTP reads of the search node for the tests (independent of the client the sink uses). */
final class SearchProbe {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String url;

    SearchProbe(String url) {
        this.url = url;
    }

    /** How many documents of {@code events} the alias holds (refreshing first). */
    long count(List<PlateEvent> events) {
        return send("POST", "/" + EventIndex.ALIAS + "/_count", Map.of("query", Map.of("ids", Map.of("values",
                events.stream().map(PlateEvent::getEventId).toList())))).path("count").asLong(-1);
    }

    JsonNode source(String eventId) {
        JsonNode hits = send("POST", "/" + EventIndex.ALIAS + "/_search", Map.of("query",
                Map.of("ids", Map.of("values", List.of(eventId))))).path("hits").path("hits");
        return hits.size() == 1 ? hits.get(0).path("_source") : null;
    }

    JsonNode search(Map<String, Object> body) {
        return send("POST", "/" + EventIndex.ALIAS + "/_search", body);
    }

    JsonNode send(String method, String path, Object body) {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(url + "/_refresh")).POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + path))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
