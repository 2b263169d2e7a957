package io.ovr.alpr.edge.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Small image helpers: grey tensors, crops, resizing, JPEG round trips. */
public final class ImageOps {

    private ImageOps() {
    }

    /**
     * Resizes and converts to grey values in [0, 1], row-major, into {@code out} at {@code offset}:
     * box-averaging where it shrinks, bilinear where it enlarges.
     */
    public static void toGrey(BufferedImage img, int width, int height, float[] out, int offset) {
        int sw = img.getWidth();
        int sh = img.getHeight();
        float[] grey = grey(img);
        double sx = (double) sw / width;
        double sy = (double) sh / height;
        for (int y = 0; y < height; y++) {
            int y0 = (int) (y * sy);
            int y1 = Math.max(y0 + 1, (int) ((y + 1) * sy));
            for (int x = 0; x < width; x++) {
                out[offset + y * width + x] = sx <= 1 && sy <= 1
                        ? bilinear(grey, sw, sh, (x + 0.5) * sx - 0.5, (y + 0.5) * sy - 0.5)
                        : boxMean(grey, sw, (int) (x * sx), Math.max((int) (x * sx) + 1, (int) ((x + 1) * sx)), y0, y1);
            }
        }
    }

    /** Grey values in [0, 1] of every pixel (ITU-R 601 luma). */
    static float[] grey(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        float[] g = new float[px.length];
        for (int i = 0; i < px.length; i++) {
            int c = px[i];
            g[i] = (0.299f * ((c >> 16) & 0xff) + 0.587f * ((c >> 8) & 0xff) + 0.114f * (c & 0xff)) / 255f;
        }
        return g;
    }

    private static float boxMean(float[] g, int w, int x0, int x1, int y0, int y1) {
        float sum = 0;
        int h = g.length / w;
        int n = 0;
        for (int y = y0; y < Math.min(y1, h); y++) {
            for (int x = x0; x < Math.min(x1, w); x++) {
                sum += g[y * w + x];
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private static float bilinear(float[] g, int w, int h, double x, double y) {
        int xi = (int) Math.floor(x);
        int yi = (int) Math.floor(y);
        float fx = (float) (x - xi);
        float fy = (float) (y - yi);
        float top = at(g, w, h, xi, yi) * (1 - fx) + at(g, w, h, xi + 1, yi) * fx;
        float bottom = at(g, w, h, xi, yi + 1) * (1 - fx) + at(g, w, h, xi + 1, yi + 1) * fx;
        return top * (1 - fy) + bottom * fy;
    }

    private static float at(float[] g, int w, int h, int x, int y) {
        return g[Math.max(0, Math.min(h - 1, y)) * w + Math.max(0, Math.min(w - 1, x))];
    }

    public static BufferedImage resize(BufferedImage img, int width, int height, int type) {
        BufferedImage out = new BufferedImage(width, height, type);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        BufferedImage src = img;
        // step down by halves so that strong reductions average pixels instead of skipping them
        while (src.getWidth() >= width * 2 && src.getHeight() >= height * 2) {
            src = halve(src);
        }
        g.drawImage(src, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    private static BufferedImage halve(BufferedImage img) {
        BufferedImage out = new BufferedImage(img.getWidth() / 2, img.getHeight() / 2,
                img.getType() == BufferedImage.TYPE_BYTE_GRAY ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, out.getWidth(), out.getHeight(), null);
        g.dispose();
        return out;
    }

    /** Copies the part of {@code img} under {@code box}, padding with edge pixels where the box leaves the image. */
    public static BufferedImage crop(BufferedImage img, Box box) {
        int w = Math.max(1, (int) Math.round(box.w()));
        int h = Math.max(1, (int) Math.round(box.h()));
        int x0 = (int) Math.round(box.x());
        int y0 = (int) Math.round(box.y());
        // the part inside the image, read in one bulk call (per-pixel getRGB is many times slower)
        int ix0 = Math.max(0, Math.min(img.getWidth() - 1, x0));
        int iy0 = Math.max(0, Math.min(img.getHeight() - 1, y0));
        int ix1 = Math.max(ix0 + 1, Math.min(img.getWidth(), x0 + w));
        int iy1 = Math.max(iy0 + 1, Math.min(img.getHeight(), y0 + h));
        int iw = ix1 - ix0;
        int[] inside = img.getRGB(ix0, iy0, iw, iy1 - iy0, null, 0, iw);
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            int sy = Math.max(iy0, Math.min(iy1 - 1, y0 + y)) - iy0;
            for (int x = 0; x < w; x++) {
                int sx = Math.max(ix0, Math.min(ix1 - 1, x0 + x)) - ix0;
                px[y * w + x] = inside[sy * iw + sx];
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, px, 0, w);
        return out;
    }

    public static byte[] jpeg(BufferedImage img, float quality) {
        BufferedImage rgb = img;
        if (img.getType() != BufferedImage.TYPE_INT_RGB && img.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(img, 0, 0, null);
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Encodes and decodes as JPEG, leaving its compression artefacts. */
    public static BufferedImage jpegRoundTrip(BufferedImage img, float quality) {
        try {
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(jpeg(img, quality)));
            return toRgb(back);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferedImage toRgb(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_INT_RGB) {
            return img;
        }
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return out;
    }
}
