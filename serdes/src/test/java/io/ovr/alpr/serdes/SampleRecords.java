package io.ovr.alpr.serdes;

import io.ovr.alpr.schema.Alert;
import io.ovr.alpr.schema.BoundingBox;
import io.ovr.alpr.schema.Camera;
import io.ovr.alpr.schema.FrameCaptured;
import io.ovr.alpr.schema.HotlistEntry;
import io.ovr.alpr.schema.PlateCandidate;
import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.schema.PlateRead;
import io.ovr.alpr.schema.VehicleAttributes;
import java.time.Instant;
import java.util.List;

/** One fully populated record of each schema, for round-trip tests. */
public final class SampleRecords {

    public static final Instant AT = Instant.parse("2026-11-24T10:15:30.123Z");

    private SampleRecords() {
    }

    public static PlateRead plateRead() {
        return PlateRead.newBuilder()
                .setReadId("9c1f3d7e-0000-4000-8000-000000000001").setCameraId("cam-north-1").setCapturedAt(AT)
                .setTrackId("t-17").setFrameId("f-42").setFrameNumber(42)
                .setBbox(new BoundingBox(100, 200, 180, 60)).setText("ABC1D23").setConfidence(0.93f)
                .setCandidates(List.of(new PlateCandidate("ABC1D23", 0.93f), new PlateCandidate("ABC1023", 0.41f)))
                .setCharConfidences(List.of(0.99f, 0.98f, 0.97f, 0.9f, 0.6f, 0.95f, 0.96f))
                .setFrameKey("frames/cam-north-1/f-42.jpg").setCropKey("crops/cam-north-1/f-42-0.jpg")
                .setVehicle(new VehicleAttributes("car", "Fiat", "Uno", "white"))
                .setDirection("approaching").setRoi("lane-1").setQualityScore(0.8f)
                .setEdgeHost("edge-01").setModelVersion("reader-1.0").setLatencyMs(38.5f).build();
    }

    public static PlateEvent plateEvent() {
        return PlateEvent.newBuilder()
                .setEventId("3b7a1c9e-0000-4000-8000-000000000002").setReadId("9c1f3d7e-0000-4000-8000-000000000001")
                .setCameraId("cam-north-1").setCapturedAt(AT).setPlateText("ABC1D23").setNormalized("ABC1D23")
                .setFolded("A8C1D23").setConfidence(0.93f)
                .setCandidates(List.of(new PlateCandidate("ABC1D23", 0.93f)))
                .setRegion("BR").setRegionConfidence(0.9f).setVehicleType("car").setVehicleColor("white")
                .setFrameKey("frames/x.jpg").setCropKey("crops/x.jpg").setImageUrl("/api/v1/events/x/image?kind=frame")
                .setCameraName("North gate").setCameraKnown(true).setSite("campus").setLocation("Gate 1")
                .setLatitude(-23.55).setLongitude(-46.63).setHeading(90f).setEdgeHost("edge-01")
                .setReadCount(3).setFirstSeen(AT).setLastSeen(AT.plusSeconds(2)).setProcessedAt(AT.plusMillis(40))
                .setFrameNumber(42).setBbox(new BoundingBox(1, 2, 3, 4)).build();
    }

    public static HotlistEntry hotlistEntry() {
        return HotlistEntry.newBuilder().setPlate("ABC1D23").setReason("stolen").setPriority(5)
                .setListName("police").setExpiresAt(AT.plusSeconds(86_400)).setNotes("white Uno")
                .setAddedBy("admin").setAddedAt(AT).build();
    }

    public static Alert alert() {
        return Alert.newBuilder().setAlertId("a-1").setEventId("3b7a1c9e-0000-4000-8000-000000000002")
                .setKind("HOTLIST").setMatchKind("EXACT").setEditDistance(0).setPriority(5).setReason("stolen")
                .setPlate("ABC1D23").setMatchedPlate("ABC1D23").setHotlistEntry(hotlistEntry())
                .setCameraId("cam-north-1").setSite("campus").setRaisedAt(AT).setEvent(plateEvent()).build();
    }

    public static Camera camera() {
        return Camera.newBuilder().setCameraId("cam-north-1").setName("North gate").setSite("campus")
                .setLocation("Gate 1").setLatitude(-23.55).setLongitude(-46.63).setHeading(90f)
                .setDefaultRegion("BR").setPassWindowMs(8_000L).setUpdatedAt(AT).build();
    }

    public static FrameCaptured frame() {
        return FrameCaptured.newBuilder().setFrameId("f-42").setCameraId("cam-north-1").setCapturedAt(AT)
                .setFrameNumber(42).setWidth(1280).setHeight(720).setFrameKey("frames/f-42.jpg").setPlateCount(1)
                .setSampled(false).setEdgeHost("edge-01").setDecodeMs(2.5f).build();
    }
}
