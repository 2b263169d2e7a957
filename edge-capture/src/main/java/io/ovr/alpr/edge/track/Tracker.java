package io.ovr.alpr.edge.track;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Associates plate observations across frames by box overlap and text similarity, and closes a
 * track once it has not been seen for {@code maxGap} frames. Not thread-safe.
 */
public final class Tracker {

    private final double minIou;
    private final long maxGap;
    private final List<Track> open = new ArrayList<>();
    private long nextId = 1;

    public Tracker(double minIou, long maxGap) {
        this.minIou = minIou;
        this.maxGap = maxGap;
    }

    /** Adds one frame's observations; returns the tracks that this frame closed. */
    public List<Track> update(long frame, List<Observation> observations) {
        List<Track> matched = new ArrayList<>();
        for (Observation o : observations) {
            Track t = bestTrack(o, matched);
            if (t == null) {
                t = new Track(nextId++, o);
                open.add(t);
            } else {
                t.add(o);
            }
            matched.add(t);
        }
        List<Track> closed = new ArrayList<>();
        for (Iterator<Track> it = open.iterator(); it.hasNext();) {
            Track t = it.next();
            if (frame - t.lastFrame() > maxGap) {
                closed.add(t);
                it.remove();
            }
        }
        return closed;
    }

    /** Closes and returns every open track (end of stream). */
    public List<Track> flush() {
        List<Track> all = List.copyOf(open);
        open.clear();
        return all;
    }

    private Track bestTrack(Observation o, List<Track> taken) {
        Track best = null;
        double bestScore = 0;
        for (Track t : open) {
            if (taken.contains(t)) {
                continue;
            }
            double iou = t.box().iou(o.box());
            double sim = similarity(t.text(), o.reading().text());
            double score = iou + 0.5 * sim;
            if ((iou >= minIou || (sim >= 0.7 && o.frame() - t.lastFrame() <= maxGap)) && score > bestScore) {
                best = t;
                bestScore = score;
            }
        }
        return best;
    }

    static double similarity(String a, String b) {
        int n = Math.max(a.length(), b.length());
        if (n == 0) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < Math.min(a.length(), b.length()); i++) {
            same += a.charAt(i) == b.charAt(i) ? 1 : 0;
        }
        return (double) same / n;
    }
}
