-- Files attached to a toolbox method (worksheets, templates): the bytes, their
-- SHA-256 and their type found from the content live in the documents layer's
-- documents_attachments; this row ties one to a method. Archived files are
-- hidden from readers and restorable by the method's editors. Files are not
-- part of a method's versions (a version is the method's text).
CREATE TABLE toolbox_attachments (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT,
  method_id TEXT NOT NULL REFERENCES toolbox_methods(id) ON DELETE CASCADE,
  attachment_id BIGINT NOT NULL UNIQUE REFERENCES documents_attachments(id) ON DELETE CASCADE,
  uploaded_by BIGINT REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX toolbox_attachments_method ON toolbox_attachments(method_id);
