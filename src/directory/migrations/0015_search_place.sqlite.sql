-- A municipality's services walked in id order (see 0015_search_place.postgres.sql):
-- on SQLite the search index is a Xapian database, so the database has
-- nothing to change. This version exists so both databases count the same versions.
SELECT 1;
