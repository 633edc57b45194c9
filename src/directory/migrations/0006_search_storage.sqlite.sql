-- samen:global-version 8 (its number before migrations were numbered per module)
-- Search storage (see 0006_search_storage.postgres.sql): on SQLite the search
-- index is a Xapian database, so the database has nothing to change. This
-- version exists so both databases count the same versions.
SELECT 1;
