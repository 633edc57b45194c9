-- The finder's language filter offers the languages of searchable services
-- (search_postgres.cpp, offered_languages). Without an index that was a hash
-- join of every language row with the whole search table: ~0.8 s at 100,000
-- services, paid by one finder request per language whenever the finder's
-- ten-second cache of its choices ran out. With this index the query walks
-- the ~15 distinct codes (a skip scan) and checks each with one probe.
CREATE INDEX languages_lower_code ON languages (LOWER(code), service_id);
