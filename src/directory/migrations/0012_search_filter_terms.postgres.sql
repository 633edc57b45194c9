-- The filter terms of each searchable service (municipality, language,
-- category, cost, weekday, hour-of-week block, organisation: the 'X' terms
-- of doc) also in a small column of its row, tags, with a GIN index of its
-- own. A search walking the primary key to read a page tier by tier checks
-- its filters there: doc is stored out of line (TOAST), and checking a filter
-- on it fetched and read every walked row's whole document. tags stays in
-- the row (STORAGE MAIN); toast_tuple_target rises so that, with doc and card
-- moved out, the rest of a row (rank_doc, tags, sort keys) fits uncompressed.
-- The indexer fills it: the index format changes with it (search_postgres.cpp,
-- kFormat), so the next start rebuilds every row.
ALTER TABLE service_search ADD COLUMN tags TSVECTOR NOT NULL DEFAULT '';
ALTER TABLE service_search ALTER COLUMN tags SET STORAGE MAIN;
ALTER TABLE service_search SET (toast_tuple_target = 1600);
CREATE INDEX service_search_tags ON service_search USING GIN (tags) WITH (fastupdate = off);
