// Attachment checks and storage; see attachments.hpp. The store's parameters
// are text, so the bytes travel as PostgreSQL's bytea hex input ("\x...")
// or as SQLite text cast to a BLOB.
#include "documents/attachments.hpp"

#include <sodium.h>
#include <zip.h>

#include <algorithm>
#include <memory>

#include "documents/download.hpp"
#include "util/text.hpp"

namespace samen::documents {

namespace {

constexpr std::size_t kMaxNameBytes = 150;
constexpr std::size_t kMaxZipPart = 1u << 20;  // [Content_Types].xml and mimetype are small

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};

// A small entry of a ZIP archive held in memory, or nullopt.
std::optional<std::string> zip_part(std::string_view bytes, const char* name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!src) return std::nullopt;
  std::unique_ptr<zip_t, ZipCloser> z(zip_open_from_source(src, ZIP_RDONLY, &error));
  if (!z) {
    zip_source_free(src);
    return std::nullopt;
  }
  zip_stat_t st;
  if (zip_stat(z.get(), name, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) || st.size > kMaxZipPart) return std::nullopt;
  zip_file_t* f = zip_fopen(z.get(), name, 0);
  if (!f) return std::nullopt;
  std::string out(static_cast<std::size_t>(st.size), '\0');
  zip_int64_t n = zip_fread(f, out.data(), out.size());
  zip_fclose(f);
  if (n < 0 || static_cast<std::size_t>(n) != out.size()) return std::nullopt;
  return out;
}

