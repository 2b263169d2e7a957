package io.ovr.alpr.edge.synth;

import java.awt.image.BufferedImage;

/**
 * One rendered plate crop, the way a detector would hand it to the reader.
 *
 * @param image the crop (plate plus a margin of its surroundings)
 * @param text the plate's text
 * @param style the layout it was drawn in
 */
public record PlateSample(BufferedImage image, PlateText text, PlateStyle style) {
}
