-- Identity: users, roles as sets of permission grants, camera groups that scope grants, API tokens, and the
-- server-side sessions (Spring Session's JDBC schema, created here rather than by Spring's initializer).

CREATE TABLE camera_groups
(
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name        TEXT        NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
  description TEXT        NOT NULL DEFAULT '',
  created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE users
(
  id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username             TEXT        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  display_name         TEXT        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
  password_hash        TEXT        NOT NULL,
  must_change_password BOOLEAN     NOT NULL DEFAULT FALSE,
  enabled              BOOLEAN     NOT NULL DEFAULT TRUE,
  failed_attempts      INT         NOT NULL DEFAULT 0,
  locked_until         TIMESTAMPTZ,
  -- AES-GCM encrypted when atalaya.identity.secret-key is set; never shown again after enrolment
  totp_secret          TEXT,
  totp_enabled         BOOLEAN     NOT NULL DEFAULT FALSE,
  -- the last 30-second step whose code was accepted: a code is good once
  last_totp_step       BIGINT,
  created_at           TIMESTAMPTZ NOT NULL,
  password_changed_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE roles
(
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name          TEXT    NOT NULL UNIQUE CHECK (name ~ '^[a-z][a-z0-9-]{1,39}$'),
  description   TEXT    NOT NULL DEFAULT '',
  builtin       BOOLEAN NOT NULL DEFAULT FALSE,
  requires_totp BOOLEAN NOT NULL DEFAULT FALSE
);

-- A grant without a camera group covers every group.
CREATE TABLE role_grants
(
  role_id         BIGINT NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
  permission      TEXT   NOT NULL,
  camera_group_id BIGINT REFERENCES camera_groups (id) ON DELETE CASCADE,
  UNIQUE NULLS NOT DISTINCT (role_id, permission, camera_group_id)
);

CREATE TABLE user_roles
(
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role_id BIGINT NOT NULL REFERENCES roles (id),
  PRIMARY KEY (user_id, role_id)
);
CREATE INDEX user_roles_by_role ON user_roles (role_id);

CREATE TABLE api_tokens
(
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id      BIGINT      NOT NULL REFERENCES users (id),
  label        TEXT        NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
  -- SHA-256 of the whole token; the token itself is shown once and never stored
  token_hash   BYTEA       NOT NULL UNIQUE,
  prefix       TEXT        NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL,
  last_used_at TIMESTAMPTZ,
  revoked_at   TIMESTAMPTZ
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);

CREATE TABLE spring_session
(
  primary_id            CHAR(36) NOT NULL,
  session_id            CHAR(36) NOT NULL,
  creation_time         BIGINT   NOT NULL,
  last_access_time      BIGINT   NOT NULL,
  max_inactive_interval INT      NOT NULL,
  expiry_time           BIGINT   NOT NULL,
  principal_name        VARCHAR(100),
  CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes
(
  session_primary_id CHAR(36)     NOT NULL,
  attribute_name     VARCHAR(200) NOT NULL,
  attribute_bytes    BYTEA        NOT NULL,
  CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
  CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
    REFERENCES spring_session (primary_id) ON DELETE CASCADE
);

-- The built-in roles, least privilege first. Every role may look after its own account.
INSERT INTO roles (name, description, builtin)
VALUES ('admin', 'Administers users, roles, configuration and cameras; sees no video and no audit log', TRUE),
       ('supervisor', 'Leads the monitoring room: operator work plus export approval, legal holds, alarm rules', TRUE),
       ('operator', 'Watches cameras live and recorded, handles alarms, requests exports', TRUE),
       ('call-taker', 'Takes emergency calls and opens incidents', TRUE),
       ('dispatcher', 'Assigns units to incidents, with live view of cameras', TRUE),
       ('responder', 'Field unit: reports status and sees its incidents', TRUE),
       ('privacy-officer', 'Oversees privacy: masks, retention, export approval, reads the audit log', TRUE),
       ('auditor', 'Reads and exports the audit log and privacy settings; changes nothing', TRUE);

INSERT INTO role_grants (role_id, permission)
SELECT r.id, g.permission
FROM roles r
JOIN (VALUES
  ('admin', 'USER_MANAGE'), ('admin', 'ROLE_MANAGE'), ('admin', 'SYSTEM_CONFIGURE'), ('admin', 'SYSTEM_MONITOR'),
  ('admin', 'CAMERA_VIEW'), ('admin', 'CAMERA_MANAGE'), ('admin', 'INFRA_VIEW'), ('admin', 'INFRA_MANAGE'),
  ('operator', 'CAMERA_VIEW'), ('operator', 'LIVE_VIEW'), ('operator', 'PLAYBACK_VIEW'),
  ('operator', 'EXPORT_REQUEST'), ('operator', 'ALARM_VIEW'), ('operator', 'ALARM_HANDLE'),
  ('supervisor', 'CAMERA_VIEW'), ('supervisor', 'LIVE_VIEW'), ('supervisor', 'PLAYBACK_VIEW'),
  ('supervisor', 'EXPORT_REQUEST'), ('supervisor', 'ALARM_VIEW'), ('supervisor', 'ALARM_HANDLE'),
  ('supervisor', 'EXPORT_APPROVE'), ('supervisor', 'LEGAL_HOLD_MANAGE'), ('supervisor', 'ALARM_CONFIGURE'),
  ('supervisor', 'INCIDENT_VIEW'),
  ('call-taker', 'CALL_INTAKE'), ('call-taker', 'INCIDENT_VIEW'), ('call-taker', 'INCIDENT_MANAGE'),
  ('dispatcher', 'INCIDENT_VIEW'), ('dispatcher', 'INCIDENT_MANAGE'), ('dispatcher', 'DISPATCH_VIEW'),
  ('dispatcher', 'DISPATCH_ASSIGN'), ('dispatcher', 'CAMERA_VIEW'), ('dispatcher', 'LIVE_VIEW'),
  ('responder', 'UNIT_REPORT'), ('responder', 'INCIDENT_VIEW'),
  ('privacy-officer', 'PRIVACY_VIEW'), ('privacy-officer', 'PRIVACY_MANAGE'), ('privacy-officer', 'AUDIT_VIEW'),
  ('privacy-officer', 'CAMERA_VIEW'), ('privacy-officer', 'EXPORT_APPROVE'),
  ('auditor', 'AUDIT_VIEW'), ('auditor', 'AUDIT_EXPORT'), ('auditor', 'PRIVACY_VIEW')
) AS g (role, permission) ON g.role = r.name;

INSERT INTO role_grants (role_id, permission)
SELECT id, 'OWN_ACCOUNT' FROM roles;
