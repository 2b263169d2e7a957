package io.ovr.alpr.edge.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CtcTest {

    private static final int B = Alphabet.BLANK;

    @Test
    void shouldGiveTheGradientThatFiniteDifferencesMeasure() {
        Random r = new Random(1);
        float[][] logits = new float[10][Alphabet.CLASSES];
        for (float[] row : logits) {
            for (int c = 0; c < row.length; c++) {
                row[c] = (float) r.nextGaussian();
            }
        }
        int[] label = {3, 3, 12, 5};
        double[][] grad = new double[10][Alphabet.CLASSES];

        double loss = Ctc.lossAndGradient(logits, label, grad);

        assertThat(loss).isPositive();
        for (int t = 0; t < 10; t++) {
            for (int c : new int[] {3, 5, 12, B, 20}) {
                float old = logits[t][c];
                logits[t][c] = old + 0.01f;
                double up = Ctc.lossAndGradient(logits, label, new double[10][Alphabet.CLASSES]);
                logits[t][c] = old - 0.01f;
                double down = Ctc.lossAndGradient(logits, label, new double[10][Alphabet.CLASSES]);
                logits[t][c] = old;
                assertThat(grad[t][c]).isCloseTo((up - down) / 0.02, within(1e-3));
            }
        }
    }

    @Test
    void shouldMergeRepeatsUnlessABlankSeparatesThem() {
        Reading r = Ctc.decode(peaky("_AA_B_B1__"), 5);

        assertThat(r.text()).isEqualTo("ABB1");
        assertThat(java.util.Arrays.stream(r.charConfidences()).boxed().toList()).hasSize(4).allSatisfy(c -> assertThat(c).isGreaterThan(0.9));
        assertThat(r.candidates().get(0).text()).isEqualTo("ABB1");
        assertThat(r.candidates()).extracting(Candidate::text).doesNotHaveDuplicates();
    }

    @Test
    void shouldOfferTheRunnerUpCharacterAsACandidate() {
        float[][] logits = peaky("_O_B_1____");
        logits[1][Alphabet.index('0')] = 7.5f;

        Reading r = Ctc.decode(logits, 5);

        assertThat(r.text()).isEqualTo("OB1");
        assertThat(r.candidates()).extracting(Candidate::text).contains("0B1");
        assertThat(r.candidates().get(0).confidence()).isGreaterThan(r.candidates().get(1).confidence());
    }

    @Test
    void shouldGiveNoLossAndNoGradientForALabelLongerThanTheFrames() {
        double[][] grad = new double[3][Alphabet.CLASSES];

        double loss = Ctc.lossAndGradient(peaky("A_B"), new int[] {10, 11, 12, 13}, grad);

        assertThat(loss).isZero();
        assertThat(grad[0]).containsOnly(0.0);
    }

    /** Logits of 8 on the given class per frame ('_' is the blank), 0 elsewhere. */
    private static float[][] peaky(String path) {
        float[][] out = new float[path.length()][Alphabet.CLASSES];
        for (int t = 0; t < path.length(); t++) {
            char ch = path.charAt(t);
            out[t][ch == '_' ? B : Alphabet.index(ch)] = 8f;
        }
        return out;
    }
}
