-- samen:global-version 4 (its number before migrations were numbered per module)
-- Indexes for the service page's lookups of phones, contacts, documents and
-- accessibility by their owner (found missing when measuring the finder).
CREATE INDEX phones_service ON phones(service_id);
CREATE INDEX phones_location ON phones(location_id);
CREATE INDEX phones_contact ON phones(contact_id);
CREATE INDEX contacts_service ON contacts(service_id);
CREATE INDEX required_documents_service ON required_documents(service_id);
CREATE INDEX accessibility_location ON accessibility(location_id);
