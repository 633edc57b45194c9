// Files that belong to a module's records (owned_attachments.hpp): the link
// tables' queries, named by the owner's table and column (constants of the
// modules, never user input), and what every owner's pages and API share.
#include "documents/owned_attachments.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "app/api.hpp"
#include "app/write.hpp"
#include "core/history.hpp"
#include "http/forms.hpp"
#include "http/multipart.hpp"
#include "i18n/i18n.hpp"
#include "util/uuid.hpp"

namespace samen::documents {

namespace {

std::string select_from(const AttachmentOwner& owner) {
  return std::string("SELECT l.id, l.") + owner.owner_column +
         ", l.attachment_id, d.file_name, d.media_type, d.sha256, d.size_bytes, l.created_at, l.version, "
         "l.uploaded_by, l.archived_at, COALESCE(u.name, '') FROM " +
         owner.table +
         " l JOIN documents_attachments d ON d.id = l.attachment_id LEFT JOIN users u ON u.id = l.uploaded_by ";
}

OwnedAttachment from_row(const store::Row& r) {
  OwnedAttachment a;
  a.id = r.text(0);
  a.owner_id = r.text(1);
  a.attachment_id = r.int64(2);
  a.file_name = r.text(3);
  a.media_type = r.text(4);
  a.sha256 = r.text(5);
  a.size_bytes = r.int64(6);
  a.created_at = r.int64(7);
  a.version = r.int64(8);
  a.uploaded_by = r.opt_int64(9);
  a.archived_at = r.opt_int64(10);
  a.uploader_name = r.text(11);
  return a;
}

std::vector<OwnedAttachment> rows_of(const store::Result& result) {
  std::vector<OwnedAttachment> out;
  for (const auto& r : result.rows) out.push_back(from_row(r));
  return out;
}

}  // namespace

std::vector<OwnedAttachment> owned_attachments(store::Connection& c, const AttachmentOwner& owner,
                                               const std::string& owner_id, bool archived) {
  return rows_of(c.exec(select_from(owner) + "WHERE l." + owner.owner_column + " = ? AND l.archived_at IS " +
                            (archived ? "NOT NULL" : "NULL") + " ORDER BY l.created_at, l.id",
                        {owner_id}));
}

std::vector<OwnedAttachment> owned_attachments(store::Connection& c, const AttachmentOwner& owner,
                                               const std::vector<std::string>& owner_ids) {
  std::vector<OwnedAttachment> out;
  constexpr std::size_t kChunk = 500;  // placeholders per statement
  for (std::size_t from = 0; from < owner_ids.size(); from += kChunk) {
    std::vector<std::string> chunk(owner_ids.begin() + from, owner_ids.begin() + std::min(owner_ids.size(), from + kChunk));
    auto part = rows_of(c.exec(select_from(owner) + "WHERE l.archived_at IS NULL AND l." + owner.owner_column + " IN (" +
                                   store::placeholder_list(chunk.size()) + ") ORDER BY l.created_at, l.id",
                               store::text_params(chunk)));
    out.insert(out.end(), part.begin(), part.end());
  }
  return out;
}

std::optional<OwnedAttachment> find_owned_attachment(store::Connection& c, const AttachmentOwner& owner,
                                                     std::string_view id) {
  if (id.empty() || id.size() > 100) return std::nullopt;
  auto r = c.exec(select_from(owner) + "WHERE l.id = ?", {std::string(id)});
  if (r.empty()) return std::nullopt;
  return from_row(r.rows[0]);
}

std::optional<OwnedAttachment> owned_attachment_of(store::Connection& c, const AttachmentOwner& owner,
                                                   const std::string& owner_id, std::string_view id,
                                                   bool archived_visible) {
  auto f = find_owned_attachment(c, owner, id);
  if (!f || f->owner_id != owner_id || (f->archived_at && !archived_visible)) return std::nullopt;
  return f;
}

OwnedAttachment add_owned_attachment(app::Change& change, const AttachmentOwner& owner, const std::string& owner_id,
                                     const std::string& file_name, const std::string& bytes) {
  std::optional<std::int64_t> by;
  if (change.ctx.user()) by = change.ctx.user()->id;
  auto stored =
      store_attachment(change.db, {owner.owner_type, owner_id, file_name, bytes, by}, kMaxAttachmentBytes, change.now());
  std::string id = uuid::random();
  change.db.exec(std::string("INSERT INTO ") + owner.table + " (id, version, created_at, updated_at, " +
                     owner.owner_column + ", attachment_id, uploaded_by) VALUES (?, 1, ?, ?, ?, ?, ?)",
                 {id, change.now(), change.now(), owner_id, stored.id, store::opt(by)});
  core::record_history(change, owner.record_type, id, "create",
                       {{"file_name", "", stored.file_name}, {"sha256", "", stored.sha256}});
  // The audit names the file and its checksum (no personal data in a file name is assumed).
  change.audit(std::string(owner.record_type) + ".upload", owner.owner_type, owner_id,
               stored.file_name + " " + std::to_string(stored.size_bytes) + " " + stored.sha256);
  return *find_owned_attachment(change.db, owner, id);
}

void set_owned_attachment_archived(app::Change& change, const AttachmentOwner& owner, const std::string& owner_id,
                                   const std::string& id, bool archive) {
  if (!owned_attachment_of(change.db, owner, owner_id, id, true))
    throw app::HttpError(404, "not_found", "error.not_found");
  core::set_archived(change, {owner.table, owner.record_type, id}, archive, std::nullopt);
}

std::pair<std::string, std::string> uploaded_file(const http::Request& req, bool raw_body_allowed) {
  std::string type = req.header("content-type").value_or("");
  if (http::is_multipart_form(type)) {
    std::vector<http::MultipartPart> parts;
    try {
      parts = http::parse_multipart(type, req.body);
    } catch (const http::FormError&) {
      throw app::HttpError(400, "bad_form", "error.bad_form");
    }
    for (auto& p : parts)
      if (p.name == "file" && p.has_filename && !p.data.empty()) return {p.filename, std::move(p.data)};
    throw app::HttpError(422, "validation", "attachment.empty");
  }
  if (!raw_body_allowed) throw app::HttpError(415, "unsupported_media_type", "attachment.multipart");
  std::string name;
  if (auto h = req.header("x-filename")) {
    try {
      name = http::percent_decode(*h, false);
    } catch (const http::FormError&) {
      throw app::HttpError(400, "bad_request", "attachment.file_name");
    }
  } else if (auto cd = req.header("content-disposition")) {
    auto at = cd->find("filename=\"");
    if (at != std::string::npos) {
      auto end = cd->find('"', at + 10);
      name = cd->substr(at + 10, end == std::string::npos ? std::string::npos : end - at - 10);
    }
  }
  if (name.empty()) throw app::HttpError(422, "validation", "attachment.file_name");
  return {name, req.body};
}

app::HttpError refused_upload(const AttachmentError& e) {
  if (e.key == "attachment.too_large") return app::HttpError(413, "too_large", e.key);
  if (e.key == "attachment.type_refused") return app::HttpError(415, "unsupported_media_type", e.key);
  return app::HttpError(422, "validation", "attachment.empty");
}

http::Response owned_attachment_download(store::Connection& c, const OwnedAttachment& f) {
  auto stored = find_attachment(c, f.attachment_id);
  auto bytes = attachment_content(c, f.attachment_id);
  if (!stored || !bytes) throw app::HttpError(404, "not_found", "error.not_found");
  return attachment_download(*stored, std::move(*bytes));
}

nlohmann::json owned_attachment_json(const OwnedAttachment& f, const char* owner_key, const std::string& download_url) {
  using nlohmann::json;
  return {{"id", f.id},
          {owner_key, f.owner_id},
          {"file_name", f.file_name},
          {"media_type", f.media_type},
          {"size_bytes", f.size_bytes},
          {"sha256", f.sha256},
          {"uploaded_by", f.uploaded_by ? json(*f.uploaded_by) : json(nullptr)},
          {"uploaded_by_name", f.uploader_name.empty() ? json(nullptr) : json(f.uploader_name)},
          {"uploaded_at", app::rfc3339(f.created_at)},
          {"archived_at", app::rfc3339_or_null(f.archived_at)},
          {"version", f.version},
          {"download_url", download_url}};
}

std::string file_size_label(const app::Context& ctx, std::int64_t bytes) {
  if (bytes < 1024 * 1024)
    return ctx.tf("attachment.size_kb", {{"size", static_cast<std::int64_t>((bytes + 1023) / 1024)}});
  double mb = std::round(static_cast<double>(bytes) / (1024.0 * 1024.0) * 10) / 10;
  return ctx.tf("attachment.size_mb", {{"size", i18n::format_number(ctx.lang, mb, 1)}});
}

}  // namespace samen::documents
