-- A search filtered on one municipality walks that municipality's services
-- in the order of their ids (search_postgres.cpp, walked_tiers), not the
-- whole table: the municipality holds a twentieth of the services, and the
-- walk along the primary key read twenty rows for each one it could use.
-- place is the municipality's filter term ('XMUN' and its NIS code) when a
-- service is in exactly one, '*' when in several (the walk reads those too,
-- and tests their filter terms), '' when in none. The indexer fills it: the
-- index format changes with it (kFormat), so the next start rebuilds every row.
ALTER TABLE service_search ADD COLUMN place TEXT NOT NULL DEFAULT '';
CREATE INDEX service_search_place ON service_search (place, service_id);
