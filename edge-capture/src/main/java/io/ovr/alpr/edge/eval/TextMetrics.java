package io.ovr.alpr.edge.eval;

import io.ovr.alpr.edge.reader.Candidate;
import io.ovr.alpr.edge.reader.Reading;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates read accuracy: top-1 and top-5 exact, and character accuracy
 * (1 - edit distance / truth length), strict and with O and 0 folded into one class.
 */
public final class TextMetrics {

    private int count;
    private int top1;
    private int top5;
    private double chars;
    private int top1Folded;
    private int top5Folded;
    private double charsFolded;

    /** Records one plate; {@code reading} is null when the plate was not found. */
    public void add(String truth, Reading reading) {
        count++;
        if (reading == null) {
            return;
        }
        List<String> candidates = reading.candidates().stream().map(Candidate::text).limit(5).toList();
        top1 += truth.equals(reading.text()) ? 1 : 0;
        top5 += candidates.contains(truth) ? 1 : 0;
        chars += charAccuracy(truth, reading.text());
        String ft = fold(truth);
        top1Folded += ft.equals(fold(reading.text())) ? 1 : 0;
        top5Folded += candidates.stream().map(TextMetrics::fold).anyMatch(ft::equals) ? 1 : 0;
        charsFolded += charAccuracy(ft, fold(reading.text()));
    }

    public int count() {
        return count;
    }

    public double top1() {
        return ratio(top1);
    }

    /** The figures as name → value (fractions in [0, 1]). */
    public Map<String, Double> figures() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("top1", ratio(top1));
        m.put("top5", ratio(top5));
        m.put("char_accuracy", count == 0 ? 0 : chars / count);
        m.put("top1_folded", ratio(top1Folded));
        m.put("top5_folded", ratio(top5Folded));
        m.put("char_accuracy_folded", count == 0 ? 0 : charsFolded / count);
        return m;
    }

    private double ratio(int n) {
        return count == 0 ? 0 : (double) n / count;
    }

    /** Maps the letter O to the digit 0. */
    public static String fold(String s) {
        return s.replace('O', '0');
    }

    static double charAccuracy(String truth, String read) {
        if (truth.isEmpty()) {
            return read.isEmpty() ? 1 : 0;
        }
        return Math.max(0, 1 - (double) levenshtein(truth, read) / truth.length());
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
