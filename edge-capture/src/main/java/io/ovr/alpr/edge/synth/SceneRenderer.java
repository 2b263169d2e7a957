package io.ovr.alpr.edge.synth;

import io.ovr.alpr.edge.image.Box;
import io.ovr.alpr.edge.image.Homography;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Renders frames with plates composited onto real backgrounds at realistic sizes and angles,
 * with ground-truth boxes and text. Optionally pastes real plate crops (no text) as well.
 */
public final class SceneRenderer {

    private final PlateRenderer plates;
    private final List<BufferedImage> realCrops;

    public SceneRenderer(long seed, Backgrounds backgrounds, List<BufferedImage> realCrops) {
        this.plates = new PlateRenderer(seed, backgrounds);
        this.realCrops = List.copyOf(realCrops);
    }

    /** Loads real plate crops (e.g. plates-unlabelled) to paste as extra positives; at most {@code limit}. */
    public static List<BufferedImage> loadCrops(Path dir, int limit) {
        return Backgrounds.readImages(dir, limit);
    }

    /**
     * A frame of {@code width x height}; plate widths are drawn as fractions of the frame width
     * between {@code minPlate} and {@code maxPlate}.
     */
    public Scene next(int width, int height, double minPlate, double maxPlate) {
        Random rnd = plates.random();
        BufferedImage frame = plates.backgrounds().next(width, height, rnd);
        Graphics2D g = frame.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        if (rnd.nextDouble() < 0.3) {
            distractorText(g, width, height, rnd);
        }
        int count = countPlates(rnd);
        List<PlateTruth> truths = new ArrayList<>();
        for (int i = 0; i < count * 4 && truths.size() < count; i++) {
            PlateTruth t = place(frame, g, width, height, minPlate, maxPlate, truths);
            if (t != null) {
                truths.add(t);
            }
        }
        g.dispose();
        return new Scene(Effects.camera(frame, rnd, 0.6 * rnd.nextDouble()), List.copyOf(truths));
    }

    private static int countPlates(Random rnd) {
        double r = rnd.nextDouble();
        return r < 0.15 ? 0 : r < 0.75 ? 1 : r < 0.95 ? 2 : 3;
    }

    private PlateTruth place(BufferedImage frame, Graphics2D g, int width, int height,
                             double minPlate, double maxPlate, List<PlateTruth> taken) {
        Random rnd = plates.random();
        boolean real = !realCrops.isEmpty() && rnd.nextDouble() < 0.3;
        PlateStyle style = plates.nextStyle();
        PlateText text = real ? PlateText.of("") : plates.nextText(style);
        BufferedImage plate = real ? realCrops.get(rnd.nextInt(realCrops.size())) : plates.flat(style, text);
        double pw = width * minPlate * Math.pow(maxPlate / minPlate, rnd.nextDouble());
        double ph = pw * plate.getHeight() / plate.getWidth() * (0.85 + 0.3 * rnd.nextDouble());
        if (pw > width - 4 || ph > height - 4) {
            return null;
        }
        double x = 2 + rnd.nextDouble() * (width - pw - 4);
        double y = 2 + rnd.nextDouble() * (height - ph - 4);
        double[] quad = plates.jitter(new double[] {x, y, x + pw, y, x + pw, y + ph, x, y + ph}, pw, ph, 0.02, 5);
        Box box = Box.bounding(quad);
        if (box.x() < 0 || box.y() < 0 || box.x() + box.w() > width || box.y() + box.h() > height
                || taken.stream().anyMatch(t -> t.box().expand(0.3, 0.6).iou(box) > 0)) {
            return null;
        }
        if (rnd.nextDouble() < 0.6) {
            vehicleBody(g, box, rnd);
        }
        Homography.warpInto(frame, plate, quad);
        return new PlateTruth(text, box, quad);
    }

    /** A bumper-like surface around the plate, as plates sit on cars rather than on walls. */
    private static void vehicleBody(Graphics2D g, Box b, Random rnd) {
        double bw = b.w() * (1.6 + 2.5 * rnd.nextDouble());
        double bh = b.h() * (1.6 + 2.5 * rnd.nextDouble());
        double bx = b.x() + b.w() / 2 - bw * (0.3 + 0.4 * rnd.nextDouble());
        double by = b.y() + b.h() / 2 - bh * (0.3 + 0.4 * rnd.nextDouble());
        int v = 20 + rnd.nextInt(220);
        Color c = new Color(v, v, Math.min(255, v + rnd.nextInt(30)));
        g.setPaint(new GradientPaint((float) bx, (float) by, c, (float) bx, (float) (by + bh), c.darker()));
        g.fill(new RoundRectangle2D.Double(bx, by, bw, bh, bw / 5, bh / 3));
    }

    private static void distractorText(Graphics2D g, int width, int height, Random rnd) {
        String[] words = {"STOP", "PARKING", "SALE 50%", "OPEN", "EXIT", "123", "AUTO", "TAXI", "BUS"};
        int v = rnd.nextInt(256);
        g.setColor(new Color(v, v, v));
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 8 + rnd.nextInt(Math.max(1, height / 8))));
        g.drawString(words[rnd.nextInt(words.length)], rnd.nextInt(width), rnd.nextInt(height));
    }
}
