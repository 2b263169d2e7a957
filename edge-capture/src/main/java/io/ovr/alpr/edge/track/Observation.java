package io.ovr.alpr.edge.track;

import io.ovr.alpr.edge.image.Box;
import io.ovr.alpr.edge.reader.Reading;
import java.awt.image.BufferedImage;

/**
 * One plate seen in one frame.
 *
 * @param frame frame index
 * @param box where, in frame pixels
 * @param reading what the reader made of it
 * @param timestampMillis capture time of the frame
 * @param crop the plate crop (kept for the best observation of a track)
 * @param frameId id of the published frame it was seen in (null when frames are not published)
 * @param frameKey object key of that frame's JPEG (null when not stored)
 */
public record Observation(long frame, Box box, Reading reading, long timestampMillis, BufferedImage crop,
                          String frameId, String frameKey) {

    /** An observation of a frame that is not published. */
    public Observation(long frame, Box box, Reading reading, long timestampMillis, BufferedImage crop) {
        this(frame, box, reading, timestampMillis, crop, null, null);
    }
}
