-- Repeated login failures and refusals are counted in one audit row per
-- account, address and window (a flood no longer adds a row per attempt):
-- the row's count and last time may grow, nothing else in the log changes.
-- API tokens get an optional expiry.
ALTER TABLE audit_log ADD COLUMN repeats INTEGER NOT NULL DEFAULT 1;
ALTER TABLE audit_log ADD COLUMN last_at BIGINT;
CREATE INDEX audit_repeated ON audit_log(actor_label, remote_ip, at) WHERE action IN ('login.failed', 'login.locked');
DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (OLD.action IN ('login.failed', 'login.locked') AND NEW.repeats > OLD.repeats
          AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.actor_id IS OLD.actor_id
          AND NEW.actor_label = OLD.actor_label AND NEW.action = OLD.action
          AND NEW.target_type = OLD.target_type AND NEW.target_id = OLD.target_id
          AND NEW.detail = OLD.detail AND NEW.remote_ip = OLD.remote_ip)
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT;
