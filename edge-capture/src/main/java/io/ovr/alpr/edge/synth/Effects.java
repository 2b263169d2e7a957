package io.ovr.alpr.edge.synth;

import io.ovr.alpr.edge.image.ImageOps;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.Random;

/** Camera effects applied to rendered images: lighting, blur, noise, JPEG artefacts. */
final class Effects {

    private Effects() {
    }

    /** Applies a random mix of effects; {@code strength} in [0, 1] scales how harsh they may be. */
    static BufferedImage camera(BufferedImage img, Random rnd, double strength) {
        BufferedImage out = lighting(img, rnd, strength);
        if (rnd.nextDouble() < 0.7) {
            out = blur(out, rnd.nextDouble() < 0.3, 1 + rnd.nextInt(1 + (int) (strength * img.getWidth() / 90)));
        }
        out = noise(out, rnd, rnd.nextDouble() * 10 * strength);
        if (rnd.nextDouble() < 0.8) {
            out = ImageOps.jpegRoundTrip(out, (float) (0.95 - rnd.nextDouble() * 0.55 * strength));
        }
        return out;
    }

    /** Contrast, brightness and a linear illumination gradient (with an optional shadow edge). */
    static BufferedImage lighting(BufferedImage img, Random rnd, double strength) {
        int w = img.getWidth();
        int h = img.getHeight();
        double contrast = 1 - rnd.nextDouble() * 0.6 * strength;
        double bright = (rnd.nextDouble() - 0.5) * 80 * strength;
        double gx = (rnd.nextDouble() - 0.5) * 0.8 * strength / w;
        double gy = (rnd.nextDouble() - 0.5) * 0.8 * strength / h;
        boolean shadow = rnd.nextDouble() < 0.2 * strength;
        double sx = rnd.nextDouble() * w;
        double slope = (rnd.nextDouble() - 0.5) * 2;
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double f = 1 + gx * (x - w / 2.0) + gy * (y - h / 2.0);
                if (shadow && x > sx + slope * y) {
                    f *= 0.55;
                }
                int c = px[y * w + x];
                int r = tone((c >> 16) & 0xff, contrast, bright, f);
                int g = tone((c >> 8) & 0xff, contrast, bright, f);
                int b = tone(c & 0xff, contrast, bright, f);
                px[y * w + x] = (r << 16) | (g << 8) | b;
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, px, 0, w);
        return out;
    }

    private static int tone(int v, double contrast, double bright, double factor) {
        double t = ((v - 128) * contrast + 128 + bright) * factor;
        return (int) Math.max(0, Math.min(255, Math.round(t)));
    }

    static BufferedImage blur(BufferedImage img, boolean motion, int radius) {
        int size = 2 * radius + 1;
        float[] k;
        Kernel kernel;
        if (motion) {
            k = new float[size];
            java.util.Arrays.fill(k, 1f / size);
            kernel = new Kernel(size, 1, k);
        } else {
            k = new float[size * size];
            java.util.Arrays.fill(k, 1f / (size * size));
            kernel = new Kernel(size, size, k);
        }
        BufferedImage src = ImageOps.toRgb(img);
        return new ConvolveOp(kernel, ConvolveOp.EDGE_NO_OP, null).filter(src, null);
    }

    static BufferedImage noise(BufferedImage img, Random rnd, double sigma) {
        if (sigma < 0.5) {
            return img;
        }
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < px.length; i++) {
            int n = (int) Math.round(rnd.nextGaussian() * sigma);
            int c = px[i];
            px[i] = (clamp(((c >> 16) & 0xff) + n) << 16) | (clamp(((c >> 8) & 0xff) + n) << 8) | clamp((c & 0xff) + n);
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, px, 0, w);
        return out;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
