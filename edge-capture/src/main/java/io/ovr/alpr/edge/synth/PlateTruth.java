package io.ovr.alpr.edge.synth;

import io.ovr.alpr.edge.image.Box;

/**
 * Ground truth of one plate in a rendered scene.
 *
 * @param text the plate's text; empty label for real unlabelled crops
 * @param box axis-aligned bounding box of the plate
 * @param quad the plate's corners (TL, TR, BR, BL) as x0,y0,...,x3,y3
 */
public record PlateTruth(PlateText text, Box box, double[] quad) {
}
