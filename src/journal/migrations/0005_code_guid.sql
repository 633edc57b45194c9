-- The REFI-QDA guid a code was imported with (coding_import.hpp), so a
-- second import of the same codebook finds it and the QDPX export writes the
-- same guid again (a round trip through another QDA tool keeps its codes).
-- NULL for codes made in Samen: the export derives their guid from the id.
ALTER TABLE journal_codes ADD COLUMN guid TEXT;
CREATE UNIQUE INDEX journal_codes_guid ON journal_codes(guid) WHERE guid IS NOT NULL;
