package io.ovr.alpr.topology.stores;

/**
 * The state stores the query API reads (interactive queries). Keys: plate stores by normalized
 * plate, camera counts by camera id. All retained as configured in the topology config.
 */
public final class QueryStores {

    /** Normalized plate to its latest {@code PlateEvent}. */
    public static final String PLATE_LATEST = "plate-latest";
    /** Window store: normalized plate to its passes, at each pass's first-read time. */
    public static final String PLATE_PASSES = "plate-passes";
    /** Windowed count: reads per camera per minute. */
    public static final String CAMERA_COUNTS = "camera-counts-1m";
    /** Window store: normalized plate to its alerts, at raise time. */
    public static final String ALERTS_RECENT = "alerts-recent";

    private QueryStores() {
    }
}
