package io.ovr.alpr.edge.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.ovr.alpr.edge.detect.PlateDetector;
import io.ovr.alpr.edge.image.Box;
import io.ovr.alpr.edge.image.ImageOps;
import io.ovr.alpr.edge.publish.Outgoing;
import io.ovr.alpr.edge.reader.Candidate;
import io.ovr.alpr.edge.reader.CropSearch;
import io.ovr.alpr.edge.reader.PlateReader;
import io.ovr.alpr.edge.reader.Reading;
import io.ovr.alpr.edge.source.CapturedFrame;
import io.ovr.alpr.edge.source.FrameSource;
import io.ovr.alpr.edge.track.Observation;
import io.ovr.alpr.edge.track.Track;
import io.ovr.alpr.edge.track.Tracker;
import io.ovr.alpr.schema.BoundingBox;
import io.ovr.alpr.schema.FrameCaptured;
import io.ovr.alpr.schema.PlateCandidate;
import io.ovr.alpr.schema.PlateRead;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Entry point of {@code alpr edge}: frames from a {@link FrameSource} are decoded on the calling
 * thread, detected and read on {@code threads} workers (each with its own networks), put back in
 * frame order, tracked, and published: every frame with a plate (and one frame every
 * {@code sampleSeconds} otherwise) as {@code FrameCaptured} with its JPEG, and every finished
 * track, its text voted per character, as {@code PlateRead} with its best crop. Counts frames,
 * reads and per-stage latency in the given {@link MeterRegistry} ({@code alpr.edge.*}).
 */
public final class EdgePipeline {

    private static final Pattern CAMERA_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** Where the pipeline hands what it publishes (the {@code Publisher} in production). */
    @FunctionalInterface
    public interface Sink {
        /** Queues an entry; {@code mustKeep} for reads and frames with a plate (never dropped). */
        void publish(Outgoing entry, boolean mustKeep) throws InterruptedException;
    }

    /**
     * Fewest characters a published reading has by default: OpenALPR's
     * {@code postprocess_min_characters}. Shorter readings are mostly plates cut off at the
     * frame's edge or background taken for a plate.
     */
    public static final int DEFAULT_MIN_LENGTH = 4;

    /**
     * Settings of one edge run.
     *
     * @param cameraId the camera these frames come from ({@code [A-Za-z0-9._-]}, at most 64)
     * @param threads detection/reading workers
     * @param sampleSeconds a frame without plates is published at most this often (0: never)
     * @param minConfidence tracks whose best read is below this are not published
     * @param minObservations tracks seen in fewer frames are not published (video only)
     * @param minLength readings with fewer characters are dropped before tracking (a plate cut
     *     off at the frame's edge, or a sign or wheel rim taken for a plate)
     * @param edgeHost name of this edge in the events
     * @param modelVersion version of the models in the events
     */
    public record Config(String cameraId, int threads, double sampleSeconds, double minConfidence,
                         int minObservations, int minLength, String edgeHost, String modelVersion) {

        public Config {
            if (cameraId == null || !CAMERA_ID.matcher(cameraId).matches()) {
                throw new IllegalArgumentException("camera id must match " + CAMERA_ID + ": " + cameraId);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1: " + threads);
            }
            if (minLength < 1) {
                throw new IllegalArgumentException("min length must be >= 1: " + minLength);
            }
        }
    }

    /**
     * Totals of a run.
     *
     * @param frames frames processed
     * @param reads reads published
     * @param framesPublished frames published
     * @param fps frames per second over the run
     * @param msPerFrame mean milliseconds per frame of each stage (decode, detect, read, publish)
     */
    public record Stats(long frames, long reads, long framesPublished, double fps, Map<String, Double> msPerFrame) {
    }

    private final Config config;
    private final List<FrameWork> workers = new ArrayList<>();
    private final Sink sink;
    private final Counter framesCounter;
    private final Counter readsCounter;
    private final Counter platesCounter;
    private final Counter framesPublishedCounter;
    private final Map<String, Timer> stages = new LinkedHashMap<>();
    private final Map<String, Long> stageNanos = new LinkedHashMap<>();
    private final AtomicReference<Double> fps = new AtomicReference<>(0.0);
    private long lastSampleMillis = Long.MIN_VALUE;

    public EdgePipeline(Config config, PlateDetector detector, PlateReader reader, Sink sink, MeterRegistry meters) {
        this(config, detector, reader, CropSearch.single(), sink, meters);
    }

