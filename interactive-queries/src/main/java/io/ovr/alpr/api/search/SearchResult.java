package io.ovr.alpr.api.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One page of search results.
 *
 * @param total matching events; exact up to 10,000 ({@code total_relation} {@code eq}), a lower bound beyond ({@code gte})
 * @param hits the events of this page as indexed (object-store keys left out)
 * @param next the cursor of the following page, or null on the last page
 * @param facets top values of {@code cameras} and {@code regions} over all matches (first page only)
 */
public record SearchResult(long total, String totalRelation, List<JsonNode> hits, String next,
                           Map<String, List<Facet>> facets) {

    /** One value of a facet and how many matching events have it. */
    public record Facet(String value, long count) {
    }

    public SearchResult {
        hits = List.copyOf(hits);
    }
}
