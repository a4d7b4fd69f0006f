-- Dispatch: the agencies and their units, which responder is signed on to which unit, and each unit's assignments
-- to incidents with the time stamps of every stage.

CREATE TABLE agencies
(
  id   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  kind TEXT NOT NULL CHECK (kind IN ('POLICE', 'FIRE', 'EMS', 'CIVIL_DEFENCE'))
);

CREATE TABLE units
(
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  call_sign    TEXT        NOT NULL UNIQUE CHECK (length(trim(call_sign)) > 0),
  agency_id    BIGINT      NOT NULL REFERENCES agencies (id),
  unit_type    TEXT        NOT NULL CHECK (unit_type ~ '^[a-z][a-z0-9-]{1,31}$'),
  capabilities TEXT[]      NOT NULL DEFAULT '{}',
  -- the names as the roster says them
  crew         TEXT[]      NOT NULL DEFAULT '{}',
  status       TEXT        NOT NULL DEFAULT 'AVAILABLE'
    CHECK (status IN ('AVAILABLE', 'DISPATCHED', 'EN_ROUTE', 'ON_SCENE', 'OUT_OF_SERVICE')),
  status_since TIMESTAMPTZ NOT NULL DEFAULT now(),
  -- the incident of its open assignment, NULL when it has none
  incident_id  BIGINT      REFERENCES incidents (id),
  active       BOOLEAN     NOT NULL DEFAULT TRUE
);

CREATE INDEX units_agency ON units (agency_id);

CREATE TABLE unit_sign_ons
(
  username TEXT PRIMARY KEY,
  unit_id  BIGINT      NOT NULL REFERENCES units (id),
  since    TIMESTAMPTZ NOT NULL
);

CREATE TABLE assignments
(
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  incident_id    BIGINT      NOT NULL REFERENCES incidents (id),
  unit_id        BIGINT      NOT NULL REFERENCES units (id),
  dispatched_at  TIMESTAMPTZ NOT NULL,
  dispatched_by  TEXT        NOT NULL,
  en_route_at    TIMESTAMPTZ,
  on_scene_at    TIMESTAMPTZ,
  cleared_at     TIMESTAMPTZ,
  -- why it ended: released by the dispatcher, cleared by the crew, incident closed, ...
  cleared_reason TEXT
);

-- a unit works one incident at a time
CREATE UNIQUE INDEX assignments_one_open_per_unit ON assignments (unit_id) WHERE cleared_at IS NULL;
CREATE INDEX assignments_incident ON assignments (incident_id);
CREATE INDEX assignments_dispatched_at ON assignments (dispatched_at);
