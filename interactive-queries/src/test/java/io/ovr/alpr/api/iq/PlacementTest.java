package io.ovr.alpr.api.iq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class PlacementTest {

    private static final HostInfo A = new HostInfo("a", 1);
    private static final HostInfo B = new HostInfo("b", 1);
    private static final HostInfo C = new HostInfo("c", 1);

    private final Placement placement = new Placement(new TreeSet<>(Set.of(0, 1, 2, 3)),
            Map.of(0, A, 1, B, 2, C), Map.of(0, Set.of(B), 1, Set.of(A, C), 2, Set.of(B), 3, Set.of(A)));

    @Test
    void shouldGroupPartitionsByTheirActiveInstanceAndSkipThoseWithoutOne() {
        assertThat(placement.activePlan(Set.of(0, 1, 2, 3))).isEqualTo(Map.of(A, Set.of(0), B, Set.of(1), C, Set.of(2)));
    }

    @Test
    void shouldOfferItsOwnCopyFirstThenTheOtherStandbys() {
        assertThat(placement.standbyCandidates(1, A)).containsExactly(A, C);
        assertThat(placement.standbyCandidates(1, B)).as("own active that could not answer as active, then standbys")
                .containsExactly(B, A, C);
        assertThat(placement.standbyCandidates(1, C)).containsExactly(C, A);
        assertThat(placement.standbyCandidates(2, A)).containsExactly(B);
    }

    @Test
    void shouldAskTheNextCandidateInEachRoundAndNeverAFailedPeer() {
        assertThat(placement.standbyPlan(Set.of(1, 3), A, Set.of(), 0)).isEqualTo(Map.of(A, Set.of(1, 3)));
        assertThat(placement.standbyPlan(Set.of(1), A, Set.of(), 1)).isEqualTo(Map.of(C, Set.of(1)));
        assertThat(placement.standbyPlan(Set.of(1), B, Set.of(A), 1)).isEqualTo(Map.of(C, Set.of(1)));
        assertThat(placement.standbyPlan(Set.of(2), A, Set.of(B), 0)).isEmpty();
        assertThat(placement.standbyPlan(Set.of(3), A, Set.of(), 1)).isEmpty();
    }
}
