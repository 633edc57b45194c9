-- Repeated login failures and refusals are counted in one audit row per
-- account, address and window (a flood no longer adds a row per attempt):
-- the row's count and last time may grow, nothing else in the log changes.
-- API tokens get an optional expiry.
ALTER TABLE audit_log ADD COLUMN repeats INTEGER NOT NULL DEFAULT 1;
ALTER TABLE audit_log ADD COLUMN last_at BIGINT;
CREATE INDEX audit_repeated ON audit_log(actor_label, remote_ip, at) WHERE action IN ('login.failed', 'login.locked');
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.action IN ('login.failed', 'login.locked') AND NEW.repeats > OLD.repeats
     AND (NEW.id, NEW.at, NEW.actor_id, NEW.actor_label, NEW.action, NEW.target_type, NEW.target_id, NEW.detail,
          NEW.remote_ip)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.at, OLD.actor_id, OLD.actor_label, OLD.action, OLD.target_type, OLD.target_id, OLD.detail,
          OLD.remote_ip) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT;
