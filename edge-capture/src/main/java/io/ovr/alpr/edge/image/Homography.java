package io.ovr.alpr.edge.image;

import java.awt.image.BufferedImage;

/** A projective transform between two quadrilaterals, used to warp plates into perspective. */
public final class Homography {

    private final double[] m;

    private Homography(double[] m) {
        this.m = m;
    }

    /** The transform taking the 4 points of {@code from} onto those of {@code to} (x0,y0,...,x3,y3). */
    public static Homography of(double[] from, double[] to) {
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = from[2 * i];
            double y = from[2 * i + 1];
            double u = to[2 * i];
            double v = to[2 * i + 1];
            a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        double[] h = solve(a);
        return new Homography(new double[] {h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], 1});
    }

    public double[] apply(double x, double y) {
        double w = m[6] * x + m[7] * y + m[8];
        return new double[] {(m[0] * x + m[1] * y + m[2]) / w, (m[3] * x + m[4] * y + m[5]) / w};
    }

    /** Draws {@code src} into {@code dst} so that its corners land on {@code quad} (TL, TR, BR, BL). */
    public static void warpInto(BufferedImage dst, BufferedImage source, double[] quad) {
        BufferedImage src = prescale(source, Box.bounding(quad));
        int sw = src.getWidth();
        int sh = src.getHeight();
        double[] corners = {0, 0, sw, 0, sw, sh, 0, sh};
        Homography inv = of(quad, corners);
        Box b = Box.bounding(quad).clip(dst.getWidth(), dst.getHeight());
        int x0 = (int) Math.floor(b.x());
        int y0 = (int) Math.floor(b.y());
        int x1 = (int) Math.ceil(b.x() + b.w());
        int y1 = (int) Math.ceil(b.y() + b.h());
        int[] srcPx = src.getRGB(0, 0, sw, sh, null, 0, sw);
        for (int y = y0; y < y1 && y < dst.getHeight(); y++) {
            for (int x = x0; x < x1 && x < dst.getWidth(); x++) {
                double[] s = inv.apply(x + 0.5, y + 0.5);
                if (s[0] >= 0 && s[1] >= 0 && s[0] < sw && s[1] < sh) {
                    dst.setRGB(x, y, bilinear(srcPx, sw, sh, s[0] - 0.5, s[1] - 0.5));
                }
            }
        }
    }

    /**
     * Shrinks the source (averaging pixels) to about the size it will cover, so that a strong
     * reduction does not alias, as point sampling would, where a camera would blur.
     */
    private static BufferedImage prescale(BufferedImage src, Box target) {
        double f = Math.max(target.w() / src.getWidth(), target.h() / src.getHeight());
        if (f >= 0.7) {
            return src;
        }
        int w = Math.max(2, (int) Math.round(src.getWidth() * f * 1.2));
        int h = Math.max(2, (int) Math.round(src.getHeight() * f * 1.2));
        return ImageOps.resize(src, w, h, BufferedImage.TYPE_INT_RGB);
    }

    private static int bilinear(int[] px, int w, int h, double x, double y) {
        int xi = (int) Math.floor(x);
        int yi = (int) Math.floor(y);
        double fx = x - xi;
        double fy = y - yi;
        int c00 = px[idx(xi, yi, w, h)];
        int c10 = px[idx(xi + 1, yi, w, h)];
        int c01 = px[idx(xi, yi + 1, w, h)];
        int c11 = px[idx(xi + 1, yi + 1, w, h)];
        int out = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            double top = ch(c00, shift) * (1 - fx) + ch(c10, shift) * fx;
            double bottom = ch(c01, shift) * (1 - fx) + ch(c11, shift) * fx;
            out |= ((int) Math.round(top * (1 - fy) + bottom * fy) & 0xff) << shift;
        }
        return out;
    }

    private static int idx(int x, int y, int w, int h) {
        return Math.max(0, Math.min(h - 1, y)) * w + Math.max(0, Math.min(w - 1, x));
    }

    private static int ch(int rgb, int shift) {
        return (rgb >> shift) & 0xff;
    }

    private static double[] solve(double[][] a) {
        int n = 8;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int c = col; c <= n; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a[i][n] / a[i][i];
        }
        return x;
    }
}
