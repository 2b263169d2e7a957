package io.ovr.alpr.edge.reader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Connectionist temporal classification (Graves et al. 2006) over {@link Alphabet#CLASSES}
 * classes with {@link Alphabet#BLANK} as the blank: the loss and its gradient with respect to the
 * logits (forward-backward in log space), and decoding by prefix beam search into a text,
 * per-character confidences and top-N candidates.
 */
public final class Ctc {

    private static final double NEG_INF = Double.NEGATIVE_INFINITY;
    /** Frame log probability below which a class is not tried as an extension (p < 0.0005). */
    private static final double MIN_LOG_PROB = Math.log(5e-4);
    /** Candidates each view contributes when several views of a crop are decoded together. */
    static final int VIEW_CANDIDATES = 5;

    private Ctc() {
    }

    /** Log-softmax of each frame: {@code logits[t][k]} to log probabilities. */
    public static double[][] logSoftmax(float[][] logits) {
        double[][] out = new double[logits.length][];
        for (int t = 0; t < logits.length; t++) {
            float[] row = logits[t];
            double max = NEG_INF;
            for (float v : row) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (float v : row) {
                sum += Math.exp(v - max);
            }
            double log = max + Math.log(sum);
            out[t] = new double[row.length];
            for (int k = 0; k < row.length; k++) {
                out[t][k] = row[k] - log;
            }
        }
        return out;
    }

    /**
     * The loss {@code -log p(label | logits)} and, into {@code grad[t][k]}, its gradient with respect
     * to the logits ({@code softmax - posterior}). An impossible label (too long) gives a
     * zero gradient and a loss of 0, so that it cannot derail training.
     */
    public static double lossAndGradient(float[][] logits, int[] label, double[][] grad) {
        double[][] lp = logSoftmax(logits);
        int tLen = lp.length;
        int s = 2 * label.length + 1;
        int[] ext = new int[s];
        for (int i = 0; i < s; i++) {
            ext[i] = i % 2 == 0 ? Alphabet.BLANK : label[i / 2];
        }
        double[][] alpha = fill(tLen, s);
        double[][] beta = fill(tLen, s);
        alpha[0][0] = lp[0][ext[0]];
        if (s > 1) {
            alpha[0][1] = lp[0][ext[1]];
        }
        for (int t = 1; t < tLen; t++) {
            for (int i = 0; i < s; i++) {
                double a = alpha[t - 1][i];
                if (i > 0) {
                    a = logAdd(a, alpha[t - 1][i - 1]);
                }
                if (i > 1 && ext[i] != Alphabet.BLANK && ext[i] != ext[i - 2]) {
                    a = logAdd(a, alpha[t - 1][i - 2]);
                }
                alpha[t][i] = a + lp[t][ext[i]];
            }
        }
        double logP = s > 1 ? logAdd(alpha[tLen - 1][s - 1], alpha[tLen - 1][s - 2]) : alpha[tLen - 1][s - 1];
        if (logP == NEG_INF) {
            for (double[] row : grad) {
                java.util.Arrays.fill(row, 0);
            }
            return 0;
        }
        beta[tLen - 1][s - 1] = lp[tLen - 1][ext[s - 1]];
        if (s > 1) {
            beta[tLen - 1][s - 2] = lp[tLen - 1][ext[s - 2]];
        }
        for (int t = tLen - 2; t >= 0; t--) {
            for (int i = s - 1; i >= 0; i--) {
                double b = beta[t + 1][i];
                if (i < s - 1) {
                    b = logAdd(b, beta[t + 1][i + 1]);
                }
                if (i < s - 2 && ext[i] != Alphabet.BLANK && ext[i] != ext[i + 2]) {
                    b = logAdd(b, beta[t + 1][i + 2]);
                }
                beta[t][i] = b + lp[t][ext[i]];
            }
        }
        int k = lp[0].length;
        for (int t = 0; t < tLen; t++) {
            double[] post = new double[k];
            java.util.Arrays.fill(post, NEG_INF);
            for (int i = 0; i < s; i++) {
                // alpha and beta both include the emission at t: divide it out once
                post[ext[i]] = logAdd(post[ext[i]], alpha[t][i] + beta[t][i] - lp[t][ext[i]]);
            }
            for (int c = 0; c < k; c++) {
                grad[t][c] = Math.exp(lp[t][c]) - Math.exp(post[c] - logP);
            }
        }
        return -logP;
    }

    private static double[][] fill(int rows, int cols) {
        double[][] a = new double[rows][cols];
        for (double[] r : a) {
            java.util.Arrays.fill(r, NEG_INF);
        }
        return a;
    }

    static double logAdd(double a, double b) {
        if (a == NEG_INF) {
            return b;
        }
        if (b == NEG_INF) {
            return a;
        }
        double max = Math.max(a, b);
        return max + Math.log1p(Math.exp(Math.min(a, b) - max));
    }

    /**
     * Decodes per-frame logits: the best texts by prefix beam search (best first, at most
     * {@code topN}) with their probabilities; per-character confidences of the best text are the
     * highest frame probability of each character along the greedy path.
     */
    public static Reading decode(float[][] logits, int topN) {
        return decode(logits, topN, PlateFormats.ANY);
    }

    /**
     * As {@link #decode(float[][], int)}, keeping only texts that fit one of {@code formats}: the
     * beam search extends a prefix only with characters some format admits at that position and
     * ends only on whole formats. When no such text survives the search, the unconstrained
     * reading is returned.
     */
    public static Reading decode(float[][] logits, int topN, PlateFormats formats) {
        double[][] lp = logSoftmax(logits);
        List<Candidate> candidates = search(lp, topN, formats);
        if (candidates.isEmpty()) {
            candidates = search(lp, topN, PlateFormats.ANY);
        }
        String best = candidates.get(0).text();
        return new Reading(best, candidates.get(0).confidence(), charConfidences(lp, best), candidates);
    }

    /**
     * Decodes several views of one crop (the per-frame logits of each): each view's candidates
     * as {@link #decode(float[][], int, PlateFormats)} finds them, at least
     * {@value #VIEW_CANDIDATES} per view, and each text's probability averaged over the views (a
     * view that did not find a text gives it 0). The best average wins; its per-character
     * confidences come from the view that gave it the highest probability.
     */
    public static Reading decode(List<float[][]> views, int topN, PlateFormats formats) {
        if (views.size() == 1) {
            return decode(views.get(0), topN, formats);
        }
        int perView = Math.max(VIEW_CANDIDATES, topN);
        double[][][] lp = new double[views.size()][][];
        for (int v = 0; v < views.size(); v++) {
            lp[v] = logSoftmax(views.get(v));
        }
        Map<String, double[]> texts = new HashMap<>(); // text -> {sum of probabilities, best view, its probability}
        boolean constrained = !formats.any();
        addCandidates(lp, perView, formats, texts);
        if (texts.isEmpty() && constrained) {
            addCandidates(lp, perView, PlateFormats.ANY, texts);
        }
        List<Map.Entry<String, double[]>> sorted = new ArrayList<>(texts.entrySet());
        sorted.sort(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> e.getValue()[0]).reversed());
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < Math.min(topN, sorted.size()); i++) {
            candidates.add(new Candidate(sorted.get(i).getKey(), sorted.get(i).getValue()[0] / views.size()));
        }
        String best = candidates.get(0).text();
        double[][] bestView = lp[(int) sorted.get(0).getValue()[1]];
        return new Reading(best, candidates.get(0).confidence(), charConfidences(bestView, best), candidates);
    }

    private static void addCandidates(double[][][] lp, int perView, PlateFormats formats, Map<String, double[]> texts) {
        for (int v = 0; v < lp.length; v++) {
            for (Candidate c : search(lp[v], perView, formats)) {
                double[] t = texts.computeIfAbsent(c.text(), k -> new double[] {0, -1, -1});
                t[0] += c.confidence();
                if (c.confidence() > t[2]) {
                    t[1] = v;
                    t[2] = c.confidence();
                }
            }
        }
    }

    /**
     * The best {@code n} texts; a search with formats keeps prefixes that may never become a whole
     * format, so it gets a wider beam.
     */
    private static List<Candidate> search(double[][] lp, int n, PlateFormats formats) {
        return beamSearch(lp, formats.any() ? Math.max(8, n * 2) : Math.max(16, n * 3), n, formats);
    }

    /**
     * Probability mass of a prefix ending in a blank and in its last character, the formats it
     * fits, and the two together, worked out once (the search sorts and extends by it many times).
     */
    private record Beam(double blank, double nonBlank, long formats, double total) {
        Beam(double blank, double nonBlank, long formats) {
            this(blank, nonBlank, formats, logAdd(blank, nonBlank));
        }
    }

    static List<Candidate> beamSearch(double[][] lp, int width, int topN, PlateFormats formats) {
        boolean constrained = !formats.any();
        Map<String, Beam> beams = new HashMap<>();
        beams.put("", new Beam(0, NEG_INF, constrained ? formats.all() : -1L));
        for (double[] frame : lp) {
            Map<String, Beam> next = new HashMap<>();
            for (Map.Entry<String, Beam> e : beams.entrySet()) {
                String prefix = e.getKey();
                Beam b = e.getValue();
                merge(next, prefix, b.total() + frame[Alphabet.BLANK], NEG_INF, b.formats());
                char lastChar = prefix.isEmpty() ? 0 : prefix.charAt(prefix.length() - 1);
                for (int c = 0; c < frame.length; c++) {
                    if (c == Alphabet.BLANK || frame[c] < MIN_LOG_PROB) {
                        continue; // a class this unlikely in this frame cannot change the top candidates
                    }
                    char ch = Alphabet.charOf(c);
                    long fits = constrained ? formats.extend(b.formats(), prefix.length(), c) : -1L;
                    if (ch == lastChar) {
                        // a repeat extends only after a blank; without one it stays the same prefix
                        if (fits != 0) {
                            merge(next, prefix + ch, NEG_INF, b.blank() + frame[c], fits);
                        }
                        merge(next, prefix, NEG_INF, b.nonBlank() + frame[c], b.formats());
                    } else if (fits != 0) {
                        merge(next, prefix + ch, NEG_INF, b.total() + frame[c], fits);
                    }
                }
            }
            beams = prune(next, width);
        }
        List<Map.Entry<String, Beam>> sorted = new ArrayList<>();
        for (Map.Entry<String, Beam> e : beams.entrySet()) {
            if (!constrained || formats.isComplete(e.getValue().formats(), e.getKey().length())) {
                sorted.add(e);
            }
        }
        sorted.sort(Comparator.comparingDouble((Map.Entry<String, Beam> e) -> e.getValue().total()).reversed());
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < Math.min(topN, sorted.size()); i++) {
            out.add(new Candidate(sorted.get(i).getKey(), Math.exp(sorted.get(i).getValue().total())));
        }
        return out;
    }

    private static void merge(Map<String, Beam> beams, String prefix, double blank, double nonBlank, long formats) {
        Beam old = beams.get(prefix);
        beams.put(prefix, old == null ? new Beam(blank, nonBlank, formats)
                : new Beam(logAdd(old.blank(), blank), logAdd(old.nonBlank(), nonBlank), formats));
    }

    private static Map<String, Beam> prune(Map<String, Beam> beams, int width) {
        if (beams.size() <= width) {
            return beams;
        }
        List<Map.Entry<String, Beam>> sorted = new ArrayList<>(beams.entrySet());
        sorted.sort(Comparator.comparingDouble((Map.Entry<String, Beam> e) -> e.getValue().total()).reversed());
        Map<String, Beam> out = new HashMap<>();
        for (int i = 0; i < width; i++) {
            out.put(sorted.get(i).getKey(), sorted.get(i).getValue());
        }
        return out;
    }

    /**
     * Confidence of each character of {@code text}: along the greedy (per-frame argmax) path, the
     * highest probability of the frames emitting it; where the greedy path disagrees with the
     * text, the text's own best frame probability for that character.
     */
    static double[] charConfidences(double[][] lp, String text) {
        int prev = Alphabet.BLANK;
        double[] out = new double[text.length()];
        List<Double> greedy = new ArrayList<>();
        StringBuilder path = new StringBuilder();
        for (double[] frame : lp) {
            int arg = 0;
            for (int c = 1; c < frame.length; c++) {
                if (frame[c] > frame[arg]) {
                    arg = c;
                }
            }
            if (arg != Alphabet.BLANK && arg != prev) {
                path.append(Alphabet.charOf(arg));
                greedy.add(Math.exp(frame[arg]));
            } else if (arg != Alphabet.BLANK && !greedy.isEmpty()) {
                greedy.set(greedy.size() - 1, Math.max(greedy.get(greedy.size() - 1), Math.exp(frame[arg])));
            }
            prev = arg;
        }
        if (path.toString().equals(text)) {
            for (int i = 0; i < out.length; i++) {
                out[i] = greedy.get(i);
            }
            return out;
        }
        for (int i = 0; i < text.length(); i++) {
            int c = Alphabet.index(text.charAt(i));
            double best = 0;
            for (double[] frame : lp) {
                best = Math.max(best, Math.exp(frame[c]));
            }
            out[i] = best;
        }
        return out;
    }
}