    /** With a chosen crop strategy; the other constructor reads the detector's box only ({@link CropSearch#single()}). */
    public EdgePipeline(Config config, PlateDetector detector, PlateReader reader, CropSearch search, Sink sink,
                        MeterRegistry meters) {
        this.config = config;
        for (int i = 0; i < config.threads(); i++) {
            workers.add(i == 0 ? new FrameWork(detector, reader, search)
                    : new FrameWork(detector.copy(), reader.copy(), search));
        }
        this.sink = sink;
        this.framesCounter = meters.counter("alpr.edge.frames");
        this.readsCounter = meters.counter("alpr.edge.reads");
        this.platesCounter = meters.counter("alpr.edge.detections");
        this.framesPublishedCounter = meters.counter("alpr.edge.frames.published");
        meters.gauge("alpr.edge.fps", fps, AtomicReference::get);
        for (String s : List.of("decode", "detect", "read", "publish")) {
            stages.put(s, meters.timer("alpr.edge.stage", "stage", s));
            stageNanos.put(s, 0L);
        }
    }

    /** Runs until the source ends; {@code progress} gets a line every {@code progressEvery} frames. */
    public Stats run(FrameSource source, int progressEvery, Consumer<String> progress)
            throws IOException, InterruptedException {
        Tracker tracker = new Tracker(0.2, 5);
        ExecutorService pool = Executors.newFixedThreadPool(config.threads(), daemonThreads());
        ArrayDeque<Future<FrameWork.Result>> inFlight = new ArrayDeque<>();
        long start = System.nanoTime();
        long frames = 0;
        long[] published = new long[2];
        int next = 0;
        try {
            while (true) {
                long t0 = System.nanoTime();
                CapturedFrame f = source.next();
                if (f != null) {
                    long decode = System.nanoTime() - t0;
                    time("decode", decode);
                    FrameWork w = workers.get(next++ % workers.size());
                    inFlight.add(submit(pool, w, f, decode));
                }
                while (!inFlight.isEmpty() && (f == null || inFlight.size() >= 2 * config.threads())) {
                    handle(inFlight.poll().get(), tracker, source.continuous(), published);
                    frames++;
                    framesCounter.increment();
                    double secs = (System.nanoTime() - start) / 1e9;
                    fps.set(frames / secs);
                    if (progressEvery > 0 && frames % progressEvery == 0) {
                        progress.accept(String.format(Locale.ROOT, "frames %d, reads %d, %.1f fps", frames,
                                published[0], frames / secs));
                    }
                }
                if (f == null) {
                    break;
                }
            }
            published[0] += publishTracks(tracker.flush());
        } catch (ExecutionException e) {
            throw new IllegalStateException("frame processing failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        Map<String, Double> ms = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : stageNanos.entrySet()) {
            ms.put(e.getKey(), frames == 0 ? 0 : e.getValue() / 1e6 / frames);
        }
        return new Stats(frames, published[0], published[1], secs == 0 ? 0 : frames / secs, ms);
    }

    private static Future<FrameWork.Result> submit(ExecutorService pool, FrameWork w, CapturedFrame f, long decode) {
        // frames go to the workers in turn; the lock keeps a worker's networks to one task at a time
        return pool.submit(() -> {
            synchronized (w) {
                return w.process(f, decode);
            }
        });
    }

    private void handle(FrameWork.Result r, Tracker tracker, boolean continuous, long[] published)
            throws InterruptedException {
        time("detect", r.detectNanos());
        time("read", r.readNanos());
        long t0 = System.nanoTime();
        CapturedFrame f = r.frame();
        platesCounter.increment(r.boxes().size());
        String frameId = null;
        String frameKey = null;
        boolean sampleDue = config.sampleSeconds() > 0
                && (lastSampleMillis == Long.MIN_VALUE || f.timestampMillis() - lastSampleMillis >= config.sampleSeconds() * 1000);
        if (r.frameJpeg() != null || sampleDue) {
            frameId = UUID.randomUUID().toString();
            frameKey = "frames/" + config.cameraId() + "/" + DAY.format(Instant.ofEpochMilli(f.timestampMillis())) + "/"
                    + frameId + ".jpg";
            byte[] jpeg = r.frameJpeg() != null ? r.frameJpeg() : ImageOps.jpeg(f.image(), FrameWork.JPEG_QUALITY);
            if (r.frameJpeg() == null) {
                lastSampleMillis = f.timestampMillis();
            }
            FrameCaptured event = FrameCaptured.newBuilder()
                    .setFrameId(frameId).setCameraId(config.cameraId())
                    .setCapturedAt(Instant.ofEpochMilli(f.timestampMillis()))
                    .setFrameNumber(f.index()).setWidth(f.image().getWidth()).setHeight(f.image().getHeight())
                    .setFrameKey(frameKey).setPlateCount(r.boxes().size()).setSampled(r.frameJpeg() == null)
                    .setEdgeHost(config.edgeHost())
                    .setDecodeMs((float) (r.decodeNanos() / 1e6))
                    .build();
            sink.publish(new Outgoing(event, List.of(new Outgoing.Image(frameKey, "image/jpeg", jpeg))),
                    r.frameJpeg() != null);
            framesPublishedCounter.increment();
            published[1]++;
        }
        List<Observation> obs = new ArrayList<>();
        for (int i = 0; i < r.boxes().size(); i++) {
            if (r.readings().get(i).text().length() >= config.minLength()) {
                obs.add(new Observation(f.index(), r.boxes().get(i), r.readings().get(i), f.timestampMillis(),
                        r.crops().get(i), frameId, frameKey));
            }
        }
        List<Track> closed = new ArrayList<>(tracker.update(f.index(), obs));
        if (!continuous) {
            closed.addAll(tracker.flush());
        }
        published[0] += publishTracks(closed, continuous ? config.minObservations() : 1);
        time("publish", System.nanoTime() - t0 + r.encodeNanos());
    }

    private int publishTracks(List<Track> closed) throws InterruptedException {
        return publishTracks(closed, config.minObservations());
    }

    private int publishTracks(List<Track> closed, int minObservations) throws InterruptedException {
        int n = 0;
        for (Track t : closed) {
            Observation best = t.best();
            if (best.reading().confidence() < config.minConfidence() || t.observations() < minObservations) {
                continue;
            }
            PlateRead read = toAvro(t);
            sink.publish(new Outgoing(read, List.of(new Outgoing.Image(read.getCropKey(), "image/jpeg",
                    ImageOps.jpeg(best.crop(), 0.9f)))), true);
            readsCounter.increment();
            n++;
        }
        return n;
    }

    PlateRead toAvro(Track t) {
        Observation best = t.best();
        Reading r = best.reading();
        Box b = best.box();
        String readId = UUID.randomUUID().toString();
        double[] charConfidences = t.charConfidences();
        // the voted text may mix readings; its confidence is then the product of its characters' mean confidences
        double confidence = r.text().equals(t.text()) ? r.confidence()
                : Arrays.stream(charConfidences).reduce(1.0, (x, y) -> x * y);
        List<PlateCandidate> candidates = new ArrayList<>();
        candidates.add(new PlateCandidate(t.text(), (float) confidence));
        for (Candidate c : r.candidates()) {
            if (!c.text().equals(t.text())) {
                candidates.add(new PlateCandidate(c.text(), (float) c.confidence()));
            }
        }
        List<Float> chars = new ArrayList<>();
        for (double c : charConfidences) {
            chars.add((float) c);
        }
        return PlateRead.newBuilder()
                .setReadId(readId)
                .setCameraId(config.cameraId())
                .setCapturedAt(Instant.ofEpochMilli(best.timestampMillis()))
                .setTrackId(config.cameraId() + "-" + t.id())
                .setFrameId(best.frameId())
                .setFrameNumber(best.frame())
                .setBbox(new BoundingBox((int) b.x(), (int) b.y(), (int) b.w(), (int) b.h()))
                .setText(t.text())
                .setConfidence((float) confidence)
                .setCandidates(candidates)
                .setCharConfidences(chars)
                .setFrameKey(best.frameKey())
                .setCropKey("crops/" + config.cameraId() + "/" + DAY.format(Instant.ofEpochMilli(best.timestampMillis()))
                        + "/" + readId + ".jpg")
                .setEdgeHost(config.edgeHost())
                .setModelVersion(config.modelVersion())
                .build();
    }

    private void time(String stage, long nanos) {
        stages.get(stage).record(java.time.Duration.ofNanos(nanos));
        stageNanos.merge(stage, nanos, Long::sum);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "edge-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
