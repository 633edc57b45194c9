-- A code may be a grouping code only (REFI-QDA isCodable="false", e.g. a
-- theme that holds sub-codes): it stays in the codebook tree and the
-- frequencies of its sub-codes, but is not offered for coding and a coding
-- with it is refused. 1 for every code made in Samen.
ALTER TABLE journal_codes ADD COLUMN codable INTEGER NOT NULL DEFAULT 1;
