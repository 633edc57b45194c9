-- Shared documents: private calendar feed tokens.

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
