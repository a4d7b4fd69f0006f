-- Legal holds: a camera's recordings over a time range that no retention rule may delete while the hold is active.
-- A hold is never deleted; releasing it records who, when and why, so the table is the hold's whole history.
CREATE TABLE legal_hold (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    camera_id      bigint      NOT NULL,
    starts_at      timestamptz NOT NULL,
    ends_at        timestamptz NOT NULL,
    reason         text        NOT NULL CHECK (length(btrim(reason)) > 0),
    case_number    text,
    set_by         text        NOT NULL,
    set_at         timestamptz NOT NULL,
    released_by    text,
    released_at    timestamptz,
    release_reason text,
    CHECK (ends_at > starts_at),
    CHECK ((released_at IS NULL AND released_by IS NULL AND release_reason IS NULL)
        OR (released_at IS NOT NULL AND released_by IS NOT NULL AND length(btrim(release_reason)) > 0))
);

CREATE INDEX legal_hold_active_camera ON legal_hold (camera_id, starts_at) WHERE released_at IS NULL;

-- Holds cover time ranges, not single segments: whether a segment is held is answered from legal_hold.
ALTER TABLE recording_segment DROP COLUMN legal_hold;

-- Retention looks for the oldest segments of a storage folder across cameras.
CREATE INDEX recording_segment_start ON recording_segment (started_at, id);
