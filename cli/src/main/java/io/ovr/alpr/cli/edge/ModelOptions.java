package io.ovr.alpr.cli.edge;

import io.ovr.alpr.edge.detect.PlateDetector;
import io.ovr.alpr.edge.reader.CropSearch;
import io.ovr.alpr.edge.reader.PlateReader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which detector and reader to use: the ones shipped in the jar unless files are given. */
public final class ModelOptions {

    @Option(names = "--detector-model", paramLabel = "FILE", defaultValue = "${env:ALPR_DETECTOR_MODEL}",
            description = "Detector weights (env ALPR_DETECTOR_MODEL; default: the model shipped in the jar).")
    Path detector;

    @Option(names = "--reader-model", paramLabel = "FILE", defaultValue = "${env:ALPR_READER_MODEL}",
            description = "Reader weights (env ALPR_READER_MODEL; default: the model shipped in the jar).")
    Path reader;

    @Option(names = "--detection-threshold", defaultValue = "${env:ALPR_DETECTION_THRESHOLD}",
            description = "Plate probability a cell needs to count (env ALPR_DETECTION_THRESHOLD; default: the one "
                    + "chosen when the detector was trained, from detector.properties).")
    Double threshold;

    @Option(names = "--top-n", defaultValue = "${env:ALPR_TOP_N:-5}",
            description = "Candidates kept per read (env ALPR_TOP_N, default ${DEFAULT-VALUE}).")
    int topN;

    @Option(names = "--crops", defaultValue = "${env:ALPR_CROPS:-single}",
            description = "How a detected plate is cropped for the reader: single (the detector's box) or search "
                    + "(the surest reading of up to 19 crops around it: more plates read right on real photos, "
                    + "about half the frame rate) "
                    + "(env ALPR_CROPS, default ${DEFAULT-VALUE}).")
    Crops crops;

    /** The crop strategies {@code --crops} can name. */
    public enum Crops { search, single }

    public CropSearch cropSearch() {
        return crops == Crops.single ? CropSearch.single() : CropSearch.standard();
    }

    public PlateDetector detector() {
        if (detector == null) {
            return PlateDetector.bundled(threshold != null ? threshold : PlateDetector.bundledThreshold());
        }
        return PlateDetector.load(detector.toFile(),
                threshold != null ? threshold : PlateDetector.thresholdBeside(detector.toFile(), 0.5));
    }

    public PlateReader reader() {
        return reader == null ? PlateReader.bundled(topN) : PlateReader.load(reader.toFile(), topN);
    }

    /** A short name of the models for events and reports. */
    public String version() {
        return (detector == null ? "bundled" : detector.getFileName().toString()) + "+"
                + (reader == null ? "bundled" : reader.getFileName().toString());
    }
}
