-- Counted suggestions (see 0013_search_suggestions.postgres.sql): on SQLite
-- suggestions live in the Xapian index, so the database has nothing to
-- change. This version exists so both databases count the same versions.
SELECT 1;
