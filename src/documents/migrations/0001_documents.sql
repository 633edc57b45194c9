-- Shared documents: private calendar feed tokens and file attachments.

-- A private feed URL (/…/feed/{token}.ics) gives one user's view of one
-- feed to a calendar client that cannot log in. Only the token's digest is
-- stored; revoking ends the subscription.
CREATE TABLE documents_feed_tokens (
  id {{ID}},
  token_digest TEXT NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  feed TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  last_used_at BIGINT,
  revoked_at BIGINT
);
CREATE INDEX documents_feed_tokens_user ON documents_feed_tokens (user_id, feed);

-- Files attached to a module's record (owner_type, owner_id), with the
-- SHA-256 of their bytes and the type found from their content.
CREATE TABLE documents_attachments (
  id {{ID}},
  owner_type TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  file_name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  content {{BLOB}} NOT NULL,
  created_at BIGINT NOT NULL,
  created_by BIGINT REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX documents_attachments_owner ON documents_attachments (owner_type, owner_id);
