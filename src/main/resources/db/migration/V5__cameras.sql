-- Camera registry: where each camera is, what it sees, why it records and for how long. The camera group is
-- named, not referenced, because groups belong to identity; the application checks that the group exists.

CREATE TABLE cameras
(
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name            TEXT             NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
  main_url        TEXT             NOT NULL CHECK (length(main_url) BETWEEN 1 AND 2000),
  sub_url         TEXT CHECK (length(sub_url) <= 2000),
  username        TEXT CHECK (length(username) <= 200),
  -- SecretBox text, associated data "camera:<id>:password"; never returned, never logged
  password_sealed TEXT,
  latitude        DOUBLE PRECISION CHECK (latitude BETWEEN -90 AND 90),
  longitude       DOUBLE PRECISION CHECK (longitude BETWEEN -180 AND 180),
  heading_deg     DOUBLE PRECISION CHECK (heading_deg BETWEEN 0 AND 360),
  fov_deg         DOUBLE PRECISION CHECK (fov_deg BETWEEN 1 AND 360),
  range_m         DOUBLE PRECISION CHECK (range_m > 0),
  camera_group    TEXT             NOT NULL,
  purpose         TEXT             NOT NULL DEFAULT '' CHECK (length(purpose) <= 2000),
  legal_basis     TEXT             NOT NULL DEFAULT '' CHECK (length(legal_basis) <= 2000),
  retention_days  INT              NOT NULL DEFAULT 30 CHECK (retention_days BETWEEN 1 AND 3650),
  recording_mode  TEXT             NOT NULL DEFAULT 'continuous' CHECK (recording_mode IN ('continuous', 'off')),
  enabled         BOOLEAN          NOT NULL DEFAULT TRUE,
  created_at      TIMESTAMPTZ      NOT NULL,
  updated_at      TIMESTAMPTZ      NOT NULL
);
CREATE INDEX cameras_by_group ON cameras (camera_group);
