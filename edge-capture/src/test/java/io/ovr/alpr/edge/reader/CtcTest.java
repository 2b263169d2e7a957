package io.ovr.alpr.edge.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
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

    @Test
    void shouldReadTheLetterOrDigitTheFormatHasThereWhenFormatsAreSet() {
        float[][] logits = peaky("_A_B_C_O_1_2_3_");
        logits[7][Alphabet.index('0')] = 7f; // the network prefers O, a close second is 0

        Reading free = Ctc.decode(logits, 5);
        Reading brazil = Ctc.decode(logits, 5, PlateFormats.parse("br"));

        assertThat(free.text()).isEqualTo("ABCO123");
        assertThat(brazil.text()).isEqualTo("ABC0123");
        assertThat(brazil.candidates()).extracting(Candidate::text).allSatisfy(t -> assertThat(PlateFormats.parse("br").matches(t)).isTrue());
        assertThat(brazil.confidence()).isLessThan(free.confidence());
        assertThat(brazil.charConfidences()).hasSize(7);
    }

    @Test
    void shouldFindTheCharacterAShortReadingDroppedWhenEveryFormatIsLonger() {
        float[][] logits = peaky("_A_B_C_1__2_3_");
        logits[9][Alphabet.index('7')] = 6f; // between 1 and 2 the network is unsure whether a 7 is there

        assertThat(Ctc.decode(logits, 5).text()).isEqualTo("ABC123");
        assertThat(Ctc.decode(logits, 5, PlateFormats.parse("LLLDDDD")).text()).isEqualTo("ABC1723");
    }

    @Test
    void shouldFallBackToTheFreeReadingWhenNoFormatFits() {
        Reading r = Ctc.decode(peaky("_A_B_1_"), 5, PlateFormats.parse("br"));

        assertThat(r.text()).isEqualTo("AB1");
    }

    @Test
    void shouldKeepTheTextTheViewsTogetherFindMostProbable() {
        // each view alone prefers another last character; both give 7 a good share
        float[][] first = peaky("_A_B_1_");
        first[5][Alphabet.index('7')] = 7.8f;
        float[][] second = peaky("_A_B_4_");
        second[5][Alphabet.index('7')] = 7.8f;

        Reading r = Ctc.decode(List.of(first, second), 5, PlateFormats.ANY);

        assertThat(Ctc.decode(first, 5).text()).isEqualTo("AB1");
        assertThat(Ctc.decode(second, 5).text()).isEqualTo("AB4");
        assertThat(r.text()).isEqualTo("AB7");
        double p1 = Ctc.decode(first, 5).candidates().stream().filter(c -> c.text().equals("AB7")).findFirst().orElseThrow().confidence();
        double p2 = Ctc.decode(second, 5).candidates().stream().filter(c -> c.text().equals("AB7")).findFirst().orElseThrow().confidence();
        assertThat(r.confidence()).isCloseTo((p1 + p2) / 2, within(1e-9));
        assertThat(r.candidates()).extracting(Candidate::text).contains("AB1", "AB4").doesNotHaveDuplicates();
    }

    @Test
    void shouldGiveTheSingleViewReadingForOneView() {
        float[][] logits = peaky("_O_B_1____");
        logits[1][Alphabet.index('0')] = 7.5f;

        assertThat(Ctc.decode(List.<float[][]>of(logits), 5, PlateFormats.ANY)).usingRecursiveComparison().isEqualTo(Ctc.decode(logits, 5));
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
