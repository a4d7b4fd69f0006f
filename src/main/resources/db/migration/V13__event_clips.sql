-- Event clips: one MP4 file per camera and event, cut from the pre-event buffer and the stream that followed.
-- A clip is PENDING while its video after the event is collected, then READY (file written) or UNAVAILABLE
-- (problem says why, in words).
CREATE TABLE event_clip (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    camera_id    bigint      NOT NULL,
    event_ref    text        NOT NULL CHECK (length(btrim(event_ref)) > 0),
    requested_at timestamptz NOT NULL,
    from_at      timestamptz NOT NULL,
    to_at        timestamptz NOT NULL,
    state        text        NOT NULL CHECK (state IN ('PENDING', 'READY', 'UNAVAILABLE')),
    problem      text,
    path         text,
    bytes        bigint,
    sha256       bytea,
    created_at   timestamptz NOT NULL,
    CHECK (to_at >= from_at),
    CHECK (state <> 'READY' OR (path IS NOT NULL AND bytes IS NOT NULL AND sha256 IS NOT NULL)),
    CHECK (state <> 'UNAVAILABLE' OR problem IS NOT NULL)
);

CREATE INDEX event_clip_event ON event_clip (event_ref);
-- Retention looks for the oldest clips of each camera.
CREATE INDEX event_clip_camera_created ON event_clip (camera_id, created_at);
