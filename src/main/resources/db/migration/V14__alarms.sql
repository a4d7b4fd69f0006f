-- The alarm queue: the kinds of alarm with their priority, escalation and checklist (SOP), the alarms themselves,
-- which SOP lines were done, and each alarm's history for its detail view.

CREATE TABLE alarm_type
(
  code                   TEXT     PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9.-]{1,63}$'),
  -- 1 is the most urgent
  priority               SMALLINT NOT NULL CHECK (priority BETWEEN 1 AND 5),
  -- NULL: an unanswered alarm of this type is never escalated
  escalate_after_seconds INT      CHECK (escalate_after_seconds > 0),
  clip                   BOOLEAN  NOT NULL DEFAULT FALSE,
  -- the checklist an operator works through, one line each
  sop                    TEXT[]   NOT NULL DEFAULT '{}',
  label_en               TEXT     NOT NULL,
  label_es               TEXT     NOT NULL
);

INSERT INTO alarm_type (code, priority, escalate_after_seconds, clip, sop, label_en, label_es)
VALUES ('motion', 3, 120, TRUE,
        ARRAY ['Look at the camera live', 'Watch the event clip', 'Decide whether someone must go there',
               'Record the outcome'], 'Motion', 'Movimiento'),
       ('tamper.covered', 2, 60, TRUE,
        ARRAY ['Look at the camera live', 'Watch the event clip to see who covered it',
               'Send someone to uncover or check the camera', 'Record the outcome'],
        'Camera covered', 'Cámara tapada'),
       ('tamper.defocused', 2, 60, TRUE,
        ARRAY ['Look at the camera live', 'Watch the event clip', 'Ask maintenance to refocus the camera',
               'Record the outcome'], 'Camera out of focus', 'Cámara desenfocada'),
       ('tamper.moved', 2, 60, TRUE,
        ARRAY ['Look at the camera live', 'Watch the event clip to see who moved it',
               'Ask maintenance to point the camera back', 'Record the outcome'],
        'Camera moved', 'Cámara movida'),
       ('camera.offline', 2, 120, FALSE,
        ARRAY ['Check the camera''s status and problem', 'Check the other cameras of the site',
               'Call maintenance or the site contact', 'Record the outcome'],
        'Camera offline', 'Cámara sin señal'),
       ('recording.gap', 3, NULL, FALSE,
        ARRAY ['Check that the camera records again', 'Note the missing time span', 'Record the outcome'],
        'Recording gap', 'Hueco en la grabación'),
       ('storage.floor', 1, 60, FALSE,
        ARRAY ['Tell the system administrator at once', 'Review legal holds with the supervisor',
               'Confirm that recording resumes', 'Record the outcome'],
        'Recording storage full', 'Almacenamiento de grabación lleno'),
       ('process.restart-loop', 2, 300, FALSE,
        ARRAY ['Check the camera''s status and problem', 'Tell the system administrator',
               'Confirm that video arrives again', 'Record the outcome'],
        'Video process keeps failing', 'Proceso de video falla una y otra vez'),
       ('audit.write-failure', 1, 60, FALSE,
        ARRAY ['Tell the system administrator at once', 'Avoid actions that must be audited until it is fixed',
               'Confirm that the audit log writes again', 'Record the outcome'],
        'Audit log cannot be written', 'No se puede escribir el registro de auditoría'),
       ('panic', 1, 30, TRUE,
        ARRAY ['Open the linked cameras live', 'Call the site contact', 'Dispatch if needed', 'Record the outcome'],
        'Panic button', 'Botón de pánico'),
       ('sensor', 3, 120, TRUE,
        ARRAY ['Open the linked cameras live', 'Watch the event clip', 'Call the site contact if needed',
               'Record the outcome'], 'Sensor', 'Sensor');

CREATE TABLE alarm
(
  id                     BIGSERIAL PRIMARY KEY,
  type                   TEXT        NOT NULL REFERENCES alarm_type (code),
  priority               SMALLINT    NOT NULL CHECK (priority BETWEEN 1 AND 5),
  state                  TEXT        NOT NULL DEFAULT 'new'
    CHECK (state IN ('new', 'acknowledged', 'in_progress', 'closed')),
  source                 TEXT        NOT NULL,
  dedup_key              TEXT        NOT NULL,
  detail                 TEXT,
  first_at               TIMESTAMPTZ NOT NULL,
  last_at                TIMESTAMPTZ NOT NULL,
  count                  INT         NOT NULL DEFAULT 1,
  camera_ids             BIGINT[]    NOT NULL DEFAULT '{}',
  -- the group of the first camera: who may see and handle the alarm; NULL without cameras
  camera_group           TEXT,
  latitude               DOUBLE PRECISION,
  longitude              DOUBLE PRECISION,
  assignee               TEXT,
  acknowledged_at        TIMESTAMPTZ,
  acknowledged_by        TEXT,
  started_at             TIMESTAMPTZ,
  closed_at              TIMESTAMPTZ,
  closed_by              TEXT,
  outcome                TEXT CHECK (outcome IN ('resolved', 'false-alarm', 'referred', 'test', 'duplicate')),
  outcome_note           TEXT CHECK (length(outcome_note) <= 2000),
  escalated_at           TIMESTAMPTZ,
  incident_requested_at  TIMESTAMPTZ,
  incident_requested_by  TEXT,
  created_at             TIMESTAMPTZ NOT NULL,
  CHECK (last_at >= first_at),
  CHECK ((state = 'closed') = (closed_at IS NOT NULL))
);

-- One open alarm per deduplication key: a signal folds into it with one atomic INSERT ... ON CONFLICT.
CREATE UNIQUE INDEX alarm_open_dedup ON alarm (dedup_key) WHERE state <> 'closed';
CREATE INDEX alarm_queue ON alarm (state, priority, first_at);
CREATE INDEX alarm_closed_recently ON alarm (closed_at DESC) WHERE state = 'closed';
CREATE INDEX alarm_by_source ON alarm (source, created_at);

CREATE TABLE alarm_sop_tick
(
  alarm_id   BIGINT      NOT NULL REFERENCES alarm (id) ON DELETE CASCADE,
  line_index INT         NOT NULL CHECK (line_index >= 0),
  done_by    TEXT        NOT NULL,
  done_at    TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (alarm_id, line_index)
);

CREATE TABLE alarm_history
(
  id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  alarm_id BIGINT      NOT NULL REFERENCES alarm (id) ON DELETE CASCADE,
  at       TIMESTAMPTZ NOT NULL,
  action   TEXT        NOT NULL,
  actor    TEXT        NOT NULL,
  detail   TEXT
);
CREATE INDEX alarm_history_by_alarm ON alarm_history (alarm_id, id);
