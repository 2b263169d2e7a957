package io.ovr.alpr.edge.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

/** Paints a front-on plate of one {@link PlateStyle}, filling the whole image. */
final class FlatPlatePainter {

    private static final List<String> FONT_NAMES = List.of("DejaVu Sans Condensed", "DejaVu Sans", "DejaVu Sans Mono");
    private static final List<String> BR_CITIES = List.of(
            "SP - SAO PAULO", "PR - CURITIBA", "SC - LAGES", "RJ - RIO DE JANEIRO", "MG - BELO HORIZONTE",
            "PR - PARANAGUA", "BA - SALVADOR", "RS - PORTO ALEGRE", "PR - GUARAPUAVA", "GO - GOIANIA");
    private static final List<String> US_STATES = List.of(
            "CALIFORNIA", "TEXAS", "NEW YORK", "FLORIDA", "OHIO", "ILLINOIS", "ARIZONA", "NEVADA", "OREGON", "GEORGIA");
    private static final List<String> EU_CODES = List.of("D", "F", "NL", "I", "E", "B", "P", "PL", "GB", "A");

    private FlatPlatePainter() {
    }

    /** Plate size in pixels (width, height) for a style at the painter's base scale. */
    static int[] size(PlateStyle style) {
        return switch (style) {
            case BR -> new int[] {300, 98};
            case BR_MERCOSUR -> new int[] {300, 92};
            case US -> new int[] {240, 120};
            case EU -> new int[] {350, 76};
        };
    }

