package io.ovr.alpr.edge.synth;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A rendered frame with the plates placed in it.
 *
 * @param image the frame
 * @param plates where each plate is and what it says
 */
public record Scene(BufferedImage image, List<PlateTruth> plates) {
}
