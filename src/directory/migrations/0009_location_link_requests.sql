-- A partner's link of its service to another organisation's location waits
-- here for that organisation's (or a coordinator's) consent; accepting makes
-- the service_at_location row, refusing deletes the request. Pending links
-- are not public.
CREATE TABLE location_link_requests (
  id TEXT PRIMARY KEY,
  service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
  location_id TEXT NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
  requested_by TEXT NOT NULL,
  requested_at BIGINT NOT NULL,
  UNIQUE (service_id, location_id)
);
CREATE INDEX location_link_requests_location ON location_link_requests(location_id);
