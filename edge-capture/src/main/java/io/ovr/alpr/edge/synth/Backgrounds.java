package io.ovr.alpr.edge.synth;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Background pictures to composite plates onto: real photos when a folder is given,
 * otherwise generated clutter (so that tests need no data).
 */
public final class Backgrounds {

    private final List<BufferedImage> images;

    private Backgrounds(List<BufferedImage> images) {
        this.images = List.copyOf(images);
    }

    /** Generated backgrounds only. */
    public static Backgrounds generated() {
        return new Backgrounds(List.of());
    }

    /** Every .jpg/.png in {@code dir}, sorted by name (so that seeds reproduce). */
    public static Backgrounds load(Path dir) {
        return new Backgrounds(readImages(dir, Integer.MAX_VALUE));
    }

    public int size() {
        return images.size();
    }

    static List<BufferedImage> readImages(Path dir, int limit) {
        List<BufferedImage> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(Backgrounds::isImage).sorted().limit(limit).toList()) {
                BufferedImage img = ImageIO.read(p.toFile());
                if (img != null) {
                    out.add(img);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png");
    }

    /** A {@code width x height} background: a random, randomly scaled and flipped window of a photo. */
    BufferedImage next(int width, int height, Random rnd) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        if (images.isEmpty()) {
            clutter(g, width, height, rnd);
        } else {
            BufferedImage src = images.get(rnd.nextInt(images.size()));
            double aspect = (double) width / height;
            double frac = 0.3 + 0.7 * rnd.nextDouble();
            int sw = (int) Math.max(8, Math.min(src.getWidth(), src.getHeight() * aspect) * frac);
            int sh = (int) Math.max(4, sw / aspect);
            int sx = rnd.nextInt(Math.max(1, src.getWidth() - sw + 1));
            int sy = rnd.nextInt(Math.max(1, src.getHeight() - sh + 1));
            boolean flip = rnd.nextBoolean();
            g.drawImage(src, flip ? width : 0, 0, flip ? 0 : width, height, sx, sy, sx + sw, sy + sh, null);
        }
        g.dispose();
        return out;
    }

    private static void clutter(Graphics2D g, int w, int h, Random rnd) {
        g.setPaint(new GradientPaint(0, 0, grey(rnd), w, h, grey(rnd)));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 12; i++) {
            g.setColor(grey(rnd));
            int x = rnd.nextInt(w);
            int y = rnd.nextInt(h);
            if (rnd.nextBoolean()) {
                g.fillRect(x, y, 1 + rnd.nextInt(Math.max(1, w / 3)), 1 + rnd.nextInt(Math.max(1, h / 3)));
            } else {
                g.drawLine(x, y, rnd.nextInt(w), rnd.nextInt(h));
            }
        }
    }

    private static Color grey(Random rnd) {
        int v = 30 + rnd.nextInt(200);
        return new Color(v, Math.min(255, v + rnd.nextInt(20)), v);
    }
}
