-- Transition activities (issue 19): children's visits to the new setting,
-- meetings of childcare workers and pre-school teachers, parent information
-- sessions, welcome days. Each is a journal activity (the journal owns
-- activities, their calendar and feeds); this table links it to the school
-- year, its kind and the pathway's settings.
INSERT INTO journal_activity_types (code, label_nl, label_fr, label_en, sort_order) VALUES
  ('transition', 'Overgangsactiviteit', 'Activité de transition', 'Transition activity', 100);

CREATE TABLE transitions_activities (
  activity_id TEXT PRIMARY KEY REFERENCES journal_activities(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('child_visit', 'staff_meeting', 'parent_session', 'welcome_day')),
  school_year INTEGER NOT NULL,                -- the calendar year it starts in: 2026 = 2026-2027
  sending_setting_id TEXT REFERENCES transitions_settings(id),
  receiving_setting_id TEXT REFERENCES transitions_settings(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX transitions_activities_year ON transitions_activities (school_year);
