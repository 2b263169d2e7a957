package io.ovr.alpr.api.search;

import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.query_dsl.Operator;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * Builds the OpenSearch queries of a search with opensearch-java's typed builders, from validated
 * values only: the plate query of the mode on the fields of {@code alpr-events-mapping.md}, filters
 * as non-scoring clauses, the stable sort {@code captured_at desc, event_id asc} that
 * {@code search_after} pages on, and the facets.
 */
final class SearchQueries {

    static final String CAMERAS = "cameras";
    static final String REGIONS = "regions";
    static final int FACET_SIZE = 10;
    /**
     * Distinct plates a fuzzy query may expand to (OpenSearch's default is 50, which would drop
     * matches silently on a large index; 1000 stays under the default clause limit of 1024).
     */
    static final int MAX_EXPANSIONS = 1000;

    private SearchQueries() {
    }

    static Query query(PlateTerm term, SearchFilters filters) {
        List<Query> filter = new ArrayList<>();
        filters.camera().ifPresent(c -> filter.add(term("camera_id", c)));
        filters.site().ifPresent(s -> filter.add(term("site", s)));
        filters.region().ifPresent(r -> filter.add(term("region", r)));
        filter.add(Query.of(q -> q.range(r -> r.field("captured_at").gte(JsonData.of(filters.range().from().toString()))
                .lt(JsonData.of(filters.range().to().toString())))));
        filters.minConfidence().ifPresent(min -> filter.add(Query.of(q -> q.range(r -> r.field("confidence")
                .gte(JsonData.of(min))))));
        return Query.of(q -> q.bool(b -> b.must(plate(term)).filter(filter)));
    }

    static Query plate(PlateTerm term) {
        return switch (term.mode()) {
            case EXACT -> term("normalized", term.value());
            case PREFIX -> Query.of(q -> q.prefix(p -> p.field("normalized").value(term.value())));
            case WILDCARD -> Query.of(q -> q.wildcard(w -> w.field("normalized").value(term.value())));
            case CONTAINS -> Query.of(q -> q.match(m -> m.field("normalized.ngram").query(FieldValue.of(term.value()))
                    .operator(Operator.And)));
            case FUZZY -> Query.of(q -> q.fuzzy(f -> f.field("folded").value(FieldValue.of(term.value()))
                    .fuzziness(Integer.toString(term.distance())).prefixLength(0).transpositions(true)
                    .maxExpansions(MAX_EXPANSIONS)));
        };
    }

    static List<SortOptions> sort() {
        return List.of(
                SortOptions.of(s -> s.field(f -> f.field("captured_at").order(SortOrder.Desc))),
                SortOptions.of(s -> s.field(f -> f.field("event_id").order(SortOrder.Asc))));
    }

    static Aggregation facet(String field) {
        return Aggregation.of(a -> a.terms(t -> t.field(field).size(FACET_SIZE)));
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }
}
