-- Every delivery attempt of an alert on a notifier channel (webhook, Slack, e-mail).
CREATE TABLE alert_deliveries (
    id            bigserial PRIMARY KEY,
    alert_id      uuid NOT NULL,
    channel       text NOT NULL,
    attempt       integer NOT NULL,
    outcome       text NOT NULL CHECK (outcome IN ('DELIVERED', 'FAILED', 'RATE_LIMITED', 'DEAD_LETTERED')),
    status_code   integer,
    error         text,
    latency_ms    integer,
    attempted_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alert_deliveries_alert ON alert_deliveries (alert_id, channel, attempt);
CREATE INDEX alert_deliveries_time ON alert_deliveries (attempted_at DESC);
