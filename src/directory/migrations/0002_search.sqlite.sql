-- samen:global-version 3 (its number before migrations were numbered per module)
-- Search on SQLite: the index itself is a Xapian database in DATA_DIR/search
-- (its generation is kept in the settings table, so a restored database
-- file triggers a rebuild).
-- Lookups the indexer makes for every service: category parents, hours
-- attached to a service at a location, and closures.
CREATE INDEX IF NOT EXISTS taxonomy_terms_parent ON taxonomy_terms(parent_id);
CREATE INDEX IF NOT EXISTS schedules_service_at_location ON schedules(service_at_location_id);
CREATE INDEX IF NOT EXISTS schedule_exceptions_service ON schedule_exceptions(service_id);
CREATE INDEX IF NOT EXISTS schedule_exceptions_location ON schedule_exceptions(location_id);
