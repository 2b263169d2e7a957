package io.ovr.alpr.edge.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SlotDecoderTest {

    @Test
    void shouldReadTheMostLikelyClassOfEachSlotAndDropBlanks() {
        float[][] probs = slots("AB1", 0.9f);

        Reading r = SlotDecoder.decode(probs, 5);

        assertThat(r.text()).isEqualTo("AB1");
        assertThat(r.charConfidences()).containsExactly(new double[] {0.9, 0.9, 0.9}, within(1e-6));
        assertThat(r.confidence()).isCloseTo(Math.pow(0.9, 8), within(1e-4));
    }

    @Test
    void shouldOfferTheRunnerUpCharacterAsSecondCandidate() {
        float[][] probs = slots("OB1", 0.6f);
        probs[0][Alphabet.index('0')] = 0.35f;

        Reading r = SlotDecoder.decode(probs, 5);

        assertThat(r.candidates()).hasSizeLessThanOrEqualTo(5);
        assertThat(r.candidates().get(0).text()).isEqualTo("OB1");
        assertThat(r.candidates().get(1).text()).isEqualTo("0B1");
        assertThat(r.candidates().get(0).confidence()).isGreaterThan(r.candidates().get(1).confidence());
    }

    @Test
    void shouldListDistinctCandidatesBestFirst() {
        Reading r = SlotDecoder.decode(slots("ABC1234", 0.7f), 5);

        assertThat(r.candidates()).extracting(Candidate::text).doesNotHaveDuplicates();
        for (int i = 1; i < r.candidates().size(); i++) {
            assertThat(r.candidates().get(i).confidence()).isLessThanOrEqualTo(r.candidates().get(i - 1).confidence());
        }
    }

    /** Slot probabilities that put {@code p} on each character of {@code text} (blank after it), the rest spread. */
    private static float[][] slots(String text, float p) {
        float[][] probs = new float[ReaderNet.SLOTS][Alphabet.CLASSES];
        for (int s = 0; s < ReaderNet.SLOTS; s++) {
            java.util.Arrays.fill(probs[s], (1 - p) / (Alphabet.CLASSES - 1));
            int cls = s < text.length() ? Alphabet.index(text.charAt(s)) : Alphabet.BLANK;
            probs[s][cls] = p;
        }
        return probs;
    }
}
