package io.ovr.alpr.edge.synth;

import io.ovr.alpr.edge.image.Homography;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Renders synthetic plates in US, EU and Brazilian layouts: front-on plates, and plate crops
 * in perspective on a real background with lighting, blur, noise and JPEG artefacts.
 * The same seed gives the same sequence of images.
 */
public final class PlateRenderer {

    private final Random rnd;
    private final Backgrounds backgrounds;

    public PlateRenderer(long seed, Backgrounds backgrounds) {
        this.rnd = new Random(seed);
        this.backgrounds = backgrounds;
    }

    /** A random style, weighted towards the Brazilian plates of the benchmark. */
    public PlateStyle nextStyle() {
        double r = rnd.nextDouble();
        return r < 0.45 ? PlateStyle.BR : r < 0.55 ? PlateStyle.BR_MERCOSUR : r < 0.75 ? PlateStyle.US : PlateStyle.EU;
    }

    public PlateText nextText(PlateStyle style) {
        return TextGenerator.next(style, rnd);
    }

    /** A clean front-on plate. */
    public BufferedImage flat(PlateStyle style, PlateText text) {
        return FlatPlatePainter.paint(style, text, rnd);
    }

    /** A plate crop of a random style and text. */
    public PlateSample nextCrop() {
        PlateStyle style = nextStyle();
        return crop(style, nextText(style));
    }

    /** A plate crop as a detector would cut it: plate in perspective, a margin around it, camera effects. */
    public PlateSample crop(PlateStyle style, PlateText text) {
        BufferedImage plate = flat(style, text);
        double pw = 60 * Math.pow(4, rnd.nextDouble());
        double ph = pw * plate.getHeight() / plate.getWidth() * (0.85 + 0.35 * rnd.nextDouble());
        double mx = pw * (0.01 + 0.14 * rnd.nextDouble());
        double my = ph * (0.03 + 0.45 * rnd.nextDouble());
        int w = (int) Math.round(pw + 2 * mx);
        int h = (int) Math.round(ph + 2 * my);
        double[] quad = jitter(new double[] {mx, my, mx + pw, my, mx + pw, my + ph, mx, my + ph}, pw, ph, 0.03, 4);
        BufferedImage canvas = backgrounds.next(w, h, rnd);
        Homography.warpInto(canvas, plate, quad);
        return new PlateSample(Effects.camera(canvas, rnd, 0.75 * rnd.nextDouble()), text, style);
    }

    /**
     * Augments a real plate crop: a random re-crop (a few percent in or out on each side) and
     * mild camera effects.
     */
    public BufferedImage augment(BufferedImage crop) {
        int w = crop.getWidth();
        int h = crop.getHeight();
        io.ovr.alpr.edge.image.Box box = new io.ovr.alpr.edge.image.Box(
                w * (rnd.nextDouble() - 0.5) * 0.12, h * (rnd.nextDouble() - 0.5) * 0.2,
                w * (1 + (rnd.nextDouble() - 0.5) * 0.12), h * (1 + (rnd.nextDouble() - 0.5) * 0.2));
        return Effects.camera(io.ovr.alpr.edge.image.ImageOps.crop(crop, box), rnd, 0.4 * rnd.nextDouble());
    }

    /**
     * Moves each corner of a quad at random (fractions {@code jitter} of the plate size) and
     * rotates it about its centre by a normal angle of {@code degrees} standard deviation.
     */
    double[] jitter(double[] quad, double pw, double ph, double jitter, double degrees) {
        double cx = 0;
        double cy = 0;
        for (int i = 0; i < 4; i++) {
            cx += quad[2 * i] / 4;
            cy += quad[2 * i + 1] / 4;
        }
        double a = Math.toRadians(rnd.nextGaussian() * degrees);
        double[] out = new double[8];
        for (int i = 0; i < 4; i++) {
            double x = quad[2 * i] + rnd.nextGaussian() * jitter * pw - cx;
            double y = quad[2 * i + 1] + rnd.nextGaussian() * jitter * 1.5 * ph - cy;
            out[2 * i] = cx + x * Math.cos(a) - y * Math.sin(a);
            out[2 * i + 1] = cy + x * Math.sin(a) + y * Math.cos(a);
        }
        return out;
    }

    /** A background frame of the given size (for videos and scenes). */
    public BufferedImage backgroundFrame(int width, int height) {
        return backgrounds.next(width, height, rnd);
    }

    Random random() {
        return rnd;
    }

    Backgrounds backgrounds() {
        return backgrounds;
    }
}
