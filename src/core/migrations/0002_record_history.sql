-- Field history of the records of every module (core/history.hpp): one row
-- per changed field, written in the change's own transaction. record_type
-- is "<module>.<kind>". Previous values may be personal data: a module shows
-- a record's history only to those who may read the record, and deletes it
-- with the record when its retention ends.
CREATE TABLE record_history (
  id {{ID}},
  at BIGINT NOT NULL,
  record_type TEXT NOT NULL,
  record_id TEXT NOT NULL,
  action TEXT NOT NULL,
  field TEXT NOT NULL DEFAULT '',
  previous TEXT NOT NULL DEFAULT '',
  replacement TEXT NOT NULL DEFAULT '',
  actor_label TEXT NOT NULL DEFAULT ''
);
CREATE INDEX record_history_record ON record_history(record_type, record_id, at);
