package io.ovr.alpr.cli.bench;

import io.ovr.alpr.schema.PlateCandidate;
import io.ovr.alpr.schema.PlateRead;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Realistic reads for benchmarks: plates in Brazilian, European and US formats, passes of three
 * reads per vehicle with varying confidence, seeded and reproducible.
 */
final class ReadGenerator {

    private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private final Random random;
    private final int cameras;
    private long sequence;

    ReadGenerator(long seed, int cameras) {
        this.random = new Random(seed);
        this.cameras = cameras;
    }

    /** The next read; every third read starts a new vehicle at a random camera. */
    PlateRead next(Instant at, String plateOfPass) {
        long n = sequence++;
        String camera = "cam-" + (n / 3 % cameras);
        float confidence = 0.6f + random.nextFloat() * 0.39f;
        return PlateRead.newBuilder().setReadId("bench-" + n).setCameraId(camera).setCapturedAt(at)
                .setTrackId("t-" + n / 3).setFrameNumber(n).setText(plateOfPass).setConfidence(confidence)
                .setCandidates(List.of(new PlateCandidate(plateOfPass, confidence)))
                .setEdgeHost("bench").setModelVersion("bench").build();
    }

    /** A random plate in one of several regional formats. */
    String plate() {
        return switch (random.nextInt(4)) {
            case 0 -> letters(3) + digits(1) + letters(1) + digits(2);
            case 1 -> letters(3) + digits(4);
            case 2 -> letters(2) + digits(2) + letters(3);
            default -> digits(1) + letters(3) + digits(3);
        };
    }

    private String letters(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return s.toString();
    }

    private String digits(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }
}
