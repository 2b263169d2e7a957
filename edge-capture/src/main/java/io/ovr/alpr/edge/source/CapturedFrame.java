package io.ovr.alpr.edge.source;

import java.awt.image.BufferedImage;

/**
 * One frame from a source.
 *
 * @param index position in the source, from 0
 * @param timestampMillis capture time: wall clock for live streams; for files, the time the file was opened plus
 *     the frame's stream time (so reads of a file are not dated 1970 and rejected as late)
 * @param image the pixels
 */
public record CapturedFrame(long index, long timestampMillis, BufferedImage image) {
}
