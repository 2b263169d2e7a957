package io.ovr.alpr.edge.detect;

import io.ovr.alpr.edge.image.Box;

/**
 * A plate found in a frame.
 *
 * @param box where, in frame pixels
 * @param score the highest plate probability inside the box, in [0, 1]
 */
public record Detection(Box box, double score) {
}
