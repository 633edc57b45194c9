-- Heavy public requests counted per client address and minute in the
-- database (app/rate_limit.hpp), so servers sharing one database share one
-- limit instead of each allowing it; the accounts.purge_sessions job deletes
-- windows that have ended.
CREATE TABLE request_counts (
  subject TEXT NOT NULL,
  window_start BIGINT NOT NULL,
  requests INTEGER NOT NULL,
  PRIMARY KEY (subject, window_start)
);
