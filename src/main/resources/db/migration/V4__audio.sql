-- Recorded answers and synthesised speech. Events name an audio id; the bytes live here.
CREATE TABLE audio (
    id           TEXT PRIMARY KEY,
    content_type TEXT        NOT NULL,
    bytes        BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
