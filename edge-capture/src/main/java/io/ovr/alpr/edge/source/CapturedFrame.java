package io.ovr.alpr.edge.source;

import java.awt.image.BufferedImage;

/**
 * One frame from a source.
 *
 * @param index position in the source, from 0
 * @param timestampMillis capture time (stream time for files, wall clock for live streams)
 * @param image the pixels
 */
public record CapturedFrame(long index, long timestampMillis, BufferedImage image) {
}
