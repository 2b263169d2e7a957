package io.ovr.alpr.edge.track;

import io.ovr.alpr.edge.image.Box;
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
    private Observation best;

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
        for (int i = 0; i < t.length(); i++) {
            double c = i < conf.length ? conf[i] : o.reading().confidence();
            byPos.computeIfAbsent(i, k -> new HashMap<>()).merge(t.charAt(i), c, Double::sum);
        }
        if (best == null || o.reading().confidence() > best.reading().confidence()) {
            best = o;
        }
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

    /** The single most confident observation (its crop is the one worth keeping). */
    public Observation best() {
        return best;
    }
}
