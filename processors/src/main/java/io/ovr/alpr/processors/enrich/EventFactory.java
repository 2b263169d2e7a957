package io.ovr.alpr.processors.enrich;

import io.ovr.alpr.processors.pass.PassState;
import io.ovr.alpr.processors.region.RegionGuess;
import io.ovr.alpr.processors.validate.Validation;
import io.ovr.alpr.schema.Camera;
import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.schema.PlateRead;
import io.ovr.alpr.schema.VehicleAttributes;
import java.time.Instant;

/** Builds the enriched {@link PlateEvent} of a read from its pass, its camera (when known) and its region. */
public final class EventFactory {

    private EventFactory() {
    }

    public static PlateEvent build(Validation.Valid valid, PassState pass, Camera camera, RegionGuess region,
                                   Instant processedAt) {
        PlateRead read = valid.read();
        VehicleAttributes vehicle = read.getVehicle();
        PlateEvent.Builder event = PlateEvent.newBuilder()
                .setEventId(pass.eventId())
                .setReadId(read.getReadId())
                .setCameraId(read.getCameraId())
                .setCapturedAt(Instant.ofEpochMilli(pass.capturedAt()))
                .setPlateText(read.getText())
                .setNormalized(valid.normalized())
                .setFolded(valid.folded())
                .setConfidence(read.getConfidence())
                .setCandidates(read.getCandidates())
                .setRegion(region.region())
                .setRegionConfidence(region.region() == null ? null : region.confidence())
                .setVehicleType(vehicle == null ? null : vehicle.getType())
                .setVehicleMake(vehicle == null ? null : vehicle.getMake())
                .setVehicleModel(vehicle == null ? null : vehicle.getModel())
                .setVehicleColor(vehicle == null ? null : vehicle.getColor())
                .setFrameKey(read.getFrameKey())
                .setCropKey(read.getCropKey())
                .setImageUrl(read.getFrameKey() == null ? null
                        : "/api/v1/events/" + pass.eventId() + "/image?kind=frame")
                .setPlateImageUrl(read.getCropKey() == null ? null
                        : "/api/v1/events/" + pass.eventId() + "/image?kind=plate")
                .setLatencyMs(read.getLatencyMs())
                .setEdgeHost(read.getEdgeHost())
                .setModelVersion(read.getModelVersion())
                .setRoi(read.getRoi())
                .setDirection(read.getDirection())
                .setQualityScore(read.getQualityScore())
                .setFrameNumber(read.getFrameNumber())
                .setBbox(read.getBbox())
                .setReadCount(pass.readCount())
                .setFirstSeen(Instant.ofEpochMilli(pass.firstSeen()))
                .setLastSeen(Instant.ofEpochMilli(pass.lastSeen()))
                .setProcessedAt(processedAt)
                .setCameraKnown(camera != null);
        if (camera != null) {
            event.setCameraName(camera.getName()).setSite(camera.getSite()).setLocation(camera.getLocation())
                    .setLatitude(camera.getLatitude()).setLongitude(camera.getLongitude())
                    .setHeading(camera.getHeading());
        }
        return event.build();
    }
}
