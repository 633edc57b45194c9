-- Organisations and locations are verified like services: the last date a
-- coordinator checked the record (ISO date, as HSDS writes a service's
-- assured_date) and who did, so each kind gets its own needs-review list.
ALTER TABLE organizations ADD COLUMN assured_date TEXT;
ALTER TABLE organizations ADD COLUMN assurer_email TEXT;
ALTER TABLE locations ADD COLUMN assured_date TEXT;
ALTER TABLE locations ADD COLUMN assurer_email TEXT;
