-- Alerts from alpr.alerts: immutable, one row per alert_id (deterministic per event and source).
CREATE TABLE alerts (
    alert_id           uuid PRIMARY KEY,
    event_id           uuid NOT NULL,
    event_captured_at  timestamptz NOT NULL,
    kind               text NOT NULL,
    match_kind         text,
    edit_distance      integer,
    rule_name          text,
    priority           integer NOT NULL,
    reason             text NOT NULL,
    plate              text NOT NULL,
    matched_plate      text,
    hotlist_entry      jsonb,
    camera_id          text NOT NULL,
    site               text,
    raised_at          timestamptz NOT NULL,
    event              jsonb NOT NULL,
    written_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alerts_raised_at ON alerts (raised_at DESC);
CREATE INDEX alerts_plate_time ON alerts (plate, raised_at DESC);
CREATE INDEX alerts_camera_time ON alerts (camera_id, raised_at DESC);
CREATE INDEX alerts_event ON alerts (event_id);
