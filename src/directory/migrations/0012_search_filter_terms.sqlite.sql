-- Filter terms in the row (see 0012_search_filter_terms.postgres.sql): on
-- SQLite the search index is a Xapian database, so the database has nothing
-- to change. This version exists so both databases count the same versions.
SELECT 1;
