-- Transition pathways (issue 19): how many children a setting sent to another
-- in a school year, as entered by staff of either setting's organisation or
-- a coordinator. The counts derived from handovers are computed when read
-- (pathways.hpp), never stored: a handover's retention ends them.
CREATE TABLE transitions_pathways (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT,
  sending_setting_id TEXT NOT NULL REFERENCES transitions_settings(id),
  receiving_setting_id TEXT NOT NULL REFERENCES transitions_settings(id),
  school_year INTEGER NOT NULL,                -- the calendar year it starts in: 2026 = 2026-2027
  children INTEGER NOT NULL CHECK (children >= 0),
  created_by BIGINT,
  UNIQUE (sending_setting_id, receiving_setting_id, school_year)
);
CREATE INDEX transitions_pathways_year ON transitions_pathways (school_year);
