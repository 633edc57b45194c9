-- Search tiers (see 0010_search_tiers.postgres.sql): on SQLite the search
-- index is a Xapian database, so the database has nothing to change. This
-- version exists so both databases count the same versions.
SELECT 1;
