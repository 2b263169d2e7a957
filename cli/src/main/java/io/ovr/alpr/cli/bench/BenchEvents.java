package io.ovr.alpr.cli.bench;

import io.ovr.alpr.schema.BoundingBox;
import io.ovr.alpr.schema.PlateCandidate;
import io.ovr.alpr.schema.PlateEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Realistic plate events for the sink benchmarks: distinct passes over 20 cameras, spread over two days. */
final class BenchEvents {

    private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

    private BenchEvents() {
    }

    static List<PlateEvent> generate(int n, long seed) {
        Random random = new Random(seed);
        Instant start = Instant.parse("2026-11-20T00:00:00Z");
        long spanMillis = 2L * 24 * 3600 * 1000;
        List<PlateEvent> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String plate = "" + LETTERS.charAt(random.nextInt(LETTERS.length()))
                    + LETTERS.charAt(random.nextInt(LETTERS.length())) + LETTERS.charAt(random.nextInt(LETTERS.length()))
                    + random.nextInt(10) + LETTERS.charAt(random.nextInt(LETTERS.length())) + random.nextInt(10)
                    + random.nextInt(10);
            Instant at = start.plusMillis((long) (random.nextDouble() * spanMillis));
            float confidence = 0.6f + random.nextFloat() * 0.4f;
            int camera = random.nextInt(20);
            events.add(PlateEvent.newBuilder()
                    .setEventId(new UUID(random.nextLong(), random.nextLong()).toString())
                    .setReadId(new UUID(random.nextLong(), random.nextLong()).toString())
                    .setCameraId("cam-" + camera).setCapturedAt(at).setPlateText(plate).setNormalized(plate)
                    .setFolded(plate.replace('O', '0').replace('I', '1').replace('S', '5').replace('B', '8'))
                    .setConfidence(confidence)
                    .setCandidates(List.of(new PlateCandidate(plate, confidence),
                            new PlateCandidate(plate.substring(0, 6) + "8", confidence / 2)))
                    .setRegion("BR").setRegionConfidence(0.9f).setVehicleType("car").setVehicleColor("white")
                    .setFrameKey("frames/cam-" + camera + "/" + i + ".jpg").setCropKey("crops/cam-" + camera + "/" + i + ".jpg")
                    .setLatencyMs(35f).setCameraName("Camera " + camera).setSite("site-" + camera / 5)
                    .setLatitude(-23.5 + camera * 0.01).setLongitude(-46.6 + camera * 0.01).setHeading(90f)
                    .setEdgeHost("edge-1").setModelVersion("bench").setFrameNumber(i)
                    .setBbox(new BoundingBox(100, 200, 120, 40)).setReadCount(1 + random.nextInt(5))
                    .setFirstSeen(at).setLastSeen(at.plusMillis(800)).setProcessedAt(at.plusMillis(50)).build());
        }
        return events;
    }
}
