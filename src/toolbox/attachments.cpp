// Files attached to toolbox methods (attachments.hpp): a row in
// toolbox_attachments per file, the bytes in the documents layer. Uploads
// are checked twice: who may edit the method before the body is parsed (a
// 403/404 never waits on 25 MB), then again in the writing transaction.
#include "toolbox/attachments.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "app/api.hpp"
#include "app/app.hpp"
#include "core/history.hpp"
#include "documents/attachments.hpp"
#include "http/forms.hpp"
#include "http/multipart.hpp"
#include "i18n/i18n.hpp"
#include "toolbox/handlers.hpp"
#include "util/uuid.hpp"

namespace samen::toolbox {

using app::Context;
using app::HttpError;
using nlohmann::json;

namespace {

constexpr const char* kOwner = "toolbox.method";  // documents_attachments.owner_type

const char* kSelect =
    "SELECT t.id, t.method_id, t.attachment_id, d.file_name, d.media_type, d.sha256, d.size_bytes, t.created_at, "
    "t.version, t.archived_at, COALESCE(u.name, '') FROM toolbox_attachments t "
    "JOIN documents_attachments d ON d.id = t.attachment_id LEFT JOIN users u ON u.id = t.uploaded_by ";

MethodAttachment from_row(const store::Row& r) {
  MethodAttachment a;
  a.id = r.text(0);
  a.method_id = r.text(1);
  a.attachment_id = r.int64(2);
  a.file_name = r.text(3);
  a.media_type = r.text(4);
  a.sha256 = r.text(5);
  a.size_bytes = r.int64(6);
  a.created_at = r.int64(7);
  a.version = r.int64(8);
  if (!r.is_null(9)) a.archived_at = r.int64(9);
  a.uploader = r.text(10);
  return a;
}

std::optional<MethodAttachment> load_attachment(store::Connection& c, const std::string& id) {
  if (id.empty() || id.size() > 100) return std::nullopt;
  auto r = c.exec(std::string(kSelect) + "WHERE t.id = ?", {id});
  if (r.empty()) return std::nullopt;
  return from_row(r.rows[0]);
}

core::RecordRef attachment_ref(const std::string& id) { return {"toolbox_attachments", "toolbox.attachment", id}; }

// The method of the path, if the caller may edit it: 404 when it may not be
// seen, 403 when it is not theirs to edit, 409 when it is archived.
Method editable_in_change(app::Change& change, const std::string& id) {
  Reader r = reader(change.ctx, change.db);
  auto m = id.empty() || id.size() > 100 ? std::nullopt : load_method(change.db, id);
  if (!m || !may_see(r.role, r.user_id, *m)) throw HttpError(404, "not_found", "error.not_found");
  if (!may_edit(r.role, r.user_id, *m)) throw HttpError(403, "forbidden", "toolbox.error.not_yours");
  if (m->status == "archived") throw app::ArchivedRecordError();
  return *m;
}

MethodAttachment add_attachment(app::Change& change, const Method& m, const std::string& file_name,
                                const std::string& bytes) {
  std::optional<std::int64_t> by = change.user().id;
  auto stored =
      documents::store_attachment(change.db, {kOwner, m.id, file_name, bytes, by}, kMaxAttachmentBytes, change.now());
  std::string id = uuid::random();
  change.db.exec("INSERT INTO toolbox_attachments (id, version, created_at, updated_at, method_id, attachment_id, "
                 "uploaded_by) VALUES (?, 1, ?, ?, ?, ?, ?)",
                 {id, change.now(), change.now(), m.id, stored.id, store::opt(by)});
  core::record_history(change, "toolbox.attachment", id, "create",
                       {{"file_name", "", stored.file_name}, {"sha256", "", stored.sha256}});
  change.audit("toolbox.attachment.upload", "toolbox.method", m.id,
               stored.file_name + " " + std::to_string(stored.size_bytes) + " " + stored.sha256);
  return *load_attachment(change.db, id);
}

// The uploaded file of a multipart body's "file" part: (name, bytes).
std::pair<std::string, std::string> multipart_file(Context& ctx) {
  std::string type = ctx.req.header("content-type").value_or("");
  if (!http::is_multipart_form(type)) throw HttpError(415, "unsupported_media_type", "toolbox.attachment.error.multipart");
  std::vector<http::MultipartPart> parts;
  try {
    parts = http::parse_multipart(type, ctx.req.body);
  } catch (const http::FormError&) {
    throw HttpError(400, "bad_form", "error.bad_form");
  }
  for (auto& p : parts)
    if (p.name == "file" && p.has_filename && !p.data.empty()) return {p.filename, std::move(p.data)};
  throw HttpError(422, "validation", "toolbox.attachment.error.empty");
}

// The status and catalog key of a refused file (documents::AttachmentError).
HttpError refused(const std::string& key) {
  if (key == "attachment.too_large") return HttpError(413, "too_large", "toolbox.attachment.error.too_large");
  if (key == "attachment.type_refused") return HttpError(415, "unsupported_media_type", "toolbox.attachment.error.type");
  return HttpError(422, "validation", "toolbox.attachment.error.empty");
}

// Checks, then stores the request's file on the path's method (rolled back whole when refused).
MethodAttachment upload(Context& ctx) {
  std::string id = ctx.param("id");
  app::write(ctx, [&](app::Change& change) { editable_in_change(change, id); });  // 404/403/409 before 415/422
  auto file = multipart_file(ctx);
  try {
    return app::write(ctx, [&](app::Change& change) {
      Method m = editable_in_change(change, id);
      return add_attachment(change, m, file.first, file.second);
    });
  } catch (const documents::AttachmentError& e) {
    throw refused(e.key);
  }
}

// The file of the path ({id}, {attachment_id}) on a method the caller may see;
// an archived file only for the method's editors.
std::pair<Method, MethodAttachment> visible_file(Context& ctx, store::Connection& c) {
  Reader r = reader(ctx, c);
  Method m = visible_method_or_404(ctx, c, r);
  auto f = load_attachment(c, ctx.param("attachment_id"));
  if (!f || f->method_id != m.id || (f->archived_at && !may_edit(r.role, r.user_id, m)))
    throw HttpError(404, "not_found", "error.not_found");
  return {m, *f};
}

http::Response download(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  auto [m, f] = visible_file(ctx, *lease);
  auto stored = documents::find_attachment(*lease, f.attachment_id);
  auto bytes = documents::attachment_content(*lease, f.attachment_id);
  if (!stored || !bytes) throw HttpError(404, "not_found", "error.not_found");
  return documents::attachment_download(*stored, std::move(*bytes));
}

std::string file_size(const Context& ctx, std::int64_t bytes) {
  double mb = std::round(static_cast<double>(bytes) / (1024.0 * 1024.0) * 10) / 10;
  if (mb < 0.1) mb = 0.1;
  return ctx.tf("toolbox.attachment.size_mb", {{"size", i18n::format_number(ctx.lang, mb, 1)}});
}

http::Response set_archived(Context& ctx, bool archive) {
  std::string id = ctx.param("id"), aid = ctx.param("attachment_id");
  app::write(ctx, [&](app::Change& change) {
    Method m = editable_in_change(change, id);
    auto f = load_attachment(change.db, aid);
    if (!f || f->method_id != m.id) throw HttpError(404, "not_found", "error.not_found");
    core::set_archived(change, attachment_ref(aid), archive, std::nullopt);
  });
  return http::Response::redirect("/toolbox/" + id + "?done=" +
                                  (archive ? "toolbox_attachment_archived" : "toolbox_attachment_restored") +
                                  "#attachments");
}

json attachment_json(const MethodAttachment& f) {
  return {{"id", f.id},
          {"method_id", f.method_id},
          {"file_name", f.file_name},
          {"media_type", f.media_type},
          {"size_bytes", f.size_bytes},
          {"sha256", f.sha256},
          {"uploaded_by", f.uploader},
          {"uploaded_at", app::rfc3339(f.created_at)},
          {"archived_at", app::rfc3339_or_null(f.archived_at)},
          {"version", f.version},
          {"download_url", "/api/v1/methods/" + f.method_id + "/attachments/" + f.id}};
}

}  // namespace

std::vector<MethodAttachment> attachments_of(store::Connection& c, const std::string& method_id, bool archived) {
  std::vector<MethodAttachment> out;
  std::string where = archived ? "AND t.archived_at IS NOT NULL " : "AND t.archived_at IS NULL ";
  for (const auto& r : c.exec(std::string(kSelect) + "WHERE t.method_id = ? " + where + "ORDER BY t.created_at, t.id",
                              {method_id})
                           .rows)
    out.push_back(from_row(r));
  return out;
}

std::vector<MethodAttachment> attachments_of_methods(store::Connection& c, const std::vector<std::string>& method_ids) {
  std::vector<MethodAttachment> out;
  constexpr std::size_t kChunk = 500;
  for (std::size_t from = 0; from < method_ids.size(); from += kChunk) {
    std::vector<std::string> chunk(method_ids.begin() + from,
                                   method_ids.begin() + std::min(method_ids.size(), from + kChunk));
    for (const auto& r : c.exec(std::string(kSelect) + "WHERE t.archived_at IS NULL AND t.method_id IN (" +
                                    store::placeholder_list(chunk.size()) + ") ORDER BY t.created_at, t.id",
                                store::text_params(chunk))
                             .rows)
      out.push_back(from_row(r));
  }
  return out;
}

void add_attachment_metadata(store::Connection& c, json& package) {
  auto methods = package.find("methods");
  if (methods == package.end() || !methods->is_array()) return;
  std::vector<std::string> ids;
  for (const auto& m : *methods) ids.push_back(m.value("id", ""));
  std::map<std::string, json> by_method;
  for (const auto& f : attachments_of_methods(c, ids))
    by_method[f.method_id].push_back(
        {{"file_name", f.file_name}, {"media_type", f.media_type}, {"size_bytes", f.size_bytes}, {"sha256", f.sha256}});
  for (auto& m : *methods)
    if (auto it = by_method.find(m.value("id", "")); it != by_method.end()) m["attachments"] = std::move(it->second);
}

std::string attachments_section(Context& ctx, store::Connection& c, const Method& m, bool editable) {
  web::Dict d("toolbox_attachments");
  d.SetValue("CSRF", ctx.csrf);
  d.SetValue("ID", m.id);
  d.SetValue("MAX_SIZE_HINT", ctx.tf("toolbox.attachment.hint", {{"size", file_size(ctx, kMaxAttachmentBytes)}}));
  auto files = attachments_of(c, m.id);
  for (const auto& f : files) {
    auto* row = d.AddSectionDictionary("FILES");
    row->SetValue("F_ID", f.id);
    row->SetValue("F_NAME", f.file_name);
    row->SetValue("F_TYPE", f.media_type);
    row->SetValue("F_SIZE", file_size(ctx, f.size_bytes));
    row->SetValue("F_SHA256", f.sha256);
    row->SetValue("F_UPLOADER", f.uploader.empty() ? "—" : f.uploader);
    row->SetValue("F_DATE", i18n::format_time(ctx.lang, f.created_at, i18n::DateStyle::medium_date));
    if (editable) row->ShowSection("F_MAY_ARCHIVE");
  }
  d.ShowSection(files.empty() ? "NO_FILES" : "HAS_FILES");
  if (editable) {
    for (const auto& f : attachments_of(c, m.id, true)) {
      d.ShowSection("HAS_ARCHIVED");
      auto* row = d.AddSectionDictionary("ARCHIVED_FILES");
      row->SetValue("F_ID", f.id);
      row->SetValue("F_NAME", f.file_name);
    }
    d.ShowSection("MAY_UPLOAD");
  }
  return web::render(ctx.lang, "toolbox_attachments", d);
}

void fill_attachment_names(web::Dict& d, store::Connection& c, const std::string& method_id) {
  auto files = attachments_of(c, method_id);
  for (const auto& f : files) d.SetValueAndShowSection("FILE_NAME", f.file_name, "ATTACHMENT_NAMES");
  if (!files.empty()) d.ShowSection("HAS_ATTACHMENT_NAMES");
}

http::Response attachment_upload_page(Context& ctx) {
  upload(ctx);
  return http::Response::redirect("/toolbox/" + ctx.param("id") + "?done=toolbox_attachment_added#attachments");
}

http::Response attachment_download_page(Context& ctx) { return download(ctx); }
http::Response attachment_archive_page(Context& ctx) { return set_archived(ctx, true); }
http::Response attachment_restore_page(Context& ctx) { return set_archived(ctx, false); }

http::Response api_attachments(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  Reader r = reader(ctx, *lease);
  Method m = visible_method_or_404(ctx, *lease, r);
  json items = json::array();
  for (const auto& f : attachments_of(*lease, m.id)) items.push_back(attachment_json(f));
  return app::json_response(200, {{"contents", items}, {"total_items", items.size()}});
}

http::Response api_attachment_upload(Context& ctx) {
  auto stored = upload(ctx);
  auto res = app::json_response(201, attachment_json(stored));
  res.set_header("Location", "/api/v1/methods/" + stored.method_id + "/attachments/" + stored.id);
  return res;
}

http::Response api_attachment_download(Context& ctx) { return download(ctx); }

}  // namespace samen::toolbox
