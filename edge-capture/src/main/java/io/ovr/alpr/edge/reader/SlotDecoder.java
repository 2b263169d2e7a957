package io.ovr.alpr.edge.reader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the fixed-slot classifier's per-slot class probabilities into a text, per-character
 * confidences and the top-N texts (a beam search over slots; blanks are dropped, so
 * readings that differ only in blank placement are merged, keeping the best).
 */
public final class SlotDecoder {

    private SlotDecoder() {
    }

    /** {@code probs[slot][class]}, {@code topN >= 1}. */
    public static Reading decode(float[][] probs, int topN) {
        List<Beam> beams = List.of(new Beam("", 0.0));
        int width = Math.max(topN, 3) * 2;
        for (float[] slot : probs) {
            List<Beam> next = new ArrayList<>();
            for (Beam b : beams) {
                for (int c = 0; c < slot.length; c++) {
                    String t = c == Alphabet.BLANK ? b.text : b.text + Alphabet.charOf(c);
                    next.add(new Beam(t, b.logp + Math.log(Math.max(slot[c], 1e-9f))));
                }
            }
            next.sort(Comparator.comparingDouble((Beam b) -> b.logp).reversed());
            beams = next.subList(0, Math.min(width * 4, next.size()));
        }
        Map<String, Double> best = new LinkedHashMap<>();
        for (Beam b : beams) {
            best.putIfAbsent(b.text, b.logp);
        }
        List<Candidate> candidates = best.entrySet().stream().limit(topN)
                .map(e -> new Candidate(e.getKey(), Math.exp(e.getValue()))).toList();
        Candidate top = candidates.get(0);
        return new Reading(top.text(), top.confidence(), greedyCharConfidences(probs), candidates);
    }

    /** Confidence of each non-blank argmax slot, in reading order. */
    static double[] greedyCharConfidences(float[][] probs) {
        List<Double> out = new ArrayList<>();
        for (float[] slot : probs) {
            int arg = argmax(slot);
            if (arg != Alphabet.BLANK) {
                out.add((double) slot[arg]);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private record Beam(String text, double logp) {
    }
}
