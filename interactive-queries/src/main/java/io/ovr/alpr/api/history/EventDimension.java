package io.ovr.alpr.api.history;

/** What a history listing of events is keyed by: the indexed column and the audit action. */
public enum EventDimension {
    PLATE("normalized", "history.plate"),
    CAMERA("camera_id", "history.camera"),
    SITE("site", "history.site");

    private final String column;
    private final String action;

    EventDimension(String column, String action) {
        this.column = column;
        this.action = action;
    }

    /** The column, from this fixed set only (it is spliced into the SQL). */
    String column() {
        return column;
    }

    public String action() {
        return action;
    }
}
