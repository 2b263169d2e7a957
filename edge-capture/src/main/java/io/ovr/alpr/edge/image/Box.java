package io.ovr.alpr.edge.image;

/**
 * An axis-aligned box in pixel coordinates.
 *
 * @param x left edge
 * @param y top edge
 * @param w width
 * @param h height
 */
public record Box(double x, double y, double w, double h) {

    public double area() {
        return Math.max(0, w) * Math.max(0, h);
    }

    /** Intersection over union with another box; 0 when either is empty. */
    public double iou(Box o) {
        double ix = Math.max(0, Math.min(x + w, o.x + o.w) - Math.max(x, o.x));
        double iy = Math.max(0, Math.min(y + h, o.y + o.h) - Math.max(y, o.y));
        double inter = ix * iy;
        double union = area() + o.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    public Box scale(double sx, double sy) {
        return new Box(x * sx, y * sy, w * sx, h * sy);
    }

    /** Grows the box by fractions of its own size on each side. */
    public Box expand(double fx, double fy) {
        return new Box(x - w * fx, y - h * fy, w * (1 + 2 * fx), h * (1 + 2 * fy));
    }

    /** The box clipped to an image of the given size. */
    public Box clip(int width, int height) {
        double x0 = Math.max(0, x);
        double y0 = Math.max(0, y);
        double x1 = Math.min(width, x + w);
        double y1 = Math.min(height, y + h);
        return new Box(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    /** Bounding box of a quadrilateral given as x0,y0,x1,y1,x2,y2,x3,y3. */
    public static Box bounding(double[] quad) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < quad.length; i += 2) {
            minX = Math.min(minX, quad[i]);
            maxX = Math.max(maxX, quad[i]);
            minY = Math.min(minY, quad[i + 1]);
            maxY = Math.max(maxY, quad[i + 1]);
        }
        return new Box(minX, minY, maxX - minX, maxY - minY);
    }
}