std::optional<FileType> office_type(std::string_view bytes) {
  if (auto mimetype = zip_part(bytes, "mimetype"); mimetype && *mimetype == "application/vnd.oasis.opendocument.text")
    return FileType{"application/vnd.oasis.opendocument.text", ".odt"};
  auto types = zip_part(bytes, "[Content_Types].xml");
  if (!types) return std::nullopt;
  struct Office {
    const char* main_part;
    FileType type;
  };
  static const Office kOffice[] = {
      {"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
       {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"}},
      {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
       {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"}},
      {"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
       {"application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx"}},
  };
  // Macro-enabled files (.docm, .xlsm) declare other main types and are refused.
  for (const auto& o : kOffice)
    if (types->find(std::string("ContentType=\"") + o.main_part + "\"") != std::string::npos) return o.type;
  return std::nullopt;
}

bool plain_text(std::string_view bytes) {
  if (text::replace_invalid_utf8(bytes) != bytes) return false;
  return std::none_of(bytes.begin(), bytes.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || u == 0x7F;
  });
}

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

// The SQL placeholder and parameter that put bytes into a BLOB/bytea column.
std::string blob_placeholder(store::Dialect d) { return d == store::Dialect::postgres ? "?" : "CAST(? AS BLOB)"; }
store::Param blob_param(store::Dialect d, std::string_view bytes) {
  if (d != store::Dialect::postgres) return std::string(bytes);
  std::string hex(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  hex.pop_back();
  return "\\x" + hex;
}

constexpr const char* kColumns =
    "id, owner_type, owner_id, file_name, media_type, size_bytes, sha256, created_at, created_by";

Attachment attachment_of(const store::Row& r) {
  return {r.int64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.int64(5), r.text(6), r.int64(7), r.opt_int64(8)};
}

}  // namespace

std::optional<FileType> detect_file_type(std::string_view b) {
  if (b.starts_with("%PDF-")) return FileType{"application/pdf", ".pdf"};
  if (b.starts_with("\x89PNG\r\n\x1A\n")) return FileType{"image/png", ".png"};
  if (b.starts_with("\xFF\xD8\xFF")) return FileType{"image/jpeg", ".jpg"};
  if (b.starts_with("GIF87a") || b.starts_with("GIF89a")) return FileType{"image/gif", ".gif"};
  if (b.size() >= 12 && b.starts_with("RIFF") && b.substr(8, 4) == "WEBP") return FileType{"image/webp", ".webp"};
  if (b.starts_with("PK\x03\x04")) return office_type(b);
  if (plain_text(b)) return FileType{"text/plain", ".txt"};
  return std::nullopt;
}

std::string clean_file_name(std::string_view name, const FileType& type) {
  auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string out;
  for (char c : text::replace_invalid_utf8(name))
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F && c != '"') out += c;
  while (!out.empty() && (out.front() == '.' || out.front() == ' ')) out.erase(0, 1);
  while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
  if (out.empty()) out = "file";
  std::string lower = out;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  bool has_extension = lower.ends_with(type.extension) || (type.extension == ".jpg" && lower.ends_with(".jpeg"));
  std::size_t room = kMaxNameBytes - (has_extension ? 0 : type.extension.size());
  if (out.size() > room) {
    // Keep the extension when cutting a long name.
    std::string ext = has_extension ? out.substr(out.rfind('.')) : "";
    std::size_t cut = room - ext.size();
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + ext;
  }
  return has_extension ? out : out + type.extension;
}

Attachment store_attachment(store::Connection& c, const NewAttachment& file, std::size_t max_bytes, std::int64_t now) {
  if (file.bytes.empty()) throw AttachmentError("attachment.empty");
  if (file.bytes.size() > max_bytes) throw AttachmentError("attachment.too_large");
  auto type = detect_file_type(file.bytes);
  if (!type) throw AttachmentError("attachment.type_refused");
  Attachment a{0, file.owner_type, file.owner_id, clean_file_name(file.file_name, *type), type->media_type,
               static_cast<std::int64_t>(file.bytes.size()), sha256_hex(file.bytes), now, file.created_by};
  auto d = c.dialect();
  auto r = c.exec("INSERT INTO documents_attachments (owner_type, owner_id, file_name, media_type, size_bytes, sha256, "
                  "content, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, " + blob_placeholder(d) + ", ?, ?) RETURNING id",
                  {a.owner_type, a.owner_id, a.file_name, a.media_type, a.size_bytes, a.sha256,
                   blob_param(d, file.bytes), now, store::opt(a.created_by)});
  a.id = r.rows.at(0).int64(0);
  return a;
}

std::vector<Attachment> list_attachments(store::Connection& c, const std::string& owner_type,
                                         const std::string& owner_id) {
  std::vector<Attachment> out;
  for (const auto& row : c.exec(std::string("SELECT ") + kColumns +
                                    " FROM documents_attachments WHERE owner_type = ? AND owner_id = ? ORDER BY id",
                                {owner_type, owner_id})
                             .rows)
    out.push_back(attachment_of(row));
  return out;
}

std::optional<Attachment> find_attachment(store::Connection& c, std::int64_t id) {
  auto r = c.exec(std::string("SELECT ") + kColumns + " FROM documents_attachments WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  return attachment_of(r.rows[0]);
}

std::optional<std::string> attachment_content(store::Connection& c, std::int64_t id) {
  auto r = c.exec("SELECT content, sha256 FROM documents_attachments WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  std::string bytes = r.rows[0].text(0);
  if (sha256_hex(bytes) != r.rows[0].text(1))
    throw std::runtime_error("attachment " + std::to_string(id) + " does not match its checksum");
  return bytes;
}

bool delete_attachment(store::Connection& c, std::int64_t id) {
  return c.exec("DELETE FROM documents_attachments WHERE id = ?", {id}).affected == 1;
}

http::Response attachment_download(const Attachment& a, std::string bytes) {
  std::string type = a.media_type == "text/plain" ? "text/plain; charset=utf-8" : a.media_type;
  auto r = http::Response::text(200, std::move(bytes), type);
  r.set_header("Content-Disposition", attachment_disposition(a.file_name));
  r.set_header("X-Content-Type-Options", "nosniff");
  r.set_header("Cache-Control", "private, no-store");
  return r;
}

}  // namespace samen::documents
