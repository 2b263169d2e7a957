package io.ovr.alpr.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ovr.alpr.api.http.ApiException;
import org.junit.jupiter.api.Test;

class PlateTermTest {

    @Test
    void shouldNormalizeExactPrefixAndContainsTextAndFoldFuzzyText() {
        assertThat(PlateTerm.of(SearchMode.EXACT, "ab-123 cd", 0)).isEqualTo(new PlateTerm(SearchMode.EXACT, "AB123CD",
                "AB123CD", 0));
        assertThat(PlateTerm.of(SearchMode.PREFIX, "ab 1", 0).value()).isEqualTo("AB1");
        assertThat(PlateTerm.of(SearchMode.CONTAINS, "3c-d", 0).value()).isEqualTo("3CD");
        assertThat(PlateTerm.of(SearchMode.FUZZY, "BQSZ21", 2)).isEqualTo(new PlateTerm(SearchMode.FUZZY, "805221",
                null, 2));
    }

    @Test
    void shouldAcceptWildcardPatternsOnlyWithinTheirBounds() {
        assertThat(PlateTerm.of(SearchMode.WILDCARD, "ab*12", 0).value()).isEqualTo("AB*12");
        assertThat(PlateTerm.of(SearchMode.WILDCARD, "A-B***1?", 0).value()).isEqualTo("AB*1?");
        for (String bad : new String[] {"*", "A*", "??", "A?B?C?D?E?", "AB[0-9]", "AB.*+", "AB\\\\1", "AB%1",
                "A*B*C*D*E*F", "ABCDEFGHIJK*", "*".repeat(33), "AB'1"}) {
            assertThatThrownBy(() -> PlateTerm.of(SearchMode.WILDCARD, bad, 0)).as(bad)
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.problem().field()).isEqualTo("q"));
        }
    }

    @Test
    void shouldRefuseADistanceAboveTwoOrOutsideFuzzyAndFragmentsOutsideTwoToTenCharacters() {
        assertThatThrownBy(() -> PlateTerm.of(SearchMode.FUZZY, "AB12", 3)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PlateTerm.of(SearchMode.EXACT, "AB12", 1)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PlateTerm.of(SearchMode.CONTAINS, "A", 0)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PlateTerm.of(SearchMode.PREFIX, "ABCDEFGHIJK", 0)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PlateTerm.of(SearchMode.EXACT, "{\"match_all\":{}}", 0))
                .isInstanceOf(ApiException.class);
    }
}
