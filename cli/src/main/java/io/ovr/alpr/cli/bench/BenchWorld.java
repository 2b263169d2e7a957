package io.ovr.alpr.cli.bench;

import io.ovr.alpr.processors.rules.RuleSet;
import io.ovr.alpr.schema.Camera;
import io.ovr.alpr.schema.HotlistEntry;
import io.ovr.alpr.schema.PlateRead;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a realistic deployment gives the topology besides reads: registered cameras (with sites and
 * default regions), a hotlist in which about one vehicle in a hundred appears, and two alert rules
 * with cooldowns. Seeded and reproducible.
 */
final class BenchWorld {

    static final int CAMERAS = 20;
    private static final String[] REGIONS = {"BR", "US-CA", "DE", "GB", "FR"};
    private static final String RULES = """
            rules:
              - name: mercosur-high-confidence
                priority: 2
                conditions:
                  - {field: normalized, operator: regex, value: "[A-Z]{3}[0-9][A-Z][0-9]{2}"}
                  - {field: confidence, operator: greater_than, value: 0.97}
                cooldown: 10m
                cooldown_key: normalized
              - name: gate-cameras
                priority: 1
                match: any
                cameras: [cam-3, cam-7]
                conditions:
                  - {field: region, operator: in_list, value: [GB, FR]}
                  - {field: plate_text, operator: contains, value: "77"}
                cooldown: 1m
                cooldown_key: camera_id
            """;

    final List<Camera> cameras = new ArrayList<>();
    final List<HotlistEntry> hotlist = new ArrayList<>();
    final RuleSet rules;

    /** Cameras, {@code hotlistSize} hotlist entries with every hundredth plate of {@code plates} among them. */
    BenchWorld(int hotlistSize, List<String> plates) {
        for (int i = 0; i < CAMERAS; i++) {
            cameras.add(Camera.newBuilder().setCameraId("cam-" + i).setName("Camera " + i).setSite("site-" + i % 4)
                    .setLatitude(-23.5 + i * 0.01).setLongitude(-46.6 + i * 0.01).setHeading(90f)
                    .setDefaultRegion(REGIONS[i % REGIONS.length]).build());
        }
        ReadGenerator random = new ReadGenerator(1_234, 1);
        for (int i = 0; i < plates.size() && hotlist.size() < hotlistSize; i += 100) {
            hotlist.add(entry(plates.get(i)));
        }
        while (hotlist.size() < hotlistSize) {
            hotlist.add(entry(random.plate()));
        }
        try {
            rules = RuleSet.fromYaml(new ByteArrayInputStream(RULES.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code count} reads: passes of three reads of one plate at one camera, 10 ms of event time
     * apart, starting an hour ago.
     */
    static List<PlateRead> backlog(int count, List<String> platesOut) {
        ReadGenerator generator = new ReadGenerator(42, CAMERAS);
        Instant base = Instant.now().minus(Duration.ofHours(1));
        List<PlateRead> reads = new ArrayList<>(count);
        String plate = null;
        for (int i = 0; i < count; i++) {
            if (i % 3 == 0) {
                plate = generator.plate();
                platesOut.add(plate);
            }
            reads.add(generator.next(base.plusMillis(i * 10L), plate));
        }
        return reads;
    }

    private static HotlistEntry entry(String plate) {
        return HotlistEntry.newBuilder().setPlate(plate).setReason("stolen").setPriority(3).setListName("bench")
                .build();
    }
}
