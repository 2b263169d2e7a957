package io.ovr.alpr.edge.reader;

import io.ovr.alpr.edge.image.Box;
import io.ovr.alpr.edge.image.ImageOps;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads each detected plate from several crops around the detector's box and keeps the reading
 * the reader is surest of.
 * <p>
 * The detector's boxes are quantised to its output cells (4 px of its 192-px-wide input, about
 * 27 px of a 1280-px frame), so a box can cut characters off or take in much of the car around
 * the plate, and the reader, trained on crops tight to the plate, reads such crops badly. The
 * variants shrink and shift the box. The detector's own box is read first, for all plates of
 * a frame in one batch; a plate whose reading is sure of every character (each at least
 * {@value #SURE}) keeps it, and the variants of the others go through the reader in a second
 * batch. A reading is scored by {@link #score(Reading)}: the sum over its
 * characters of {@code log(2 p)}, so a sure character adds to the score, an unsure one
 * (p &lt; 0.5) takes from it, and a crop that cuts characters off does not win only because it has
 * fewer characters to be unsure of.
 */
public final class CropSearch {

    /** Crop margin around a box, as fractions of its width and height (the reader's training crops have it). */
    public static final double MARGIN_X = 0.06;
    public static final double MARGIN_Y = 0.2;
    /** A reading of the detector's box whose characters are all at least this sure is kept without a search. */
    public static final double SURE = 0.9;

    /**
     * One crop around a box: centre moved by {@code dx} widths and {@code dy} heights, size scaled
     * by {@code sw} and {@code sh}.
     */
    public record Variant(double dx, double dy, double sw, double sh) {

        static final Variant IDENTITY = new Variant(0, 0, 1, 1);

        Box apply(Box b) {
            if (equals(IDENTITY)) {
                return b;
            }
            double w = b.w() * sw;
            double h = b.h() * sh;
            double cx = b.x() + b.w() / 2 + dx * b.w();
            double cy = b.y() + b.h() / 2 + dy * b.h();
            return new Box(cx - w / 2, cy - h / 2, w, h);
        }
    }

    /** What one plate read as: the winning box (before the margin), its crop and its reading. */
    public record Result(Box box, BufferedImage crop, Reading reading) {
    }

    private final List<Variant> variants;

    public CropSearch(List<Variant> variants) {
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("at least one crop variant is needed");
        }
        this.variants = List.copyOf(variants);
    }

    /** Only the detector's box, as it is: one crop per plate. */
    public static CropSearch single() {
        return new CropSearch(List.of(Variant.IDENTITY));
    }

    /**
     * The grid of {@code --crops search} ({@code alpr edge}, {@code alpr eval}): the box as it is, and boxes of
     * 100 %, 85 % and 70 % of its width and 75 % and 55 % of its height, centred and moved up or
     * down by an eighth of the height (19 crops per plate at most). Fixed before it was measured:
     * see the README's edge figures for what it gains and costs.
     */
    public static CropSearch standard() {
        List<Variant> v = new ArrayList<>();
        v.add(Variant.IDENTITY);
        for (double sw : new double[] {1.0, 0.85, 0.7}) {
            for (double sh : new double[] {0.75, 0.55}) {
                for (double dy : new double[] {-0.125, 0, 0.125}) {
                    v.add(new Variant(0, dy, sw, sh));
                }
            }
        }
        return new CropSearch(v);
    }

    public int size() {
        return variants.size();
    }

    /** Reads every box of {@code frame}; the results match the order of {@code boxes}. */
    public List<Result> read(PlateReader reader, BufferedImage frame, List<Box> boxes) {
        List<Result> first = readAll(reader, frame, boxes, List.of(variants.get(0)));
        if (variants.size() == 1) {
            return first;
        }
        List<Box> unsure = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            if (!sure(first.get(i).reading())) {
                unsure.add(boxes.get(i));
            }
        }
        List<Result> searched = readAll(reader, frame, unsure, variants.subList(1, variants.size()));
        List<Result> out = new ArrayList<>(boxes.size());
        int next = 0;
        for (int i = 0; i < boxes.size(); i++) {
            Result r = first.get(i);
            if (!sure(r.reading())) {
                Result s = searched.get(next++);
                if (score(s.reading()) > score(r.reading())) {
                    r = s;
                }
            }
            out.add(r);
        }
        return out;
    }

    /** The best-scoring of {@code tried} variants for each box, read in one batch. */
    private static List<Result> readAll(PlateReader reader, BufferedImage frame, List<Box> boxes,
                                        List<Variant> tried) {
        List<Box> placed = new ArrayList<>(boxes.size() * tried.size());
        List<BufferedImage> crops = new ArrayList<>(boxes.size() * tried.size());
        for (Box b : boxes) {
            for (Variant v : tried) {
                Box box = v.apply(b);
                placed.add(box);
                crops.add(ImageOps.crop(frame, box.expand(MARGIN_X, MARGIN_Y)));
            }
        }
        List<Reading> readings = crops.isEmpty() ? List.of() : reader.read(crops);
        List<Result> out = new ArrayList<>(boxes.size());
        for (int i = 0; i < boxes.size(); i++) {
            int best = i * tried.size();
            for (int j = best + 1; j < (i + 1) * tried.size(); j++) {
                if (score(readings.get(j)) > score(readings.get(best))) {
                    best = j;
                }
            }
            out.add(new Result(placed.get(best), crops.get(best), readings.get(best)));
        }
        return out;
    }

    static boolean sure(Reading reading) {
        double[] p = reading.charConfidences();
        if (p.length == 0) {
            return false;
        }
        for (double c : p) {
            if (c < SURE) {
                return false;
            }
        }
        return true;
    }

    /** Sum of {@code log(2 p)} over the characters; an empty reading scores lowest. */
    public static double score(Reading reading) {
        double[] p = reading.charConfidences();
        if (p.length == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double s = 0;
        for (double c : p) {
            s += Math.log(2 * Math.max(1e-9, c));
        }
        return s;
    }
}
