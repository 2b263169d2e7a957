package io.ovr.alpr.edge.track;

import io.ovr.alpr.edge.image.Box;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One plate followed across frames. Its text is voted: first the length most readings agree
 * on (weighted by confidence), then, per position, the character with the most confidence
 * summed over the readings of that length.
 */
public final class Track {

    private final long id;
    private final long firstFrame;
    private long lastFrame;
    private Box box;
    private int observations;
    private final Map<Integer, Double> lengthVotes = new HashMap<>();
    private final Map<Integer, Map<Integer, Map<Character, Double>>> charVotes = new HashMap<>();
    private final Map<Integer, Map<Integer, Map<Character, Integer>>> charCounts = new HashMap<>();
    private final Map<String, Observation> bestByText = new HashMap<>();

    Track(long id, Observation first) {
        this.id = id;
        this.firstFrame = first.frame();
        add(first);
    }

    void add(Observation o) {
        lastFrame = o.frame();
        box = o.box();
        observations++;
        String t = o.reading().text();
        double[] conf = o.reading().charConfidences();
        lengthVotes.merge(t.length(), o.reading().confidence() + 1e-6, Double::sum);
        Map<Integer, Map<Character, Double>> byPos = charVotes.computeIfAbsent(t.length(), k -> new TreeMap<>());
        Map<Integer, Map<Character, Integer>> counts = charCounts.computeIfAbsent(t.length(), k -> new TreeMap<>());
        for (int i = 0; i < t.length(); i++) {
            double c = i < conf.length ? conf[i] : o.reading().confidence();
            byPos.computeIfAbsent(i, k -> new HashMap<>()).merge(t.charAt(i), c, Double::sum);
            counts.computeIfAbsent(i, k -> new HashMap<>()).merge(t.charAt(i), 1, Integer::sum);
        }
        bestByText.merge(t, o, (a, b) -> b.reading().confidence() > a.reading().confidence() ? b : a);
    }

    /** The voted text. */
    public String text() {
        int len = lengthVotes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0);
        StringBuilder sb = new StringBuilder(len);
        Map<Integer, Map<Character, Double>> byPos = charVotes.getOrDefault(len, Map.of());
        for (int i = 0; i < len; i++) {
            sb.append(byPos.get(i).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
        }
        return sb.toString();
    }

    public long id() {
        return id;
    }

    public long firstFrame() {
        return firstFrame;
    }

    public long lastFrame() {
        return lastFrame;
    }

    public Box box() {
        return box;
    }

    public int observations() {
        return observations;
    }

    /**
     * The observation to publish with the voted text: the most confident one that read exactly
     * that text (its crop, box and confidences then match the text), else the most confident one.
     */
    public Observation best() {
        Observation voted = bestByText.get(text());
        return voted != null ? voted : bestByText.values().stream()
                .max(Comparator.comparingDouble(o -> o.reading().confidence())).orElseThrow();
    }

    /**
     * One confidence per character of {@link #text()}: the mean confidence of the readings that
     * voted for that character at that position.
     */
    public double[] charConfidences() {
        String text = text();
        Map<Integer, Map<Character, Double>> sums = charVotes.getOrDefault(text.length(), Map.of());
        Map<Integer, Map<Character, Integer>> counts = charCounts.getOrDefault(text.length(), Map.of());
        double[] out = new double[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = sums.get(i).get(text.charAt(i)) / counts.get(i).get(text.charAt(i));
        }
        return out;
    }
}
