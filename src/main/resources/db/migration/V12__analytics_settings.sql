-- How each camera is analysed: motion zones and exclusion masks (polygons in picture coordinates 0..1), the weekly
-- arming schedule and whether tamper raises alarms. A camera without a row is analysed with the defaults.
CREATE TABLE analytics_settings
(
  camera_id            BIGINT      PRIMARY KEY REFERENCES cameras (id) ON DELETE CASCADE,
  motion_enabled       BOOLEAN     NOT NULL,
  min_duration_ms      INT         NOT NULL CHECK (min_duration_ms BETWEEN 0 AND 60000),
  tamper_enabled       BOOLEAN     NOT NULL,
  -- [{name, kind, sensitivity, minAreaPercent, polygon: [[x, y], ...]}, ...]
  zones                JSONB       NOT NULL,
  -- [{days: ["MONDAY", ...], from: "08:00", to: "18:00"}, ...]; empty means always armed
  schedule             JSONB       NOT NULL,
  updated_at           TIMESTAMPTZ NOT NULL,
  updated_by           TEXT        NOT NULL
);
