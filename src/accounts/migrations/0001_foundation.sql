-- samen:global-version 1 (its number before migrations were numbered per module)
-- Foundation schema: users and roles, sessions, API tokens, login throttling,
-- shared settings and the append-only audit log. Times are unix seconds.

CREATE TABLE settings (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Partner organisations, teams, their members and the organisations users
-- work for were created here until the core module existed; its first
-- migration (src/core/migrations/0001_network.sql) creates them now, with
-- the same definitions, after this one.

CREATE TABLE users (
  id {{ID}},
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin','coordinator','facilitator','partner','parent_rep')),
  password_hash TEXT,
  lang TEXT NOT NULL DEFAULT 'nl',
  disabled INTEGER NOT NULL DEFAULT 0,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE invitations (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);

CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  remote_ip TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_expiry ON sessions(expires_at);

CREATE TABLE api_tokens (
  id {{ID}},
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL DEFAULT '',
  prefix TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_used_at BIGINT,
  revoked_at BIGINT
);

-- Login throttling, shared by every server process: one row per account
-- ('user:EMAIL') and per client address ('ip:ADDR').
CREATE TABLE login_throttle (
  subject TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_start BIGINT NOT NULL,
  locked_until BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE audit_log (
  id {{ID}},
  at BIGINT NOT NULL,
  actor_id BIGINT,
  actor_label TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  target_type TEXT NOT NULL DEFAULT '',
  target_id TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '',
  remote_ip TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_at ON audit_log(at);
CREATE INDEX audit_action ON audit_log(action);
CREATE INDEX audit_actor ON audit_log(actor_id);
