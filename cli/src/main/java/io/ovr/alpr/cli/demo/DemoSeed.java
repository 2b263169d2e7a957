package io.ovr.alpr.cli.demo;

import io.ovr.alpr.api.admin.AdminWriter;
import io.ovr.alpr.processors.text.PlateText;
import io.ovr.alpr.schema.Camera;
import io.ovr.alpr.schema.HotlistEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the demo registers before the first frame: its cameras and a hotlist on which every other
 * plate of the generated video stands (so the console shows alerts and the webhook gets them), plus
 * one plate that never passes (a quiet entry, as real lists mostly are).
 */
final class DemoSeed {

    static final String CAMERA_ID = "demo-gate-1";

    private DemoSeed() {
    }

    static List<Camera> cameras(Instant now) {
        return List.of(
                camera(CAMERA_ID, "Main gate, inbound", "demo-campus", "North entrance, lane 1", 52.5163, 13.3777, 180f,
                        now),
                camera("demo-gate-2", "Main gate, outbound", "demo-campus", "North entrance, lane 2", 52.5164, 13.3779,
                        0f, now),
                camera(GarbledCamera.CAMERA_ID, "Garage ramp (badly aimed: cuts plates off)", "demo-garage", "Level -1 ramp", 52.5150, 13.3801, 90f, now));
    }

    /** Hotlist entries for plates 1, 3, 5, ... of {@code videoPlates}, and one that never passes. */
    static List<HotlistEntry> hotlist(List<String> videoPlates, Instant now) {
        List<HotlistEntry> entries = new ArrayList<>();
        for (int i = 0; i < videoPlates.size(); i += 2) {
            entries.add(entry(PlateText.normalize(videoPlates.get(i)), i % 4 == 0 ? "stolen" : "bolo",
                    i % 4 == 0 ? 5 : 3, "demo: a plate of the sample video", now));
        }
        entries.add(entry("ZZ9PLZ", "wanted", 4, "demo: never passes", now));
        return entries;
    }

    static void write(AdminWriter writer, List<Camera> cameras, List<HotlistEntry> hotlist) {
        cameras.forEach(writer::putCamera);
        writer.putHotlist(hotlist);
    }

    private static Camera camera(String id, String name, String site, String location, double lat, double lon,
                                 float heading, Instant now) {
        return Camera.newBuilder().setCameraId(id).setName(name).setSite(site).setLocation(location)
                .setLatitude(lat).setLongitude(lon).setHeading(heading).setDefaultRegion(null)
                .setPassWindowMs(null).setEnabled(true).setUpdatedAt(now).build();
    }

    private static HotlistEntry entry(String plate, String reason, int priority, String notes, Instant now) {
        return HotlistEntry.newBuilder().setPlate(plate).setReason(reason).setPriority(priority)
                .setListName("demo").setExpiresAt(null).setNotes(notes).setAddedBy("alpr demo").setAddedAt(now)
                .build();
    }
}
