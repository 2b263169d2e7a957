package io.ovr.alpr.processors.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionInferenceTest {

    private final RegionInference regions = RegionInference.fromClasspath();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"ABC1D23,BR", "AB12CDE,GB", "1234BCD,ES", "7ABC123,US-CA", "AB12345,US-IL", "12ABC3,NL"})
    void shouldInferTheRegionOfDistinctiveFormats(String plate, String region) {
        RegionGuess guess = regions.infer(plate, null);

        assertThat(guess.region()).isEqualTo(region);
        assertThat(guess.confidence()).isBetween(0.3f, 1f);
    }

    @Test
    void shouldLetTheCameraPriorDecideBetweenSharedFormats() {
        assertThat(regions.infer("AB123CD", "FR").region()).isEqualTo("FR");
        assertThat(regions.infer("AB123CD", "IT").region()).isEqualTo("IT");
        assertThat(regions.infer("ABC1234", "BR").region()).isEqualTo("BR");
        assertThat(regions.infer("ABC1234", "US-NY").region()).isEqualTo("US-NY");
        assertThat(regions.infer("ABC1234", "US").region()).startsWith("US");
    }

    @Test
    void shouldCoverEveryRequiredRegion() {
        assertThat(regions.infer("BMW1234", "DE").region()).isEqualTo("DE");
        assertThat(regions.infer("WA12345", "PL").region()).isEqualTo("PL");
        assertThat(regions.infer("ABCD12", "US-FL").region()).isEqualTo("US-FL");
        assertThat(regions.infer("AB1CDEF", null).region()).isEqualTo("US-TX");
    }

    @Test
    void shouldFallBackToThePriorWithLowConfidenceWhenNothingMatches() {
        assertThat(regions.infer("12345678", "GB")).isEqualTo(new RegionGuess("GB", 0.1f));
        assertThat(regions.infer("12345678", null)).isEqualTo(RegionGuess.UNKNOWN);
    }
}
