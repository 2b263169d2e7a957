package io.ovr.alpr.api.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.ovr.alpr.api.backend.Required;
import io.ovr.alpr.api.http.ApiException;
import io.ovr.alpr.api.http.Cursor;
import io.ovr.alpr.sinks.search.EventIndex;
import io.ovr.alpr.sinks.search.SearchClient;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plate search on the {@code alpr-events} alias: one typed query per request, sorted by capture
 * time (newest first, then event id), paged with {@code search_after} cursors, with facets on the
 * first page. A cluster that cannot answer is a 503.
 */
public final class SearchService {

    static final String CURSOR = "search";
    static final int TRACK_TOTAL = 10_000;
    /** What a hit shows: the indexed event without its object-store keys. */
    static final List<String> FIELDS = List.of("event_id", "captured_at", "camera_id", "camera_name", "site",
            "location", "plate_text", "normalized", "folded", "confidence", "candidates", "region",
            "region_confidence", "vehicle_type", "vehicle_make", "vehicle_model", "vehicle_color", "latitude",
            "longitude", "heading", "direction", "read_count", "first_seen", "last_seen", "image_url",
            "plate_image_url");
    private static final Logger LOG = LoggerFactory.getLogger(SearchService.class);
    private static final String TIMEOUT = "10s";

    private final Required<SearchClient> search;

    public SearchService(Required<SearchClient> search) {
        this.search = search;
    }

    public SearchResult search(PlateTerm term, SearchFilters filters, int limit, Optional<String> cursor) {
        Optional<Cursor> after = cursor.map(raw -> Cursor.decode(raw, CURSOR, 2));
        SearchRequest request = request(term, filters, limit, after);
        SearchResponse<JsonNode> response;
        try {
            response = search.get().client().search(request, JsonNode.class);
        } catch (OpenSearchException e) {
            return refused(e);
        } catch (IOException e) {
            LOG.warn("search cluster unreachable: {}", e.toString());
            throw ApiException.unavailable("search: the search cluster cannot answer now; retry shortly");
        }
        return result(response, limit);
    }

    private static SearchRequest request(PlateTerm term, SearchFilters filters, int limit, Optional<Cursor> after) {
        return SearchRequest.of(r -> {
            r.index(EventIndex.ALIAS).ignoreUnavailable(true).allowNoIndices(true).timeout(TIMEOUT)
                    .query(SearchQueries.query(term, filters)).sort(SearchQueries.sort()).size(limit + 1)
                    .source(s -> s.filter(f -> f.includes(FIELDS))).trackTotalHits(t -> t.count(TRACK_TOTAL));
            after.ifPresent(c -> r.searchAfter(FieldValue.of(c.instant(0).toEpochMilli()), FieldValue.of(c.text(1))));
            if (after.isEmpty()) {
                r.aggregations(SearchQueries.CAMERAS, SearchQueries.facet("camera_id"))
                        .aggregations(SearchQueries.REGIONS, SearchQueries.facet("region"));
            }
            return r;
        });
    }

    private static SearchResult result(SearchResponse<JsonNode> response, int limit) {
        List<Hit<JsonNode>> hits = response.hits().hits();
        List<Hit<JsonNode>> page = hits.subList(0, Math.min(limit, hits.size()));
        String next = null;
        if (hits.size() > limit) {
            List<FieldValue> sort = page.get(page.size() - 1).sort();
            next = Cursor.of(CURSOR, Instant.ofEpochMilli(sort.get(0).longValue()), sort.get(1).stringValue()).encode();
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        String relation = response.hits().total() == null ? "eq"
                : response.hits().total().relation().jsonValue().toLowerCase(Locale.ROOT);
        Map<String, List<SearchResult.Facet>> facets = new LinkedHashMap<>();
        response.aggregations().forEach((name, aggregate) -> facets.put(name, facet(aggregate)));
        return new SearchResult(total, relation, page.stream().map(Hit::source).toList(), next, facets);
    }

    private static List<SearchResult.Facet> facet(Aggregate aggregate) {
        return aggregate.sterms().buckets().array().stream()
                .map(b -> new SearchResult.Facet(b.key(), b.docCount())).toList();
    }

    /** No event index yet: nothing matches. Anything else the cluster refuses is not the client's to retry. */
    private static SearchResult refused(OpenSearchException e) {
        if (e.status() == 404) {
            return new SearchResult(0, "eq", List.of(), null, Map.of());
        }
        LOG.warn("search refused: HTTP {} {}", e.status(), e.getMessage());
        if (e.status() == 429 || e.status() >= 500) {
            throw ApiException.unavailable("search: the search cluster is overloaded or failing; retry shortly");
        }
        throw ApiException.badRequest("q", "the search cluster refused this search (" + e.error().type() + ")");
    }
}
