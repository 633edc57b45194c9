-- Owner references that most rows leave empty (a phone, contact, schedule
-- or language belongs to one of a service, location, organisation, ...):
-- indexed only where set. Every lookup names an owner (owner = ?, which
-- implies IS NOT NULL on both databases), and a bulk insert no longer adds
-- an index entry for each empty reference.
DROP INDEX phones_service;
CREATE INDEX phones_service ON phones(service_id) WHERE service_id IS NOT NULL;
DROP INDEX phones_location;
CREATE INDEX phones_location ON phones(location_id) WHERE location_id IS NOT NULL;
DROP INDEX phones_contact;
CREATE INDEX phones_contact ON phones(contact_id) WHERE contact_id IS NOT NULL;
DROP INDEX phones_organization;
CREATE INDEX phones_organization ON phones(organization_id) WHERE organization_id IS NOT NULL;
DROP INDEX phones_service_at_location;
CREATE INDEX phones_service_at_location ON phones(service_at_location_id) WHERE service_at_location_id IS NOT NULL;
DROP INDEX contacts_service;
CREATE INDEX contacts_service ON contacts(service_id) WHERE service_id IS NOT NULL;
DROP INDEX contacts_organization;
CREATE INDEX contacts_organization ON contacts(organization_id) WHERE organization_id IS NOT NULL;
DROP INDEX contacts_location;
CREATE INDEX contacts_location ON contacts(location_id) WHERE location_id IS NOT NULL;
DROP INDEX contacts_service_at_location;
CREATE INDEX contacts_service_at_location ON contacts(service_at_location_id) WHERE service_at_location_id IS NOT NULL;
DROP INDEX schedules_location;
CREATE INDEX schedules_location ON schedules(location_id) WHERE location_id IS NOT NULL;
DROP INDEX schedules_service_at_location;
CREATE INDEX schedules_service_at_location ON schedules(service_at_location_id) WHERE service_at_location_id IS NOT NULL;
DROP INDEX languages_location;
CREATE INDEX languages_location ON languages(location_id) WHERE location_id IS NOT NULL;
DROP INDEX languages_phone;
CREATE INDEX languages_phone ON languages(phone_id) WHERE phone_id IS NOT NULL;
DROP INDEX schedule_exceptions_location;
CREATE INDEX schedule_exceptions_location ON schedule_exceptions(location_id) WHERE location_id IS NOT NULL;
