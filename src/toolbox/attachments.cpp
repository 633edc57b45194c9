// Files attached to toolbox methods (attachments.hpp): a row in
// toolbox_attachments per file, kept by documents/owned_attachments.hpp. Uploads
// are checked twice: who may edit the method before the body is parsed (a
// 403/404 never waits on 25 MB), then again in the writing transaction.
#include "toolbox/attachments.hpp"

#include <map>
#include <nlohmann/json.hpp>

#include "app/api.hpp"
#include "app/app.hpp"
#include "i18n/i18n.hpp"
#include "toolbox/handlers.hpp"

namespace samen::toolbox {

using app::Context;
using app::HttpError;
using nlohmann::json;

namespace {

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

// Checks, then stores the request's file on the path's method (rolled back whole when refused).
documents::OwnedAttachment upload(Context& ctx) {
  std::string id = ctx.param("id");
  app::write(ctx, [&](app::Change& change) { editable_in_change(change, id); });  // 404/403/409 before 415/422
  auto file = documents::uploaded_file(ctx.req, false);  // (name, bytes)
  try {
    return app::write(ctx, [&](app::Change& change) {
      Method m = editable_in_change(change, id);
      return documents::add_owned_attachment(change, kMethodFiles, m.id, file.first, file.second);
    });
  } catch (const documents::AttachmentError& e) {
    throw documents::refused_upload(e);
  }
}

// The file of the path ({id}, {attachment_id}) on a method the caller may see;
// an archived file only for the method's editors.
http::Response download(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  Reader r = reader(ctx, *lease);
  Method m = visible_method_or_404(ctx, *lease, r);
  auto f = documents::owned_attachment_of(*lease, kMethodFiles, m.id, ctx.param("attachment_id"),
                                          may_edit(r.role, r.user_id, m));
  if (!f) throw HttpError(404, "not_found", "error.not_found");
  return documents::owned_attachment_download(*lease, *f);
}

http::Response set_archived(Context& ctx, bool archive) {
  std::string id = ctx.param("id"), aid = ctx.param("attachment_id");
  app::write(ctx, [&](app::Change& change) {
    Method m = editable_in_change(change, id);
    documents::set_owned_attachment_archived(change, kMethodFiles, m.id, aid, archive);
  });
  return http::Response::redirect("/toolbox/" + id + "?done=" +
                                  (archive ? "toolbox_attachment_archived" : "toolbox_attachment_restored") +
                                  "#attachments");
}

json attachment_json(const documents::OwnedAttachment& f) {
  return documents::owned_attachment_json(f, "method_id", "/api/v1/methods/" + f.owner_id + "/attachments/" + f.id);
}

}  // namespace

void add_attachment_metadata(store::Connection& c, json& package) {
  auto methods = package.find("methods");
  if (methods == package.end() || !methods->is_array()) return;
  std::vector<std::string> ids;
  for (const auto& m : *methods) ids.push_back(m.value("id", ""));
  std::map<std::string, json> by_method;
  for (const auto& f : documents::owned_attachments(c, kMethodFiles, ids))
    by_method[f.owner_id].push_back(
        {{"file_name", f.file_name}, {"media_type", f.media_type}, {"size_bytes", f.size_bytes}, {"sha256", f.sha256}});
  for (auto& m : *methods)
    if (auto it = by_method.find(m.value("id", "")); it != by_method.end()) m["attachments"] = std::move(it->second);
}

std::string attachments_section(Context& ctx, store::Connection& c, const Method& m, bool editable) {
  web::Dict d("toolbox_attachments");
  d.SetValue("CSRF", ctx.csrf);
  d.SetValue("ID", m.id);
  d.SetValue("MAX_SIZE_HINT",
             ctx.tf("toolbox.attachment.hint", {{"size", documents::file_size_label(ctx, documents::kMaxAttachmentBytes)}}));
  auto files = documents::owned_attachments(c, kMethodFiles, m.id);
  for (const auto& f : files) {
    auto* row = d.AddSectionDictionary("FILES");
    row->SetValue("F_ID", f.id);
    row->SetValue("F_NAME", f.file_name);
    row->SetValue("F_TYPE", f.media_type);
    row->SetValue("F_SIZE", documents::file_size_label(ctx, f.size_bytes));
    row->SetValue("F_SHA256", f.sha256);
    row->SetValue("F_UPLOADER", f.uploader_name.empty() ? "—" : f.uploader_name);
    row->SetValue("F_DATE", i18n::format_time(ctx.lang, f.created_at, i18n::DateStyle::medium_date));
    if (editable) row->ShowSection("F_MAY_ARCHIVE");
  }
  d.ShowSection(files.empty() ? "NO_FILES" : "HAS_FILES");
  if (editable) {
    for (const auto& f : documents::owned_attachments(c, kMethodFiles, m.id, true)) {
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
  auto files = documents::owned_attachments(c, kMethodFiles, method_id);
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
  for (const auto& f : documents::owned_attachments(*lease, kMethodFiles, m.id)) items.push_back(attachment_json(f));
  return app::json_response(200, {{"contents", items}, {"total_items", items.size()}});
}

http::Response api_attachment_upload(Context& ctx) {
  auto stored = upload(ctx);
  auto res = app::json_response(201, attachment_json(stored));
  res.set_header("Location", "/api/v1/methods/" + stored.owner_id + "/attachments/" + stored.id);
  return res;
}

http::Response api_attachment_download(Context& ctx) { return download(ctx); }

}  // namespace samen::toolbox
