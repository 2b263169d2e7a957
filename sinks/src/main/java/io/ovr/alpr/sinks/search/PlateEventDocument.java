package io.ovr.alpr.sinks.search;

import io.ovr.alpr.schema.BoundingBox;
import io.ovr.alpr.schema.PlateCandidate;
import io.ovr.alpr.schema.PlateEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A PlateEvent as its search document (field names of the Avro schema; see alpr-events-mapping.md). */
public final class PlateEventDocument {

    private PlateEventDocument() {
    }

    public static Map<String, Object> of(PlateEvent e) {
        Map<String, Object> doc = new LinkedHashMap<>(64);
        doc.put("event_id", e.getEventId());
        doc.put("read_id", e.getReadId());
        doc.put("camera_id", e.getCameraId());
        doc.put("captured_at", time(e.getCapturedAt()));
        doc.put("plate_text", e.getPlateText());
        doc.put("normalized", e.getNormalized());
        doc.put("folded", e.getFolded());
        doc.put("confidence", e.getConfidence());
        doc.put("candidates", candidates(e.getCandidates()));
        put(doc, "region", e.getRegion());
        put(doc, "region_confidence", e.getRegionConfidence());
        put(doc, "vehicle_type", e.getVehicleType());
        put(doc, "vehicle_make", e.getVehicleMake());
        put(doc, "vehicle_model", e.getVehicleModel());
        put(doc, "vehicle_color", e.getVehicleColor());
        put(doc, "frame_key", e.getFrameKey());
        put(doc, "crop_key", e.getCropKey());
        put(doc, "image_url", e.getImageUrl());
        put(doc, "plate_image_url", e.getPlateImageUrl());
        put(doc, "latency_ms", e.getLatencyMs());
        put(doc, "camera_name", e.getCameraName());
        doc.put("camera_known", e.getCameraKnown());
        put(doc, "site", e.getSite());
        put(doc, "location", e.getLocation());
        put(doc, "latitude", e.getLatitude());
        put(doc, "longitude", e.getLongitude());
        if (e.getLatitude() != null && e.getLongitude() != null) {
            doc.put("geo_location", Map.of("lat", e.getLatitude(), "lon", e.getLongitude()));
        }
        put(doc, "heading", e.getHeading());
        put(doc, "edge_host", e.getEdgeHost());
        put(doc, "model_version", e.getModelVersion());
        put(doc, "roi", e.getRoi());
        put(doc, "direction", e.getDirection());
        put(doc, "quality_score", e.getQualityScore());
        doc.put("frame_number", e.getFrameNumber());
        BoundingBox box = e.getBbox();
        if (box != null) {
            doc.put("bbox", Map.of("x", box.getX(), "y", box.getY(), "width", box.getWidth(), "height",
                    box.getHeight()));
        }
        doc.put("read_count", e.getReadCount());
        doc.put("first_seen", time(e.getFirstSeen()));
        doc.put("last_seen", time(e.getLastSeen()));
        put(doc, "processed_at", time(e.getProcessedAt()));
        return doc;
    }

    private static List<Map<String, Object>> candidates(List<PlateCandidate> candidates) {
        List<Map<String, Object>> list = new ArrayList<>(candidates == null ? 0 : candidates.size());
        if (candidates != null) {
            candidates.forEach(c -> list.add(Map.of("text", c.getText(), "confidence", c.getConfidence())));
        }
        return list;
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    private static void put(Map<String, Object> doc, String field, Object value) {
        if (value != null) {
            doc.put(field, value);
        }
    }
}
