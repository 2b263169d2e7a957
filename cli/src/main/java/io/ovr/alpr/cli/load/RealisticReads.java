package io.ovr.alpr.cli.load;

import io.ovr.alpr.processors.text.PlateText;
import io.ovr.alpr.schema.BoundingBox;
import io.ovr.alpr.schema.Camera;
import io.ovr.alpr.schema.HotlistEntry;
import io.ovr.alpr.schema.PlateCandidate;
import io.ovr.alpr.schema.PlateRead;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Reads as cameras produce them, seeded and reproducible: a pool of plates in the formats of several
 * regions, each vehicle seen as a pass of several reads at one camera (confidence rising and falling,
 * some reads misread with a confusable character), a share of passes of hotlisted plates, and a share
 * of reads the topology must reject. Each read carries the fate the topology gives it (enriched,
 * suppressed as a duplicate of its pass, or dead-lettered), predicted with the pipeline's own pass
 * rule, so a test or a benchmark can account for every read.
 *
 * <p>A plate is not brought back to a camera within twice the pass window of its last read there,
 * so passes never merge and the prediction holds whatever the rate.
 */
public final class RealisticReads {

    /** What the topology does with a read. */
    public enum Fate { ENRICHED, SUPPRESSED, DEAD }

    /** One read, its message key, its predicted fate, and whether it opens a vehicle pass (its first read). */
    public record Read(String key, PlateRead read, Fate fate, boolean hotlisted, boolean misread, boolean opensPass) {
    }

    /**
     * What to generate.
     *
     * @param cameras registered cameras ({@code cam-0} ...)
     * @param plates distinct plates in the pool
     * @param readsPerPass reads of each vehicle pass (the duplicates the topology folds into one event)
     * @param hotlistShare share (0..1) of passes whose plate is on the hotlist
     * @param invalidShare share (0..1) of reads that are invalid (empty, too short, low confidence, future)
     * @param misreadShare share (0..1) of reads with one character swapped for a confusable one
     * @param passWindow the topology's pass window (its {@code --pass-window})
     */
    public record Profile(int cameras, int plates, int readsPerPass, double hotlistShare, double invalidShare,
                          double misreadShare, Duration passWindow, long seed) {

        public Profile {
            if (cameras < 1 || plates < 1 || readsPerPass < 1) {
                throw new IllegalArgumentException("cameras, plates and reads per pass must be at least 1");
            }
            for (double share : new double[] {hotlistShare, invalidShare, misreadShare}) {
                if (share < 0 || share > 1) {
                    throw new IllegalArgumentException("shares lie between 0 and 1");
                }
            }
        }

        /** 20 cameras, 10,000 plates, 3 reads per pass, 1 % hotlisted, 1 % invalid, 5 % misread. */
        public static Profile defaults() {
            return new Profile(20, 10_000, 3, 0.01, 0.01, 0.05, Duration.ofSeconds(10), 42);
        }

        public Profile withCameras(int n) {
            return new Profile(n, plates, readsPerPass, hotlistShare, invalidShare, misreadShare, passWindow, seed);
        }

        public Profile withPlates(int n) {
            return new Profile(cameras, n, readsPerPass, hotlistShare, invalidShare, misreadShare, passWindow, seed);
        }

        public Profile withReadsPerPass(int n) {
            return new Profile(cameras, plates, n, hotlistShare, invalidShare, misreadShare, passWindow, seed);
        }

        public Profile withShares(double hotlist, double invalid, double misread) {
            return new Profile(cameras, plates, readsPerPass, hotlist, invalid, misread, passWindow, seed);
        }

        public Profile withSeed(long value) {
            return new Profile(cameras, plates, readsPerPass, hotlistShare, invalidShare, misreadShare, passWindow,
                    value);
        }
    }

    private static final String[] REGIONS = {"BR", "DE", "GB", "FR", "US-CA", "IT", "ES", "NL", "PL"};
    private static final String CONFUSABLE_FROM = "0O1I5S8B2Z6G";
    private static final String CONFUSABLE_TO = "O0I1S5B8Z2G6";

    private final Profile profile;
    private final Random random;
    private final List<String> pool;
    private final List<String> hotlisted;
    private final List<OpenPass> open = new ArrayList<>();
    private final Map<String, Long> lastSeen = new HashMap<>();
    private final Map<String, Integer> camerasInUse = new HashMap<>();
    private final String runId;
    private long sequence;

    public RealisticReads(Profile profile) {
        this.profile = profile;
        this.random = new Random(profile.seed());
        this.runId = Long.toString(profile.seed(), 36) + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        this.pool = new ArrayList<>(profile.plates());
        java.util.Set<String> folded = new java.util.HashSet<>();
        while (pool.size() < profile.plates()) {
            String plate = PlateFormats.random(REGIONS[random.nextInt(REGIONS.length)], random);
            if (folded.add(PlateText.fold(plate))) {
                pool.add(plate);
            }
        }
        int hot = profile.hotlistShare() == 0 ? 0 : Math.max(1, (int) Math.round(profile.plates() * 0.01));
        this.hotlisted = List.copyOf(pool.subList(0, Math.min(hot, pool.size())));
    }

    /** The registered cameras the reads come from. */
    public List<Camera> cameras() {
        List<Camera> cameras = new ArrayList<>();
        for (int i = 0; i < profile.cameras(); i++) {
            cameras.add(Camera.newBuilder().setCameraId(camera(i)).setName("Camera " + i).setSite("site-" + i % 4)
                    .setLatitude(-23.5 + i * 0.01).setLongitude(-46.6 + i * 0.01).setHeading(90f)
                    .setDefaultRegion(REGIONS[i % REGIONS.length]).build());
        }
        return cameras;
    }

