// The sources' JSON API (openapi.json): restoring an archived activity
// (POST /api/v1/activities/{id}/restore) and an activity's attachments
// (/api/v1/activities/{id}/attachments: list, upload as a raw body with a
// file name header or as multipart/form-data, download, DELETE = archive).
// Visibility is the activity's (404 for what the caller may not see);
// uploading and archiving need the right to edit the activity.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/api.hpp"
#include "app/app.hpp"
#include "app/write.hpp"
#include "documents/attachments.hpp"
#include "http/forms.hpp"
#include "http/multipart.hpp"
#include "journal/handlers.hpp"
#include "journal/sources.hpp"
#include "journal/sources_handlers.hpp"

namespace samen::journal {

using app::Context;
using app::HttpError;
using nlohmann::json;

namespace {

json attachment_json(const ActivityAttachment& f) {
  return {{"id", f.id},
          {"activity_id", f.activity_id},
          {"file_name", f.file_name},
          {"media_type", f.media_type},
          {"size_bytes", f.size_bytes},
          {"sha256", f.sha256},
          {"uploaded_by", f.uploaded_by ? json(*f.uploaded_by) : json(nullptr)},
          {"uploaded_at", app::rfc3339(f.created_at)},
          {"archived_at", app::rfc3339_or_null(f.archived_at)},
          {"version", f.version},
          {"download_url", "/api/v1/activities/" + f.activity_id + "/attachments/" + f.id}};
}

// The activity of the path for a change, if the caller may edit it (404 when it may not be seen, 403, 409 archived).
Activity editable_in_change(app::Change& change, const std::string& id) {
  Viewer v = viewer(change.ctx, core::load_network(change.db));
  auto a = id.empty() || id.size() > 100 ? std::nullopt : load_activity(change.db, id);
  if (!a || !may_see(v, a->visibility, a->team_id)) throw HttpError(404, "not_found", "error.not_found");
  if (!may_edit(v, *a)) throw HttpError(403, "forbidden", "journal.error.not_yours");
  if (a->archived_at) throw app::ArchivedRecordError();
  return *a;
}

// The file of the request: the "file" part of a multipart body, or the raw
// body named by X-Filename (percent-encoded UTF-8) or Content-Disposition.
std::pair<std::string, std::string> uploaded_file(Context& ctx) {
  std::string type = ctx.req.header("content-type").value_or("");
  if (http::is_multipart_form(type)) {
    std::vector<http::MultipartPart> parts;
    try {
      parts = http::parse_multipart(type, ctx.req.body);
    } catch (const http::FormError&) {
      throw HttpError(400, "bad_form", "error.bad_form");
    }
    for (auto& p : parts)
      if (p.name == "file" && p.has_filename) return {p.filename, std::move(p.data)};
    throw HttpError(422, "validation", "journal.sources.error.file_empty");
  }
  std::string name;
  if (auto h = ctx.req.header("x-filename")) {
    try {
      name = http::percent_decode(*h, false);
    } catch (const http::FormError&) {
      throw HttpError(400, "bad_request", "journal.sources.error.file_name");
    }
  } else if (auto cd = ctx.req.header("content-disposition")) {
    auto at = cd->find("filename=\"");
    if (at != std::string::npos) {
      auto end = cd->find('"', at + 10);
      name = cd->substr(at + 10, end == std::string::npos ? std::string::npos : end - at - 10);
    }
  }
  if (name.empty()) throw HttpError(422, "validation", "journal.sources.error.file_name");
  return {name, ctx.req.body};
}

http::Response upload_refused(Context& ctx, const std::string& key) {
  int status = key == "attachment.too_large" ? 413 : key == "attachment.type_refused" ? 415 : 422;
  std::string code = status == 413 ? "too_large" : status == 415 ? "unsupported_media_type" : "validation";
  std::string message = status == 413 ? "journal.sources.error.file_too_large"
                        : status == 415 ? "journal.sources.error.file_type"
                                        : "journal.sources.error.file_empty";
  return app::json_response(status, {{"error", {{"code", code}, {"message", ctx.t(message)}}}});
}

struct Located {
  Activity activity;
  ActivityAttachment file;
};

Located visible_file(Context& ctx, store::Connection& c) {
  Viewer v = viewer(ctx, core::load_network(c));
  Activity a = visible_activity_or_404(ctx, c, v);
  std::string aid = ctx.param("attachment_id");
  auto f = aid.empty() || aid.size() > 100 ? std::nullopt : load_attachment(c, aid);
  if (!f || f->activity_id != a.id || (f->archived_at && !may_edit(v, a)))
    throw HttpError(404, "not_found", "error.not_found");
  return {a, *f};
}

}  // namespace

http::Response api_attachments(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  Viewer v = viewer(ctx, core::load_network(*lease));
  Activity a = visible_activity_or_404(ctx, *lease, v);
  std::string archived = ctx.req.query_param("archived").value_or("false");
  if (archived != "true" && archived != "false") throw HttpError(400, "bad_request", "error.bad_request");
  if (archived == "true" && !may_edit(v, a)) throw HttpError(403, "forbidden", "journal.error.not_yours");
  json items = json::array();
  for (const auto& f : attachments_of(*lease, a.id, archived == "true")) items.push_back(attachment_json(f));
  return app::json_response(200, {{"contents", items}, {"total_items", items.size()}});
}

http::Response api_attachment_upload(Context& ctx) {
  std::string id = ctx.param("id");
  app::write(ctx, [&](app::Change& change) { editable_in_change(change, id); });  // 404/403/409 before 415/422
  auto file = uploaded_file(ctx);  // (name, bytes)
  ActivityAttachment stored;
  try {
    stored = app::write(ctx, [&](app::Change& change) {
      editable_in_change(change, id);
      return add_attachment(change, id, file.first, file.second);
    });
  } catch (const documents::AttachmentError& e) {
    return upload_refused(ctx, e.key);  // rolled back: nothing stored
  }
  auto res = app::json_response(201, attachment_json(stored));
  res.set_header("Location", "/api/v1/activities/" + id + "/attachments/" + stored.id);
  return res;
}

http::Response api_attachment_download(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  Located l = visible_file(ctx, *lease);
  auto stored = documents::find_attachment(*lease, l.file.attachment_id);
  auto bytes = documents::attachment_content(*lease, l.file.attachment_id);
  if (!stored || !bytes) throw HttpError(404, "not_found", "error.not_found");
  if (l.activity.visibility == "facilitators") ctx.audit("journal.attachment.read", "journal.attachment", l.file.id, "api");
  return documents::attachment_download(*stored, std::move(*bytes));
}

http::Response api_attachment_delete(Context& ctx) {
  std::string id = ctx.param("id"), aid = ctx.param("attachment_id");
  app::write(ctx, [&](app::Change& change) {
    editable_in_change(change, id);
    auto f = aid.size() > 100 ? std::nullopt : load_attachment(change.db, aid);
    if (!f || f->activity_id != id) throw HttpError(404, "not_found", "error.not_found");
    core::set_archived(change, attachment_ref(aid), true, std::nullopt);
  });
  auto lease = ctx.app.db().acquire();
  return app::json_response(200, attachment_json(*load_attachment(*lease, aid)));
}

}  // namespace samen::journal
