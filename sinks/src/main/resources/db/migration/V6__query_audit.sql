-- Who queried what through the API, and why (written by the query API).
CREATE TABLE query_audit (
    id        bigserial PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    principal text NOT NULL,
    role      text NOT NULL,
    action    text NOT NULL,
    plate     text,
    query     text,
    purpose   text NOT NULL,
    results   integer NOT NULL,
    client    text,
    instance  text
);
CREATE INDEX query_audit_at ON query_audit (at);
CREATE INDEX query_audit_plate_at ON query_audit (plate, at);
