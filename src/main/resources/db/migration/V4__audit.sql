-- The tamper-evident audit log. Entries and checkpoints are only ever appended: the application role may read and
-- insert but not change or remove them, and triggers refuse changes from any role that has not disabled them.
-- Each entry's leaf_hash is SHA-256(0x00 || canonical JSON of the entry) (see org.atalaya.audit.internal.AuditEntry);
-- checkpoints are signed Merkle tree heads over entries 1..tree_size.
CREATE TABLE audit_entry
(
  seq            BIGINT PRIMARY KEY CHECK (seq > 0),
  recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  actor          TEXT NOT NULL CHECK (char_length(actor) BETWEEN 1 AND 200),
  action         TEXT NOT NULL CHECK (char_length(action) BETWEEN 1 AND 100),
  outcome        TEXT NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED')),
  target         TEXT CHECK (char_length(target) <= 500),
  reason         TEXT CHECK (char_length(reason) <= 2000),
  case_number    TEXT CHECK (char_length(case_number) <= 100),
  source_address TEXT CHECK (char_length(source_address) <= 100),
  details        JSONB NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object'),
  leaf_hash      BYTEA NOT NULL CHECK (octet_length(leaf_hash) = 32)
);

CREATE INDEX audit_entry_recorded_at_idx ON audit_entry (recorded_at);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor, seq);
CREATE INDEX audit_entry_action_idx ON audit_entry (action text_pattern_ops);

CREATE TABLE audit_checkpoint
(
  tree_size  BIGINT PRIMARY KEY CHECK (tree_size > 0),
  root_hash  BYTEA NOT NULL CHECK (octet_length(root_hash) = 32),
  signed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  key_id     TEXT NOT NULL,
  signature  BYTEA NOT NULL
);

REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry, audit_checkpoint FROM ${app_role};
GRANT SELECT, INSERT ON audit_entry, audit_checkpoint TO ${app_role};

CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