    static BufferedImage paint(PlateStyle style, PlateText text, Random rnd) {
        int[] wh = size(style);
        BufferedImage img = new BufferedImage(wh[0], wh[1], BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        switch (style) {
            case BR -> paintBr(g, wh[0], wh[1], text, rnd);
            case BR_MERCOSUR -> paintMercosur(g, wh[0], wh[1], text, rnd);
            case US -> paintUs(g, wh[0], wh[1], text, rnd);
            case EU -> paintEu(g, wh[0], wh[1], text, rnd);
        }
        g.dispose();
        return img;
    }

    private static void paintBr(Graphics2D g, int w, int h, PlateText text, Random rnd) {
        boolean red = rnd.nextDouble() < 0.2;
        int grey = 150 + rnd.nextInt(90);
        Color bg = red ? new Color(140 + rnd.nextInt(60), 30 + rnd.nextInt(30), 30 + rnd.nextInt(30))
                : new Color(grey, grey, Math.min(255, grey + rnd.nextInt(12)));
        int ink = 10 + rnd.nextInt(50);
        Color fg = red ? new Color(235, 235, 235) : new Color(ink, ink, ink);
        fillBackground(g, w, h, bg, rnd);
        border(g, w, h, fg, 3f);
        screws(g, w, h, 0.12, rnd);
        drawFitted(g, TextGenerator.pick(BR_CITIES, rnd), font("DejaVu Sans", Font.BOLD), fg,
                w * 0.22, h * 0.05, w * 0.56, h * 0.17);
        drawFitted(g, text.display(), pickFont(rnd), fg, w * 0.05, h * 0.27, w * 0.90, h * 0.64);
    }

    private static void paintMercosur(Graphics2D g, int w, int h, PlateText text, Random rnd) {
        fillBackground(g, w, h, new Color(242, 242, 242), rnd);
        g.setColor(new Color(0, 51, 153));
        g.fillRect(0, 0, w, (int) (h * 0.22));
        drawFitted(g, "BRASIL", font("DejaVu Sans", Font.BOLD), Color.WHITE, w * 0.38, h * 0.02, w * 0.24, h * 0.17);
        border(g, w, h, Color.BLACK, 3f);
        drawFitted(g, text.display(), pickFont(rnd), Color.BLACK, w * 0.06, h * 0.30, w * 0.88, h * 0.62);
    }

    private static void paintUs(Graphics2D g, int w, int h, PlateText text, Random rnd) {
        Color bg = new Color(225 + rnd.nextInt(30), 225 + rnd.nextInt(30), 215 + rnd.nextInt(40));
        g.setPaint(new GradientPaint(0, 0, bg, 0, h, bg.darker()));
        g.fillRect(0, 0, w, h);
        Color fg = TextGenerator.pick(List.of(new Color(20, 30, 110), new Color(130, 20, 20), new Color(15, 15, 15),
                new Color(20, 80, 30)), rnd);
        screws(g, w, h, 0.1, rnd);
        drawFitted(g, TextGenerator.pick(US_STATES, rnd), font("DejaVu Serif", Font.BOLD),
                new Color(150, 20, 20), w * 0.2, h * 0.06, w * 0.6, h * 0.18);
        drawFitted(g, text.display(), pickFont(rnd), fg, w * 0.06, h * 0.28, w * 0.88, h * 0.52);
        if (rnd.nextBoolean()) {
            drawFitted(g, "DRIVE SAFELY", font("DejaVu Sans", Font.PLAIN), fg, w * 0.3, h * 0.84, w * 0.4, h * 0.12);
        }
        border(g, w, h, fg, 2f);
    }

    private static void paintEu(Graphics2D g, int w, int h, PlateText text, Random rnd) {
        Color bg = rnd.nextDouble() < 0.25 ? new Color(245, 200, 20) : new Color(240, 240, 236);
        fillBackground(g, w, h, bg, rnd);
        int band = (int) (w * 0.08);
        g.setColor(new Color(0, 51, 153));
        g.fillRect(0, 0, band, h);
        g.setColor(new Color(255, 204, 0));
        for (int i = 0; i < 12; i++) {
            double a = Math.PI * 2 * i / 12;
            g.fill(new Ellipse2D.Double(band / 2.0 + Math.cos(a) * band * 0.3 - 1.5, h * 0.32 + Math.sin(a) * band * 0.3 - 1.5, 3, 3));
        }
        drawFitted(g, TextGenerator.pick(EU_CODES, rnd), font("DejaVu Sans", Font.BOLD), Color.WHITE,
                band * 0.1, h * 0.58, band * 0.8, h * 0.32);
        border(g, w, h, Color.BLACK, 2.5f);
        drawFitted(g, text.display(), pickFont(rnd), Color.BLACK, band + w * 0.03, h * 0.12, w - band - w * 0.06, h * 0.76);
    }

    private static void fillBackground(Graphics2D g, int w, int h, Color bg, Random rnd) {
        g.setColor(bg);
        g.fillRect(0, 0, w, h);
        for (int i = rnd.nextInt(6); i > 0; i--) {
            int shade = rnd.nextInt(40) - 20;
            g.setColor(new Color(clamp(bg.getRed() + shade), clamp(bg.getGreen() + shade), clamp(bg.getBlue() + shade), 60));
            g.fillOval(rnd.nextInt(w), rnd.nextInt(h), 5 + rnd.nextInt(w / 4), 3 + rnd.nextInt(h / 3));
        }
    }

    private static void border(Graphics2D g, int w, int h, Color c, float width) {
        g.setColor(c);
        g.setStroke(new BasicStroke(width));
        g.draw(new RoundRectangle2D.Double(width, width, w - 2 * width, h - 2 * width, 10, 10));
    }

    private static void screws(Graphics2D g, int w, int h, double y, Random rnd) {
        g.setColor(new Color(90 + rnd.nextInt(80), 90 + rnd.nextInt(80), 90 + rnd.nextInt(80)));
        double r = h * 0.05;
        g.fill(new Ellipse2D.Double(w * 0.12 - r, h * y, 2 * r, 2 * r));
        g.fill(new Ellipse2D.Double(w * 0.88 - r, h * y, 2 * r, 2 * r));
    }

    private static Font pickFont(Random rnd) {
        return font(TextGenerator.pick(FONT_NAMES, rnd), rnd.nextDouble() < 0.8 ? Font.BOLD : Font.PLAIN);
    }

    private static Font font(String name, int style) {
        return new Font(name, style, 100);
    }

    /** Draws text scaled (non-uniformly) to fill the box, as plate fonts are condensed to fit. */
    private static void drawFitted(Graphics2D g, String s, Font base, Color c, double x, double y, double bw, double bh) {
        FontMetrics fm = g.getFontMetrics(base);
        double textW = Math.max(1, fm.stringWidth(s));
        double capH = fm.getAscent() * 0.74;
        double sy = bh / capH;
        double sx = Math.min(bw / textW, sy * 1.15);
        Font f = base.deriveFont(AffineTransform.getScaleInstance(sx, sy));
        g.setFont(f);
        g.setColor(c);
        double drawnW = textW * sx;
        g.drawString(s, (float) (x + (bw - drawnW) / 2), (float) (y + bh));
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
