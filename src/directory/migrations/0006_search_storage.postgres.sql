-- samen:global-version 8 (its number before migrations were numbered per module)
-- Search speed on a large directory (PostgreSQL). The filter terms move into
-- doc beside the words (they start with 'X', words never do), so one GIN
-- index scan intersects words and filters: a separate tags column was
-- either a second index scan to combine or, worse, a condition checked row
-- by row. A search then reads, for every match, only what ranks and orders
-- it (rank_doc, the sort keys, the ages), so those stay in the table row
-- while doc (only matched through its index) and card (read for one page of
-- results), most of a row's bytes, move out of line, so a broad search,
-- which visits most pages, visits fewer. The rebuild that the index format
-- change triggers rewrites every row this way.
DROP INDEX service_search_tags;
ALTER TABLE service_search DROP COLUMN tags;
ALTER TABLE service_search
  ALTER COLUMN doc SET STORAGE EXTERNAL,
  ALTER COLUMN card SET STORAGE EXTERNAL,
  ALTER COLUMN rank_doc SET STORAGE MAIN,
  ALTER COLUMN sort_nl SET STORAGE MAIN,
  ALTER COLUMN sort_fr SET STORAGE MAIN,
  ALTER COLUMN sort_en SET STORAGE MAIN;
-- Move doc and card out once a row passes 1000 bytes (by default only past
-- about 2 kB, which kept card inline).
ALTER TABLE service_search SET (toast_tuple_target = 1000);
-- Without a pending list: every search would scan it linearly, whatever
-- recent writes left there; writes come a few services at a time, so going
-- straight into the index costs them little.
ALTER INDEX service_search_doc SET (fastupdate = off);
