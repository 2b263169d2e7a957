package io.ovr.alpr.sinks.sql;

import io.ovr.alpr.schema.BoundingBox;
import io.ovr.alpr.schema.PlateCandidate;
import io.ovr.alpr.schema.PlateEvent;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * PlateEvents as lines of PostgreSQL's COPY text format, in the column order of
 * {@link #COLUMNS}: tab-separated, {@code \N} for null, backslash escapes.
 */
public final class PlateEventCopy {

    public static final List<String> COLUMNS = List.of("event_id", "read_id", "camera_id", "captured_at", "plate_text",
            "normalized", "folded", "confidence", "candidates", "region", "region_confidence", "vehicle_type",
            "vehicle_make", "vehicle_model", "vehicle_color", "frame_key", "crop_key", "image_url", "plate_image_url",
            "latency_ms", "camera_name", "camera_known", "site", "location", "latitude", "longitude", "heading",
            "edge_host", "model_version", "roi", "direction", "quality_score", "frame_number", "bbox_x", "bbox_y",
            "bbox_width", "bbox_height", "read_count", "first_seen", "last_seen", "processed_at");

    public static final String COLUMN_LIST = String.join(", ", COLUMNS);

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private PlateEventCopy() {
    }

    /** Whether the event id is a canonical UUID (the column's type). */
    public static boolean validEventId(String eventId) {
        return eventId != null && UUID.matcher(eventId).matches();
    }

    /** Appends one COPY line (with its newline) for {@code e}. */
    public static void append(StringBuilder out, PlateEvent e) {
        text(out, e.getEventId()).append('\t');
        text(out, e.getReadId()).append('\t');
        text(out, e.getCameraId()).append('\t');
        time(out, e.getCapturedAt()).append('\t');
        text(out, e.getPlateText()).append('\t');
        text(out, e.getNormalized()).append('\t');
        text(out, e.getFolded()).append('\t');
        out.append(e.getConfidence()).append('\t');
        text(out, candidates(e.getCandidates())).append('\t');
        text(out, e.getRegion()).append('\t');
        number(out, e.getRegionConfidence()).append('\t');
        text(out, e.getVehicleType()).append('\t');
        text(out, e.getVehicleMake()).append('\t');
        text(out, e.getVehicleModel()).append('\t');
        text(out, e.getVehicleColor()).append('\t');
        text(out, e.getFrameKey()).append('\t');
        text(out, e.getCropKey()).append('\t');
        text(out, e.getImageUrl()).append('\t');
        text(out, e.getPlateImageUrl()).append('\t');
        number(out, e.getLatencyMs()).append('\t');
        text(out, e.getCameraName()).append('\t');
        out.append(e.getCameraKnown() ? 't' : 'f').append('\t');
        text(out, e.getSite()).append('\t');
        text(out, e.getLocation()).append('\t');
        number(out, e.getLatitude()).append('\t');
        number(out, e.getLongitude()).append('\t');
        number(out, e.getHeading()).append('\t');
        text(out, e.getEdgeHost()).append('\t');
        text(out, e.getModelVersion()).append('\t');
        text(out, e.getRoi()).append('\t');
        text(out, e.getDirection()).append('\t');
        number(out, e.getQualityScore()).append('\t');
        out.append(e.getFrameNumber()).append('\t');
        BoundingBox box = e.getBbox();
        number(out, box == null ? null : box.getX()).append('\t');
        number(out, box == null ? null : box.getY()).append('\t');
        number(out, box == null ? null : box.getWidth()).append('\t');
        number(out, box == null ? null : box.getHeight()).append('\t');
        out.append(e.getReadCount()).append('\t');
        time(out, e.getFirstSeen()).append('\t');
        time(out, e.getLastSeen()).append('\t');
        time(out, e.getProcessedAt()).append('\n');
    }

    /** The candidates as a JSON array of {@code {"text": ..., "confidence": ...}}. */
    public static String candidates(List<PlateCandidate> candidates) {
        StringBuilder json = new StringBuilder(32 * (candidates == null ? 0 : candidates.size()) + 2).append('[');
        if (candidates != null) {
            for (int i = 0; i < candidates.size(); i++) {
                PlateCandidate c = candidates.get(i);
                if (i > 0) {
                    json.append(',');
                }
                json.append("{\"text\":");
                jsonString(json, c.getText());
                json.append(",\"confidence\":").append(Float.isFinite(c.getConfidence()) ? c.getConfidence() : 0f)
                        .append('}');
            }
        }
        return json.append(']').toString();
    }

    private static void jsonString(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        json.append(String.format("\\u%04x", (int) ch));
                    } else {
                        json.append(ch);
                    }
                }
            }
        }
        json.append('"');
    }

    private static StringBuilder text(StringBuilder out, String s) {
        if (s == null) {
            return out.append("\\N");
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
        return out;
    }

    private static StringBuilder number(StringBuilder out, Number n) {
        return n == null ? out.append("\\N") : out.append(n);
    }

    private static StringBuilder time(StringBuilder out, Instant t) {
        return t == null ? out.append("\\N") : out.append(t);
    }
}
