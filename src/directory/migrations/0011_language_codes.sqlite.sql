-- Language codes (see 0011_language_codes.postgres.sql): on SQLite the
-- offered languages come from the Xapian index, so the database has nothing
-- to change. This version exists so both databases count the same versions.
SELECT 1;
