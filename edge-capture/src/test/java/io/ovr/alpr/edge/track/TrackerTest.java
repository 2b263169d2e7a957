package io.ovr.alpr.edge.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ovr.alpr.edge.image.Box;
import io.ovr.alpr.edge.reader.Candidate;
import io.ovr.alpr.edge.reader.Reading;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackerTest {

    @Test
    void shouldVoteEachCharacterAcrossTheFramesOfOneTrack() {
        Tracker tracker = new Tracker(0.3, 2);

        tracker.update(0, List.of(obs(0, 100, "ABC1234", 0.9)));
        tracker.update(1, List.of(obs(1, 104, "ABC1284", 0.5)));
        tracker.update(2, List.of(obs(2, 108, "A8C1234", 0.6)));
        List<Track> tracks = tracker.flush();

        assertThat(tracks).hasSize(1);
        assertThat(tracks.get(0).text()).isEqualTo("ABC1234");
        assertThat(tracks.get(0).observations()).isEqualTo(3);
        assertThat(tracks.get(0).best().reading().text()).isEqualTo("ABC1234");
    }

    @Test
    void shouldKeepApartPlatesThatDoNotOverlapAndCloseStaleTracks() {
        Tracker tracker = new Tracker(0.3, 2);

        tracker.update(0, List.of(obs(0, 100, "ABC1234", 0.9), obs(0, 600, "XYZ9876", 0.9)));
        List<Track> closed = tracker.update(5, List.of(obs(5, 900, "QQQ1111", 0.9)));

        assertThat(closed).extracting(Track::text).containsExactlyInAnyOrder("ABC1234", "XYZ9876");
        assertThat(tracker.flush()).extracting(Track::text).containsExactly("QQQ1111");
    }

    @Test
    void shouldPublishTheObservationAndConfidencesThatMatchTheVotedText() {
        Tracker tracker = new Tracker(0.3, 2);

        // the single most confident reading has a character too many; two less sure ones outvote it
        tracker.update(0, List.of(obs(0, 100, "ABC12344", 0.95)));
        tracker.update(1, List.of(obs(1, 104, "ABC1234", 0.6)));
        tracker.update(2, List.of(obs(2, 108, "ABC1234", 0.8)));
        Track track = tracker.flush().get(0);

        assertThat(track.text()).isEqualTo("ABC1234");
        assertThat(track.best().reading().text()).isEqualTo("ABC1234");
        assertThat(track.best().frame()).isEqualTo(2);
        assertThat(track.charConfidences()).containsExactly(new double[] {0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7}, within(1e-9));
    }

    @Test
    void shouldFallBackToTheMostConfidentObservationWhenNoReadingMatchesTheVote() {
        Tracker tracker = new Tracker(0.3, 2);

        tracker.update(0, List.of(obs(0, 100, "ABC1284", 0.7)));
        tracker.update(1, List.of(obs(1, 104, "A8C1234", 0.6)));
        tracker.update(2, List.of(obs(2, 108, "ABX1234", 0.9)));
        Track track = tracker.flush().get(0);

        assertThat(track.text()).isEqualTo("ABC1234");
        assertThat(track.best().reading().text()).isEqualTo("ABX1234");
        assertThat(track.charConfidences()).hasSize(7);
        assertThat(track.charConfidences()[1]).isCloseTo(0.8, within(1e-9));
    }

    private static Observation obs(long frame, double x, String text, double conf) {
        double[] chars = new double[text.length()];
        java.util.Arrays.fill(chars, conf);
        return new Observation(frame, new Box(x, 200, 160, 50),
                new Reading(text, conf, chars, List.of(new Candidate(text, conf))), frame * 40, null);
    }
}
