package io.ovr.alpr.edge.pipeline;

import io.ovr.alpr.edge.detect.Detection;
import io.ovr.alpr.edge.detect.PlateDetector;
import io.ovr.alpr.edge.eval.Evaluator;
import io.ovr.alpr.edge.image.Box;
import io.ovr.alpr.edge.image.ImageOps;
import io.ovr.alpr.edge.reader.Candidate;
import io.ovr.alpr.edge.reader.PlateReader;
import io.ovr.alpr.edge.reader.Reading;
import io.ovr.alpr.edge.source.CapturedFrame;
import io.ovr.alpr.edge.source.FrameSource;
import io.ovr.alpr.edge.track.Observation;
import io.ovr.alpr.edge.track.Track;
import io.ovr.alpr.edge.track.Tracker;
import io.ovr.alpr.schema.BoundingBox;
import io.ovr.alpr.schema.PlateCandidate;
import io.ovr.alpr.schema.PlateRead;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of {@code alpr edge}: frames from a source → detector → reader → tracker; each
 * finished track (voted per character) goes to the {@link ReadSink} as a {@code PlateRead}
 * with its best crop. Logs a progress line (frames, reads, fps).
 */
public final class EdgeRunner {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeRunner.class);

    /**
     * Settings of one edge run.
     *
     * @param source file, folder, image or {@code rtsp://} URL
     * @param cameraId the camera these frames come from
     * @param targetFps frames per second to process (0: every frame)
     * @param minConfidence reads of a track below this are dropped
     * @param progressEvery frames between progress lines (0: none)
     */
    public record Config(String source, String cameraId, double targetFps, double minConfidence, int progressEvery) {
    }

    /**
     * Totals of a run.
     *
     * @param frames frames processed
     * @param reads tracks published
     * @param fps frames per second over the run
     */
    public record Stats(long frames, long reads, double fps) {
    }

    private final Config config;
    private final PlateDetector detector;
    private final PlateReader reader;
    private final ReadSink sink;

    public EdgeRunner(Config config, PlateDetector detector, PlateReader reader, ReadSink sink) {
        this.config = config;
        this.detector = detector;
        this.reader = reader;
        this.sink = sink;
    }

    public Stats run() throws IOException {
        Tracker tracker = new Tracker(0.2, 5);
        long start = System.nanoTime();
        long frames = 0;
        long reads = 0;
        try (FrameSource source = FrameSource.open(config.source(), config.targetFps())) {
            for (CapturedFrame f = source.next(); f != null; f = source.next()) {
                reads += publish(tracker.update(f.index(), observe(f)));
                frames++;
                progress(frames, reads, start);
            }
        }
        reads += publish(tracker.flush());
        double secs = (System.nanoTime() - start) / 1e9;
        return new Stats(frames, reads, secs == 0 ? 0 : frames / secs);
    }

    private List<Observation> observe(CapturedFrame f) {
        List<Box> boxes = detector.detect(f.image()).stream().map(Detection::box).toList();
        List<BufferedImage> crops = Evaluator.crops(f.image(), boxes);
        List<Reading> readings = reader.read(crops);
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            if (!readings.get(i).text().isEmpty()) {
                out.add(new Observation(f.index(), boxes.get(i), readings.get(i), f.timestampMillis(), crops.get(i)));
            }
        }
        return out;
    }

    private int publish(List<Track> closed) {
        int n = 0;
        for (Track t : closed) {
            Observation best = t.best();
            if (best.reading().confidence() < config.minConfidence()) {
                continue;
            }
            sink.accept(toAvro(t), ImageOps.jpeg(best.crop(), 0.9f));
            n++;
        }
        return n;
    }

    PlateRead toAvro(Track t) {
        Reading r = t.best().reading();
        Box b = t.best().box();
        List<PlateCandidate> candidates = new ArrayList<>();
        candidates.add(new PlateCandidate(t.text(), (float) r.confidence()));
        for (Candidate c : r.candidates()) {
            if (!c.text().equals(t.text())) {
                candidates.add(new PlateCandidate(c.text(), (float) c.confidence()));
            }
        }
        List<Float> chars = new ArrayList<>();
        for (double c : r.charConfidences()) {
            chars.add((float) c);
        }
        return PlateRead.newBuilder()
                .setReadId(UUID.randomUUID().toString())
                .setCameraId(config.cameraId())
                .setCapturedAt(Instant.ofEpochMilli(t.best().timestampMillis()))
                .setTrackId(config.cameraId() + "-" + t.id())
                .setFrameNumber(t.best().frame())
                .setBbox(new BoundingBox((int) b.x(), (int) b.y(), (int) b.w(), (int) b.h()))
                .setText(t.text())
                .setConfidence((float) r.confidence())
                .setCandidates(candidates)
                .setCharConfidences(chars)
                .setModelVersion("edge-capture-0.1")
                .build();
    }

    private void progress(long frames, long reads, long start) {
        if (config.progressEvery() > 0 && frames % config.progressEvery() == 0) {
            double secs = (System.nanoTime() - start) / 1e9;
            LOG.info(String.format(Locale.ROOT, "frames %d, reads %d, %.1f fps", frames, reads, frames / secs));
        }
    }
}
