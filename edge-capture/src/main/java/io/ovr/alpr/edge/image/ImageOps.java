package io.ovr.alpr.edge.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
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
        toGrey(grey(img), img.getWidth(), img.getHeight(), new Box(0, 0, img.getWidth(), img.getHeight()),
                width, height, out, offset);
    }

    /**
     * As {@link #toGrey(BufferedImage, int, int, float[], int)} for the part of a grey image
     * ({@code sw x sh}, from {@link #grey}) under {@code region}, which may leave the image: outside
     * it the edge pixels repeat, as {@link #crop} pads.
     */
    public static void toGrey(float[] grey, int sw, int sh, Box region, int width, int height, float[] out, int offset) {
        double sx = region.w() / width;
        double sy = region.h() / height;
        if (sx <= 1 && sy <= 1) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    out[offset + y * width + x] = bilinear(grey, sw, sh, region.x() + (x + 0.5) * sx - 0.5,
                            region.y() + (y + 0.5) * sy - 0.5);
                }
            }
            return;
        }
        // the columns each output pixel averages, worked out once rather than per pixel
        int[] xs0 = new int[width];
        int[] xs1 = new int[width];
        for (int x = 0; x < width; x++) {
            xs0[x] = (int) Math.floor(region.x() + x * sx);
            xs1[x] = Math.max(xs0[x] + 1, (int) Math.floor(region.x() + (x + 1) * sx));
        }
        for (int y = 0; y < height; y++) {
            int y0 = (int) Math.floor(region.y() + y * sy);
            int y1 = Math.max(y0 + 1, (int) Math.floor(region.y() + (y + 1) * sy));
            for (int x = 0; x < width; x++) {
                out[offset + y * width + x] = boxMean(grey, sw, sh, xs0[x], xs1[x], y0, y1);
            }
        }
    }

    /**
     * Grey values in [0, 1] of every pixel (ITU-R 601 luma), from the pixels {@link #rgb} reads
     * (straight from the raster for the usual 8-bit layouts: {@code getRGB} converts every pixel
     * through the colour model, which took most of a 1280x720 frame's detection time).
     */
    public static float[] grey(BufferedImage img) {
        return grey(img, null);
    }

    /**
     * As {@link #grey(BufferedImage)}, into {@code into} when it has the image's size (a detector
     * reuses one array for its frames: a 1280x720 frame's is 3.7 MB), else into a new array.
     */
    public static float[] grey(BufferedImage img, float[] into) {
        int w = img.getWidth();
        int h = img.getHeight();
        float[] g = into != null && into.length == w * h ? into : new float[w * h];
        WritableRaster raster = img.getRaster();
        if (img.getType() == BufferedImage.TYPE_3BYTE_BGR && raster.getDataBuffer() instanceof DataBufferByte db
                && db.getNumBanks() == 1 && raster.getSampleModel() instanceof PixelInterleavedSampleModel sm
                && sm.getScanlineStride() == 3 * w && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0) {
            // a whole 3-byte BGR image, as video frames are: one pass over its bytes, no copy
            byte[] d = db.getData();
            for (int p = 0, i = db.getOffset(); p < w * h; p++, i += 3) {
                g[p] = luma(d[i + 2] & 0xff, d[i + 1] & 0xff, d[i] & 0xff);
            }
            return g;
        }
        int[] px = rgb(img, 0, 0, w, h);
        for (int i = 0; i < px.length; i++) {
            int c = px[i];
            g[i] = luma((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff);
        }
        return g;
    }

    /** {@code 0.299f * v}, {@code 0.587f * v}, {@code 0.114f * v} for each 8-bit value: the same floats, looked up. */
    private static final float[] RED = new float[256];
    private static final float[] GREEN = new float[256];
    private static final float[] BLUE = new float[256];

    static {
        for (int v = 0; v < 256; v++) {
            RED[v] = 0.299f * v;
            GREEN[v] = 0.587f * v;
            BLUE[v] = 0.114f * v;
        }
    }

    private static float luma(int r, int g, int b) {
        return (RED[r] + GREEN[g] + BLUE[b]) / 255f;
    }

    /** Mean over pixels [x0, x1) x [y0, y1); outside the image the edge pixels repeat. */
    private static float boxMean(float[] g, int w, int h, int x0, int x1, int y0, int y1) {
        float sum = 0;
        if (x0 >= 0 && x1 <= w && y0 >= 0 && y1 <= h) {
            // inside the image (nearly always): the same sums in the same order, without clamping
            for (int y = y0; y < y1; y++) {
                int row = y * w;
                for (int x = x0; x < x1; x++) {
                    sum += g[row + x];
                }
            }
            return sum / ((x1 - x0) * (y1 - y0));
        }
        int n = 0;
        for (int y = y0; y < y1; y++) {
            int row = Math.max(0, Math.min(h - 1, y)) * w;
            for (int x = x0; x < x1; x++) {
                sum += g[row + Math.max(0, Math.min(w - 1, x))];
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
        int[] inside = rgb(img, ix0, iy0, iw, iy1 - iy0);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] px = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            int sy = Math.max(iy0, Math.min(iy1 - 1, y0 + y)) - iy0;
            for (int x = 0; x < w; x++) {
                int sx = Math.max(ix0, Math.min(ix1 - 1, x0 + x)) - ix0;
                px[y * w + x] = inside[sy * iw + sx] & 0xffffff;
            }
        }
        return out;
    }

    /**
     * The pixels of a rectangle inside {@code img} as {@code getRGB} gives them (0xAARRGGBB, row
     * by row): read straight from the raster for 3-byte BGR, 4-byte ABGR, int RGB and int ARGB
     * (sub-images included), through {@code getRGB} otherwise.
     */
    static int[] rgb(BufferedImage img, int x0, int y0, int w, int h) {
        WritableRaster raster = img.getRaster();
        int tx = raster.getSampleModelTranslateX();
        int ty = raster.getSampleModelTranslateY();
        int type = img.getType();
        int[] px = new int[w * h];
        if ((type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_4BYTE_ABGR)
                && raster.getDataBuffer() instanceof DataBufferByte db && db.getNumBanks() == 1
                && raster.getSampleModel() instanceof PixelInterleavedSampleModel sm) {
            byte[] d = db.getData();
            int stride = sm.getScanlineStride();
            int ps = sm.getPixelStride();
            int[] band = sm.getBandOffsets(); // red, green, blue, then alpha for ABGR
            boolean alpha = band.length == 4;
            for (int y = 0; y < h; y++) {
                int row = db.getOffset() + (y0 + y - ty) * stride + (x0 - tx) * ps;
                for (int x = 0; x < w; x++) {
                    int i = row + x * ps;
                    px[y * w + x] = (alpha ? (d[i + band[3]] & 0xff) << 24 : 0xff000000)
                            | (d[i + band[0]] & 0xff) << 16 | (d[i + band[1]] & 0xff) << 8 | (d[i + band[2]] & 0xff);
                }
            }
            return px;
        }
        if ((type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
                && raster.getDataBuffer() instanceof DataBufferInt db && db.getNumBanks() == 1
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel sm) {
            int[] d = db.getData();
            int stride = sm.getScanlineStride();
            int opaque = type == BufferedImage.TYPE_INT_RGB ? 0xff000000 : 0;
            int mask = type == BufferedImage.TYPE_INT_RGB ? 0xffffff : 0xffffffff;
            for (int y = 0; y < h; y++) {
                int row = db.getOffset() + (y0 + y - ty) * stride + (x0 - tx);
                for (int x = 0; x < w; x++) {
                    px[y * w + x] = opaque | (d[row + x] & mask);
                }
            }
            return px;
        }
        return img.getRGB(x0, y0, w, h, px, 0, w);
    }

    /** The image as a new 3-byte BGR image; the image itself when it is one already. */
    public static BufferedImage toBgr(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return img;
        }
        int w = img.getWidth();
        int h = img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        if (img.getType() == BufferedImage.TYPE_INT_RGB) {
            int[] px = rgb(img, 0, 0, w, h);
            byte[] d = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
            for (int i = 0, j = 0; i < px.length; i++, j += 3) {
                int c = px[i];
                d[j] = (byte) c;
                d[j + 1] = (byte) (c >> 8);
                d[j + 2] = (byte) (c >> 16);
            }
            return out;
        }
        Graphics2D g = out.createGraphics();
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return out;
    }

    /**
     * The image as JPEG. The writer takes 3-byte BGR and grey rasters row by row as they are; any
     * other layout is first copied into 3-byte BGR ({@link #toBgr}), which is several times faster
     * than letting the writer unpack, say, int RGB pixel by pixel (it did, and took most of a
     * 1280x720 frame's encoding time).
     */
    public static byte[] jpeg(BufferedImage img, float quality) {
        BufferedImage rgb = img.getType() == BufferedImage.TYPE_BYTE_GRAY ? img : toBgr(img);
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
