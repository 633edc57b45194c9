// Files attached to a module's records (a journal entry, a toolbox page):
// stored in the database (documents_attachments, both dialects) with the
// SHA-256 of their bytes, accepted only when their content is of a type on
// the allow-list (whatever the file name says), and served back as
// downloads that no browser renders in Samen's origin.
#pragma once
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"
#include "store/database.hpp"

namespace samen::documents {

// The allowed type of the content, found from its bytes: PDF, PNG, JPEG,
// GIF, WebP, DOCX, XLSX, PPTX (ZIP with the Office content type of their
// main part), ODT (ZIP whose mimetype entry says so) or plain UTF-8 text.
struct FileType {
  std::string media_type;  // "application/pdf", ...; "text/plain" for text
  std::string extension;   // ".pdf", ...
};
std::optional<FileType> detect_file_type(std::string_view bytes);

// A problem with an upload; key is a catalog key ("attachment.*").
class AttachmentError : public std::runtime_error {
 public:
  explicit AttachmentError(std::string key) : std::runtime_error(key), key(std::move(key)) {}
  std::string key;
};

struct Attachment {
  std::int64_t id = 0;
  std::string owner_type;  // e.g. "journal_entry"
  std::string owner_id;
  std::string file_name;   // cleaned, ends with the extension of its type
  std::string media_type;
  std::int64_t size_bytes = 0;
  std::string sha256;      // hex
  std::int64_t created_at = 0;
  std::optional<std::int64_t> created_by;
};

struct NewAttachment {
  std::string owner_type;
  std::string owner_id;
  std::string file_name;  // as the browser sent it
  std::string bytes;
  std::optional<std::int64_t> created_by;
};

// Stores a file after checking it: AttachmentError "attachment.empty",
// "attachment.too_large" (over max_bytes) or "attachment.type_refused".
Attachment store_attachment(store::Connection& c, const NewAttachment& file, std::size_t max_bytes, std::int64_t now);
std::vector<Attachment> list_attachments(store::Connection& c, const std::string& owner_type,
                                         const std::string& owner_id);
std::optional<Attachment> find_attachment(store::Connection& c, std::int64_t id);
// The file's bytes; throws std::runtime_error when they no longer match the stored checksum.
std::optional<std::string> attachment_content(store::Connection& c, std::int64_t id);
bool delete_attachment(store::Connection& c, std::int64_t id);

// The file name kept: no folders, no control characters, at most 150 bytes,
// ending with the extension of its detected type ("report.exe" holding a
// PDF becomes "report.exe.pdf").
std::string clean_file_name(std::string_view name, const FileType& type);

// The file as a download: its detected type (text as text/plain; charset=utf-8),
// Content-Disposition: attachment and X-Content-Type-Options: nosniff.
http::Response attachment_download(const Attachment& a, std::string bytes);

}  // namespace samen::documents
