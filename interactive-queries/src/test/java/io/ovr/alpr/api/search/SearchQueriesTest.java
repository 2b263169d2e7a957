package io.ovr.alpr.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ovr.alpr.api.http.TimeRange;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/** The typed queries, serialized as the client sends them: validated values only, in value positions. */
class SearchQueriesTest {

    private static final JacksonJsonpMapper JSONP = new JacksonJsonpMapper();
    private static final SearchFilters FILTERS = new SearchFilters(Optional.of("cam-1"), Optional.of("O'Hare"),
            Optional.empty(), new TimeRange(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z")),
            Optional.of(0.8));

    @Test
    void shouldBuildOneTypedClausePerModeOnTheMappedFields() throws Exception {
        assertThat(json(SearchQueries.plate(PlateTerm.of(SearchMode.EXACT, "AB12", 0))).at("/term/normalized/value")
                .asText()).isEqualTo("AB12");
        assertThat(json(SearchQueries.plate(PlateTerm.of(SearchMode.PREFIX, "AB", 0))).at("/prefix/normalized/value")
                .asText()).isEqualTo("AB");
        assertThat(json(SearchQueries.plate(PlateTerm.of(SearchMode.WILDCARD, "AB*1?", 0)))
                .at("/wildcard/normalized/value").asText()).isEqualTo("AB*1?");
        assertThat(json(SearchQueries.plate(PlateTerm.of(SearchMode.CONTAINS, "B12", 0)))
                .at("/match/normalized.ngram/query").asText()).isEqualTo("B12");
        JsonNode fuzzy = json(SearchQueries.plate(PlateTerm.of(SearchMode.FUZZY, "BO5", 2))).at("/fuzzy/folded");
        assertThat(fuzzy.path("value").asText()).isEqualTo("805");
        assertThat(fuzzy.path("fuzziness").asText()).isEqualTo("2");
        assertThat(fuzzy.path("max_expansions").asInt()).isEqualTo(SearchQueries.MAX_EXPANSIONS);
    }

    @Test
    void shouldPutFiltersInNonScoringClausesWithTheirTextAsValues() throws Exception {
        JsonNode bool = json(SearchQueries.query(PlateTerm.of(SearchMode.EXACT, "AB12", 0), FILTERS)).path("bool");

        assertThat(bool.path("must")).hasSize(1);
        assertThat(bool.path("filter").toString()).contains("{\"term\":{\"camera_id\":{\"value\":\"cam-1\"}}}",
                "{\"term\":{\"site\":{\"value\":\"O'Hare\"}}}", "\"captured_at\":{\"gte\":\"2026-01-01T00:00:00Z\","
                        + "\"lt\":\"2026-01-02T00:00:00Z\"}", "\"confidence\":{\"gte\":0.8}");
    }

    private static JsonNode json(Query query) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSONP.jsonProvider().createGenerator(out)) {
            query.serialize(generator, JSONP);
        }
        return new ObjectMapper().readTree(out.toString());
    }
}
