-- Incidents: the centre's taxonomy of incident types, the incidents from first call to closing, and each incident's
-- narrative log (notes and every transition).

CREATE TABLE incident_types
(
  code             TEXT     PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
  name             TEXT     NOT NULL,
  name_es          TEXT     NOT NULL,
  -- 1 is the most urgent
  default_priority SMALLINT NOT NULL CHECK (default_priority BETWEEN 1 AND 5),
  -- dispatch's unit types suited to respond; empty means any unit
  unit_types       TEXT[]   NOT NULL DEFAULT '{}',
  active           BOOLEAN  NOT NULL DEFAULT TRUE
);

INSERT INTO incident_types (code, name, name_es, default_priority, unit_types)
VALUES ('FIRE_STRUCTURE', 'Structure fire', 'Incendio estructural', 1, '{engine,ladder,ambulance}'),
       ('FIRE_VEHICLE', 'Vehicle fire', 'Incendio de vehículo', 2, '{engine}'),
       ('FIRE_BRUSH', 'Brush or forest fire', 'Incendio forestal o de pastizal', 2, '{engine,civil-defence}'),
       ('TRAFFIC_COLLISION', 'Traffic collision', 'Choque de tránsito', 3, '{patrol,motorcycle}'),
       ('TRAFFIC_COLLISION_INJURIES', 'Traffic collision with injuries', 'Choque de tránsito con heridos', 1,
        '{ambulance,patrol,rescue}'),
       ('MEDICAL_EMERGENCY', 'Medical emergency', 'Emergencia médica', 2, '{ambulance}'),
       ('CARDIAC_ARREST', 'Cardiac arrest', 'Paro cardiorrespiratorio', 1, '{ambulance}'),
       ('ASSAULT', 'Assault', 'Agresión', 2, '{patrol,ambulance}'),
       ('ROBBERY', 'Robbery', 'Robo', 2, '{patrol,motorcycle}'),
       ('BURGLARY', 'Burglary', 'Robo en vivienda o comercio', 3, '{patrol}'),
       ('DOMESTIC_VIOLENCE', 'Domestic violence', 'Violencia familiar', 1, '{patrol}'),
       ('MISSING_PERSON', 'Missing person', 'Persona desaparecida', 2, '{patrol}'),
       ('DISTURBANCE', 'Disturbance', 'Disturbio o riña', 3, '{patrol,motorcycle}'),
       ('GAS_LEAK', 'Gas leak', 'Escape de gas', 2, '{engine,hazmat}'),
       ('FLOOD', 'Flood', 'Inundación', 2, '{civil-defence,rescue}'),
       ('LANDSLIDE', 'Landslide', 'Deslizamiento o alud', 1, '{civil-defence,rescue}'),
       ('HAZMAT', 'Hazardous materials', 'Materiales peligrosos', 1, '{hazmat,engine}'),
       ('RESCUE', 'Rescue', 'Rescate', 2, '{rescue,engine}'),
       ('ALARM_FOLLOW_UP', 'Alarm follow-up', 'Seguimiento de alarma', 3, '{patrol}'),
       ('OTHER', 'Other', 'Otro', 4, '{}');

CREATE SEQUENCE incident_number_seq;

CREATE TABLE incidents
(
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- what people quote, e.g. INC-2026-000123; also the case number of looks at recorded video
  number           TEXT        NOT NULL UNIQUE,
  type_code        TEXT        NOT NULL REFERENCES incident_types (code),
  priority         SMALLINT    NOT NULL CHECK (priority BETWEEN 1 AND 5),
  status           TEXT        NOT NULL CHECK (status IN ('NEW', 'DISPATCHED', 'EN_ROUTE', 'ON_SCENE', 'CLOSED',
                                                          'CANCELLED')),
  latitude         DOUBLE PRECISION CHECK (latitude BETWEEN -90 AND 90),
  longitude        DOUBLE PRECISION CHECK (longitude BETWEEN -180 AND 180),
  address          TEXT,
  summary          TEXT,
  call_offered_at  TIMESTAMPTZ,
  call_answered_at TIMESTAMPTZ,
  created_at       TIMESTAMPTZ NOT NULL,
  created_by       TEXT        NOT NULL,
  -- the first time each stage was reached; a skipped stage stays NULL
  dispatched_at    TIMESTAMPTZ,
  en_route_at      TIMESTAMPTZ,
  on_scene_at      TIMESTAMPTZ,
  ended_at         TIMESTAMPTZ,
  -- the outcome of a closed incident, or why it was cancelled
  outcome          TEXT,
  merged_into      BIGINT REFERENCES incidents (id),
  alarm_id         BIGINT,
  CHECK ((latitude IS NULL) = (longitude IS NULL)),
  CHECK ((status IN ('CLOSED', 'CANCELLED')) = (ended_at IS NOT NULL))
);

CREATE INDEX incidents_active ON incidents (priority, created_at) WHERE status NOT IN ('CLOSED', 'CANCELLED');
CREATE INDEX incidents_created ON incidents (created_at);
-- the bounding-box pre-filter of the duplicate search, among active incidents only
CREATE INDEX incidents_active_place ON incidents (latitude, longitude)
  WHERE status NOT IN ('CLOSED', 'CANCELLED') AND latitude IS NOT NULL;
-- an alarm becomes at most one incident, however often its hand-over is delivered
CREATE UNIQUE INDEX incidents_alarm ON incidents (alarm_id) WHERE alarm_id IS NOT NULL;

CREATE TABLE incident_log
(
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  incident_id BIGINT      NOT NULL REFERENCES incidents (id),
  at          TIMESTAMPTZ NOT NULL,
  author      TEXT        NOT NULL,
  kind        TEXT        NOT NULL CHECK (kind IN ('NOTE', 'STATUS', 'MERGE', 'CALL', 'ALARM', 'UNIT')),
  text        TEXT        NOT NULL,
  from_status TEXT,
  to_status   TEXT,
  -- set on entries copied from a duplicate merged into this incident: that duplicate's number
  copied_from TEXT
);

CREATE INDEX incident_log_incident ON incident_log (incident_id, id);
