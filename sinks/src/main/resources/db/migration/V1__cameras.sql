-- Registered cameras, upserted by the timescale sink from the compacted topic alpr.cameras.
CREATE TABLE cameras (
    camera_id       text PRIMARY KEY,
    name            text NOT NULL,
    site            text,
    location        text,
    latitude        double precision,
    longitude       double precision,
    heading         real,
    default_region  text,
    pass_window_ms  bigint,
    enabled         boolean NOT NULL DEFAULT true,
    updated_at      timestamptz,
    written_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cameras_site ON cameras (site);
