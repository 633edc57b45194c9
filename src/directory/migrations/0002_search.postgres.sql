-- samen:global-version 3 (its number before migrations were numbered per module)
-- Search on PostgreSQL: one row per searchable service holding its index
-- terms as tsvectors (folded words and "Z"-prefixed stems computed by Samen,
-- the same terms the Xapian engine uses): doc has them all (matched through
-- its GIN index), rank_doc only those of the name and other headings with
-- weights A/B (small, so ranking many matches stays fast), tags the filter
-- terms; plus what filtering and browsing need. Kept current by the
-- application right after each committed write, so every server process on
-- this database searches the same data.
CREATE TABLE service_search (
  service_id TEXT PRIMARY KEY REFERENCES services(id) ON DELETE CASCADE,
  doc TSVECTOR NOT NULL,
  rank_doc TSVECTOR NOT NULL,
  tags TSVECTOR NOT NULL,
  min_age DOUBLE PRECISION NOT NULL,
  max_age DOUBLE PRECISION NOT NULL,
  sort_nl TEXT NOT NULL,
  sort_fr TEXT NOT NULL,
  sort_en TEXT NOT NULL,
  hours TEXT NOT NULL,
  indexed_updated_at BIGINT NOT NULL
);
CREATE INDEX service_search_doc ON service_search USING GIN (doc);
CREATE INDEX service_search_tags ON service_search USING GIN (tags);
-- Listing everything by name, per UI language.
CREATE INDEX service_search_sort_nl ON service_search (sort_nl, service_id);
CREATE INDEX service_search_sort_fr ON service_search (sort_fr, service_id);
CREATE INDEX service_search_sort_en ON service_search (sort_en, service_id);

-- As-you-type suggestions: a service's name and category labels per UI
-- language, once for each word they can be completed from.
CREATE TABLE service_search_labels (
  service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
  lang TEXT NOT NULL,
  tail TEXT NOT NULL,
  label TEXT NOT NULL,
  PRIMARY KEY (service_id, lang, tail, label)
);
CREATE INDEX service_search_labels_tail ON service_search_labels (lang, tail text_pattern_ops);

-- The indexed words and how many services use them (typo suggestions).
CREATE TABLE search_words (
  word TEXT PRIMARY KEY,
  services BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX search_words_pattern ON search_words (word text_pattern_ops);

-- Lookups the indexer makes for every service: category parents, hours
-- attached to a service at a location, and closures.
CREATE INDEX IF NOT EXISTS taxonomy_terms_parent ON taxonomy_terms(parent_id);
CREATE INDEX IF NOT EXISTS schedules_service_at_location ON schedules(service_at_location_id);
CREATE INDEX IF NOT EXISTS schedule_exceptions_service ON schedule_exceptions(service_id);
CREATE INDEX IF NOT EXISTS schedule_exceptions_location ON schedule_exceptions(location_id);
