package io.ovr.alpr.edge.pipeline;

import io.ovr.alpr.edge.detect.Detection;
import io.ovr.alpr.edge.detect.PlateDetector;
import io.ovr.alpr.edge.image.Box;
import io.ovr.alpr.edge.image.ImageOps;
import io.ovr.alpr.edge.reader.CropSearch;
import io.ovr.alpr.edge.reader.PlateReader;
import io.ovr.alpr.edge.reader.Reading;
import io.ovr.alpr.edge.source.CapturedFrame;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-frame work that runs on a worker thread: detect, read each plate (the detector's box,
 * or the surest of several crops around it: {@link CropSearch}), and encode the frame JPEG when
 * it holds a plate. Each worker owns its detector and reader (they are not thread-safe).
 */
final class FrameWork {

    static final float JPEG_QUALITY = 0.85f;

    /**
     * What one frame gave.
     *
     * @param frame the frame
     * @param boxes the plates found
     * @param readings what each plate reads
     * @param crops the plate crops
     * @param frameJpeg the frame as JPEG when a plate was found, else null
     * @param detectNanos time spent detecting
     * @param readNanos time spent reading
     * @param encodeNanos time spent encoding the JPEG
     * @param decodeNanos time the source took to decode the frame
     */
    record Result(CapturedFrame frame, List<Box> boxes, List<Reading> readings, List<BufferedImage> crops,
                  byte[] frameJpeg, long detectNanos, long readNanos, long encodeNanos, long decodeNanos) {
    }

    private final PlateDetector detector;
    private final PlateReader reader;
    private final CropSearch search;

    FrameWork(PlateDetector detector, PlateReader reader, CropSearch search) {
        this.detector = detector;
        this.reader = reader;
        this.search = search;
    }

    Result process(CapturedFrame f, long decodeNanos) {
        long t0 = System.nanoTime();
        List<Box> detected = new ArrayList<>();
        for (Detection d : detector.detect(f.image())) {
            detected.add(d.box());
        }
        long t1 = System.nanoTime();
        List<Box> boxes = new ArrayList<>(detected.size());
        List<BufferedImage> crops = new ArrayList<>(detected.size());
        List<Reading> readings = new ArrayList<>(detected.size());
        for (CropSearch.Result r : search.read(reader, f.image(), detected)) {
            boxes.add(r.box());
            crops.add(r.crop());
            readings.add(r.reading());
        }
        long t2 = System.nanoTime();
        byte[] jpeg = boxes.isEmpty() ? null : ImageOps.jpeg(f.image(), JPEG_QUALITY);
        long t3 = System.nanoTime();
        return new Result(f, boxes, readings, crops, jpeg, t1 - t0, t2 - t1, t3 - t2, decodeNanos);
    }
}