    /** The hotlist entries of the plates hotlisted passes show (1 % of the pool). */
    public List<HotlistEntry> hotlist() {
        return hotlisted.stream().map(p -> HotlistEntry.newBuilder().setPlate(PlateText.normalize(p)).setReason("stolen").setPriority(3)
                .setListName("loadgen").build()).toList();
    }

    /** The next read, captured at {@code now} (non-decreasing from call to call). */
    public Read next(Instant now) {
        if (random.nextDouble() < profile.invalidShare()) {
            return invalid(now);
        }
        OpenPass pass = passFor(now);
        Read read = pass.read(now);
        lastSeen.put(pass.camera + "|" + pass.folded, now.toEpochMilli());
        if (pass.remaining == 0) {
            open.remove(pass);
            camerasInUse.remove(pass.camera);
        }
        return read;
    }

    private OpenPass passFor(Instant now) {
        int target = Math.max(1, Math.min(profile.cameras(), 8));
        if (open.size() < target || random.nextInt(4) == 0 && open.size() < profile.cameras()) {
            OpenPass started = start(now);
            if (started != null) {
                open.add(started);
                return started;
            }
        }
        if (open.isEmpty()) {
            OpenPass started = start(now);
            if (started == null) {
                throw new IllegalStateException("no plate can be shown again yet: give the generator more plates");
            }
            open.add(started);
            return started;
        }
        return open.get(random.nextInt(open.size()));
    }

    private OpenPass start(Instant now) {
        List<String> freeCameras = new ArrayList<>();
        for (int i = 0; i < profile.cameras(); i++) {
            if (!camerasInUse.containsKey(camera(i))) {
                freeCameras.add(camera(i));
            }
        }
        if (freeCameras.isEmpty()) {
            return null;
        }
        String camera = freeCameras.get(random.nextInt(freeCameras.size()));
        long quiet = 2 * profile.passWindow().toMillis();
        for (int attempt = 0; attempt < 20; attempt++) {
            boolean hot = !hotlisted.isEmpty() && random.nextDouble() < profile.hotlistShare();
            String plate = hot ? hotlisted.get(random.nextInt(hotlisted.size())) : pool.get(random.nextInt(pool.size()));
            String folded = PlateText.fold(plate);
            Long last = lastSeen.get(camera + "|" + folded);
            if (last == null || now.toEpochMilli() - last >= quiet) {
                camerasInUse.put(camera, 1);
                return new OpenPass(camera, plate, folded, hot, "t-" + runId + "-" + sequence);
            }
        }
        return null;
    }

    private Read invalid(Instant now) {
        String camera = camera(random.nextInt(profile.cameras()));
        PlateRead.Builder read = base(camera, now, pool.get(random.nextInt(pool.size())), 0.9f);
        switch (random.nextInt(4)) {
            case 0 -> read.setText("").setCandidates(List.of());
            case 1 -> read.setText("A").setCandidates(List.of(new PlateCandidate("A", 0.9f)));
            case 2 -> read.setConfidence(0.1f + random.nextFloat() * 0.3f);
            default -> read.setCapturedAt(now.plus(Duration.ofHours(1 + random.nextInt(48))));
        }
        return new Read(camera, read.build(), Fate.DEAD, false, false, false);
    }

    private PlateRead.Builder base(String camera, Instant at, String text, float confidence) {
        long n = sequence++;
        return PlateRead.newBuilder().setReadId("lg-" + runId + "-" + n).setCameraId(camera).setCapturedAt(at)
                .setFrameNumber(n).setText(text).setConfidence(confidence)
                .setCandidates(List.of(new PlateCandidate(text, confidence)))
                .setBbox(new BoundingBox(400 + random.nextInt(200), 300 + random.nextInt(100), 120, 40))
                .setEdgeHost("loadgen").setModelVersion("loadgen");
    }

    private static String camera(int i) {
        return "cam-" + i;
    }

    private String misread(String plate) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < plate.length(); i++) {
            if (CONFUSABLE_FROM.indexOf(plate.charAt(i)) >= 0) {
                positions.add(i);
            }
        }
        if (positions.isEmpty()) {
            return plate;
        }
        int at = positions.get(random.nextInt(positions.size()));
        char swapped = CONFUSABLE_TO.charAt(CONFUSABLE_FROM.indexOf(plate.charAt(at)));
        return plate.substring(0, at) + swapped + plate.substring(at + 1);
    }

    /** A vehicle in front of a camera: its reads so far and the best confidence the topology has seen. */
    private final class OpenPass {
        final String camera;
        final String plate;
        final String folded;
        final boolean hot;
        final String track;
        int remaining = profile.readsPerPass();
        float best = -1;
        long expiresAt = Long.MIN_VALUE;

        OpenPass(String camera, String plate, String folded, boolean hot, String track) {
            this.camera = camera;
            this.plate = plate;
            this.folded = folded;
            this.hot = hot;
            this.track = track;
        }

        Read read(Instant now) {
            remaining--;
            float confidence = 0.6f + random.nextInt(39) / 100f;
            boolean misread = random.nextDouble() < profile.misreadShare();
            String text = misread ? misread(plate) : plate;
            if (now.toEpochMilli() >= expiresAt) {
                best = -1; // a gap of the pass window or more: the topology opens a new pass
            }
            boolean opens = best < 0;
            Fate fate = best < 0 || confidence > best ? Fate.ENRICHED : Fate.SUPPRESSED;
            best = Math.max(best, confidence);
            expiresAt = Math.max(expiresAt, now.toEpochMilli() + profile.passWindow().toMillis());
            PlateRead read = base(camera, now, text, confidence).setTrackId(track).build();
            return new Read(camera, read, fate, hot, misread && !text.equals(plate), opens);
        }
    }
}
