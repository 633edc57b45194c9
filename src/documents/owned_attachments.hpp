// Files that belong to a module's records: a journal activity's notes and
// photos, a toolbox method's worksheets. Each such module keeps a link table
// of one shape (id, version, created_at, updated_at, archived_at, its owner
// column, attachment_id UNIQUE, uploaded_by) over the bytes that
// attachments.hpp checks and stores. This file does what every owner does
// with that table: list, find, add (file, link row, field history and audit
// in the change's transaction), archive and restore, take the file out of an
// upload request, answer a refused file, serve the download, and the API's
// JSON of a file. The module keeps the decisions that are its own: who may
// see or edit the owner, its routes and its pages.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "app/context.hpp"
#include "documents/attachments.hpp"
#include "http/message.hpp"
#include "store/database.hpp"

namespace samen::app {
class Change;
}

namespace samen::documents {

inline constexpr std::size_t kMaxAttachmentBytes = 25u * 1024 * 1024;  // "25 MB" in the catalogs
// An upload route's body limit: the file plus room for the multipart
// envelope; beyond it the server answers 413 before reading on.
inline constexpr std::size_t kUploadBodyLimit = kMaxAttachmentBytes + 256 * 1024;

// How a module keeps its files.
struct AttachmentOwner {
  const char* table;         // the link table: "journal_attachments"
  const char* owner_column;  // its column naming the owner: "activity_id"
  const char* owner_type;    // documents_attachments.owner_type and the upload audit's object: "journal.activity"
  const char* record_type;   // field history, archive and restore: "journal.attachment"
};

struct OwnedAttachment {
  std::string id, owner_id;
  std::int64_t attachment_id = 0;  // the documents_attachments row
  std::string file_name, media_type, sha256;
  std::int64_t size_bytes = 0, created_at = 0, version = 0;
  std::optional<std::int64_t> uploaded_by, archived_at;
  std::string uploader_name;  // "" when the account is gone
};

// An owner's active files (or its archived ones), oldest first.
std::vector<OwnedAttachment> owned_attachments(store::Connection& c, const AttachmentOwner& owner,
                                               const std::string& owner_id, bool archived = false);
// The active files of many owners at once (an export), oldest first.
std::vector<OwnedAttachment> owned_attachments(store::Connection& c, const AttachmentOwner& owner,
                                               const std::vector<std::string>& owner_ids);
std::optional<OwnedAttachment> find_owned_attachment(store::Connection& c, const AttachmentOwner& owner,
                                                     std::string_view id);
// One of owner_id's files: the attachment of id if it belongs to that owner
// and is active, or archived and the caller may see archived files.
std::optional<OwnedAttachment> owned_attachment_of(store::Connection& c, const AttachmentOwner& owner,
                                                   const std::string& owner_id, std::string_view id,
                                                   bool archived_visible);

// Checks and stores the file (AttachmentError when empty, over
// kMaxAttachmentBytes or of a refused type), its link row by the change's
// user, the history row and the audit entry "<record_type>.upload".
OwnedAttachment add_owned_attachment(app::Change& change, const AttachmentOwner& owner, const std::string& owner_id,
                                     const std::string& file_name, const std::string& bytes);
// Archives or restores one of owner_id's files (404 when it is not one of them).
void set_owned_attachment_archived(app::Change& change, const AttachmentOwner& owner, const std::string& owner_id,
                                   const std::string& id, bool archive);

// The uploaded file of a request, as (name, bytes): the "file" part of a
// multipart body; when raw_body_allowed (the API), also the whole body named
// by X-Filename (percent-encoded UTF-8) or Content-Disposition. HttpError:
// 415 for another body, 400 for a broken one, 422 without a named, non-empty file.
std::pair<std::string, std::string> uploaded_file(const http::Request& req, bool raw_body_allowed);
// The answer to a refused file: 413, 415 or 422 with its message.
app::HttpError refused_upload(const AttachmentError& e);
// The stored bytes as a download (404 when they are gone).
http::Response owned_attachment_download(store::Connection& c, const OwnedAttachment& f);
// A file in the JSON API: `owner_key` names the owner field ("activity_id").
nlohmann::json owned_attachment_json(const OwnedAttachment& f, const char* owner_key, const std::string& download_url);
// "840 kB", "3.4 MB" in the context's language.
std::string file_size_label(const app::Context& ctx, std::int64_t bytes);

}  // namespace samen::documents
