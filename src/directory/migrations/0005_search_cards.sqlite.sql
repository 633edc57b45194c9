-- samen:global-version 7 (its number before migrations were numbered per module)
-- Result cards (see 0005_search_cards.postgres.sql): on SQLite the Xapian
-- index keeps them as each document's data, so the database has nothing to
-- change. This version exists so both databases count the same versions.
SELECT 1;
