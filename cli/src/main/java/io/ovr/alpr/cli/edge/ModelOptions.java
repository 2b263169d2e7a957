package io.ovr.alpr.cli.edge;

import io.ovr.alpr.edge.detect.PlateDetector;
import io.ovr.alpr.edge.reader.CropSearch;
import io.ovr.alpr.edge.reader.PlateFormats;
import io.ovr.alpr.edge.reader.PlateReader;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

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
                    + "(the surest reading of up to 19 crops around it: with --plate-formats more plates read right "
                    + "on real photos, at a third to a fifth of the frame rate) "
                    + "(env ALPR_CROPS, default ${DEFAULT-VALUE}).")
    Crops crops;

    @Option(names = "--reader-views", converter = ViewsConverter.class, defaultValue = "${env:ALPR_READER_VIEWS:-" + DEFAULT_VIEWS + "}",
            description = "Cuts of each crop the reader reads and adds up, 1 to 6 (the crop as it is, then slightly "
                    + "smaller cuts): more plates read right, each view costs one more pass of the reader "
                    + "(env ALPR_READER_VIEWS, default ${DEFAULT-VALUE}).")
    int views;

    @Option(names = "--plate-formats", converter = FormatsConverter.class, defaultValue = "${env:ALPR_PLATE_FORMATS:-any}",
            description = "Plate formats the cameras can see, as a prior for the reader: region names (br, us, eu) "
                    + "and templates of L (letter), D (digit), X (either), comma-separated, e.g. br or br,LLLDDD; "
                    + "readings that fit none are not published unless nothing fits; any: no prior "
                    + "(env ALPR_PLATE_FORMATS, default ${DEFAULT-VALUE}).")
    PlateFormats formats;

    /** {@code --plate-formats} as {@link PlateFormats}, a bad list being a usage error. */
    public static final class FormatsConverter implements ITypeConverter<PlateFormats> {
        @Override
        public PlateFormats convert(String value) {
            try {
                return PlateFormats.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --reader-views} in 1 to {@code PlateReader.VIEWS.size()}, anything else being a usage error. */
    public static final class ViewsConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("not a number of reader views: '" + value + "'");
            }
            if (n < 1 || n > PlateReader.VIEWS.size()) {
                throw new TypeConversionException("reader views must be 1 to " + PlateReader.VIEWS.size() + ", got " + n);
            }
            return n;
        }
    }

    @Option(names = "--refine-boxes", negatable = true, defaultValue = "${env:ALPR_REFINE_BOXES:-true}", fallbackValue = "true",
            description = "Find each plate's box again in a region twice its width around it, for a tighter crop "
                    + "(one more detector pass per frame with plates; env ALPR_REFINE_BOXES, default ${DEFAULT-VALUE}).")
    boolean refineBoxes;

    /** The default of {@code --reader-views}. */
    public static final int DEFAULT_VIEWS = PlateReader.DEFAULT_VIEWS;

    /** The crop strategies {@code --crops} can name. */
    public enum Crops { search, single }

    public CropSearch cropSearch() {
        return crops == Crops.single ? CropSearch.single() : CropSearch.standard();
    }

    public PlateDetector detector() {
        PlateDetector d = detector == null
                ? PlateDetector.bundled(threshold != null ? threshold : PlateDetector.bundledThreshold())
                : PlateDetector.load(detector.toFile(),
                        threshold != null ? threshold : PlateDetector.thresholdBeside(detector.toFile(), 0.5));
        return d.withRefinement(refineBoxes);
    }

    public PlateReader reader() {
        PlateReader r = reader == null ? PlateReader.bundled(topN) : PlateReader.load(reader.toFile(), topN);
        return r.withFormats(formats).withViews(views);
    }

    /** A short name of the models for events and reports. */
    public String version() {
        return (detector == null ? "bundled" : detector.getFileName().toString()) + "+"
                + (reader == null ? "bundled" : reader.getFileName().toString());
    }
}
