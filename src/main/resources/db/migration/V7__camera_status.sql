-- The latest status of each camera as its reader last reported it: whether video arrives, and if not, why.
CREATE TABLE camera_status
(
  camera_id BIGINT      PRIMARY KEY REFERENCES cameras (id) ON DELETE CASCADE,
  status    TEXT        NOT NULL CHECK (status IN ('online', 'offline', 'error', 'idle')),
  since     TIMESTAMPTZ NOT NULL,
  problem   TEXT CHECK (length(problem) <= 2000)
);
