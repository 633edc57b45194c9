-- Warm transitions (issue 19): settings (directory services with a kind),
-- the key check value of the encryption key, handovers ("transition
-- passports") and parents' consents. What a handover says about a child and
-- the details of a consent are sealed (crypto.hpp): only ids, dates and the
-- settings involved are plain, for access rules, retention and pathways.

-- The key the sealed values are under: its id and a MAC of a constant
-- (the key check value), never the key, which lives in a file outside the database.
CREATE TABLE transitions_key (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  key_id TEXT NOT NULL,
  check_value TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  rotated_at BIGINT
);

-- A setting: a directory service taking part in transitions; its id is the service's.
CREATE TABLE transitions_settings (
  id TEXT PRIMARY KEY REFERENCES services(id),
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT,
  kind TEXT NOT NULL CHECK (kind IN ('childcare', 'pre_school', 'out_of_school')),
  capacity INTEGER,
  age_min_months INTEGER,
  age_max_months INTEGER,
  languages TEXT NOT NULL DEFAULT '',          -- ISO 639-1 codes, comma-separated
  year_start TEXT NOT NULL DEFAULT '09-01',    -- school year, MM-DD
  year_end TEXT NOT NULL DEFAULT '06-30'
);

CREATE TABLE transitions_handovers (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT,
  sending_setting_id TEXT NOT NULL REFERENCES transitions_settings(id),
  receiving_setting_id TEXT NOT NULL REFERENCES transitions_settings(id),
  transition_date TEXT NOT NULL,               -- YYYY-MM-DD
  delete_after BIGINT NOT NULL,                -- unix seconds: the retention job deletes it then
  language TEXT NOT NULL,                      -- the parent's language (nl, fr, en)
  created_by BIGINT,
  contents TEXT NOT NULL                       -- sealed JSON: the child and what the parent shares
);
CREATE INDEX transitions_handovers_sending ON transitions_handovers (sending_setting_id);
CREATE INDEX transitions_handovers_receiving ON transitions_handovers (receiving_setting_id);
CREATE INDEX transitions_handovers_delete_after ON transitions_handovers (delete_after);

CREATE TABLE transitions_consents (
  id TEXT PRIMARY KEY,
  handover_id TEXT NOT NULL REFERENCES transitions_handovers(id) ON DELETE CASCADE,
  receiving_setting_id TEXT NOT NULL REFERENCES transitions_settings(id),
  valid_until BIGINT NOT NULL,                 -- unix seconds, exclusive
  withdrawn_at BIGINT,
  created_at BIGINT NOT NULL,
  created_by BIGINT,
  details TEXT NOT NULL                        -- sealed JSON: given by, how, when, which parts
);
CREATE INDEX transitions_consents_handover ON transitions_consents (handover_id);
CREATE INDEX transitions_consents_receiving ON transitions_consents (receiving_setting_id, valid_until);
