-- The index of recorded segment files. The files on disk are the truth; the reconciler brings this index back in
-- line with them at start-up. No foreign key to cameras yet: segments outlive a camera's removal.
CREATE TABLE recording_segment (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    camera_id   bigint      NOT NULL,
    started_at  timestamptz NOT NULL,
    ended_at    timestamptz NOT NULL,
    duration_ms bigint      NOT NULL CHECK (duration_ms >= 0),
    bytes       bigint      NOT NULL CHECK (bytes >= 0),
    sha256      bytea       NOT NULL CHECK (octet_length(sha256) = 32),
    path        text        NOT NULL UNIQUE,
    status      text        NOT NULL DEFAULT 'complete' CHECK (status IN ('complete', 'missing')),
    legal_hold  boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (ended_at >= started_at)
);

CREATE INDEX recording_segment_camera_start ON recording_segment (camera_id, started_at);

CREATE TABLE recording_gap (
    camera_id  bigint      NOT NULL,
    started_at timestamptz NOT NULL,
    ended_at   timestamptz NOT NULL,
    reason     text        NOT NULL,
    CHECK (ended_at >= started_at)
);

CREATE INDEX recording_gap_camera_start ON recording_gap (camera_id, started_at);
