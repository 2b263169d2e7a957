package io.ovr.alpr.edge.detect;

import io.ovr.alpr.edge.image.Box;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the detector's plate-probability map into boxes: threshold, 4-connected components,
 * one box per component (cell extents times the stride), then non-maximum suppression.
 */
public final class HeatmapDecoder {

    private HeatmapDecoder() {
    }

    /**
     * Boxes in the coordinates of the network input.
     *
     * @param probs {@code probs[row][col]} plate probabilities, one cell per {@code stride} pixels
     * @param minCells components smaller than this are noise
     */
    public static List<Detection> decode(float[][] probs, int stride, double threshold, int minCells) {
        int h = probs.length;
        int w = h == 0 ? 0 : probs[0].length;
        boolean[][] seen = new boolean[h][w];
        List<Detection> out = new ArrayList<>();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!seen[y][x] && probs[y][x] >= threshold) {
                    Detection d = component(probs, seen, x, y, stride, threshold, minCells);
                    if (d != null) {
                        out.add(d);
                    }
                }
            }
        }
        return out;
    }

    private static Detection component(float[][] probs, boolean[][] seen, int sx, int sy, int stride,
                                       double threshold, int minCells) {
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        queue.add(new int[] {sx, sy});
        seen[sy][sx] = true;
        int minX = sx;
        int maxX = sx;
        int minY = sy;
        int maxY = sy;
        int cells = 0;
        float best = 0;
        int[][] steps = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        while (!queue.isEmpty()) {
            int[] c = queue.poll();
            cells++;
            best = Math.max(best, probs[c[1]][c[0]]);
            minX = Math.min(minX, c[0]);
            maxX = Math.max(maxX, c[0]);
            minY = Math.min(minY, c[1]);
            maxY = Math.max(maxY, c[1]);
            for (int[] s : steps) {
                int nx = c[0] + s[0];
                int ny = c[1] + s[1];
                if (ny >= 0 && ny < probs.length && nx >= 0 && nx < probs[0].length && !seen[ny][nx]
                        && probs[ny][nx] >= threshold) {
                    seen[ny][nx] = true;
                    queue.add(new int[] {nx, ny});
                }
            }
        }
        if (cells < minCells) {
            return null;
        }
        return new Detection(new Box(minX * stride, minY * stride,
                (maxX - minX + 1) * stride, (maxY - minY + 1) * stride), best);
    }

    /** Keeps the best-scoring boxes, dropping any that overlap a kept one by more than {@code maxIou}. */
    public static List<Detection> nms(List<Detection> detections, double maxIou) {
        List<Detection> sorted = new ArrayList<>(detections);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection d : sorted) {
            if (kept.stream().noneMatch(k -> k.box().iou(d.box()) > maxIou)) {
                kept.add(d);
            }
        }
        return kept;
    }
}
