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
#include "journal/handlers.hpp"
#include "journal/sources.hpp"
#include "journal/sources_handlers.hpp"

namespace samen::journal {

using app::Context;
using app::HttpError;
using nlohmann::json;

namespace {

json attachment_json(const documents::OwnedAttachment& f) {
  return documents::owned_attachment_json(f, "activity_id",
                                          "/api/v1/activities/" + f.owner_id + "/attachments/" + f.id);
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
  for (const auto& f : documents::owned_attachments(*lease, kActivityFiles, a.id, archived == "true"))
    items.push_back(attachment_json(f));
  return app::json_response(200, {{"contents", items}, {"total_items", items.size()}});
}

http::Response api_attachment_upload(Context& ctx) {
  std::string id = ctx.param("id");
  app::write(ctx, [&](app::Change& change) { editable_activity(change, id, ArchivedActivity::refused); });  // 404/403/409 before 415/422
  auto file = documents::uploaded_file(ctx.req, true);  // (name, bytes)
  documents::OwnedAttachment stored;
  try {
    stored = app::write(ctx, [&](app::Change& change) {
      editable_activity(change, id, ArchivedActivity::refused);
      return documents::add_owned_attachment(change, kActivityFiles, id, file.first, file.second);
    });
  } catch (const documents::AttachmentError& e) {
    throw documents::refused_upload(e);  // rolled back: nothing stored
  }
  auto res = app::json_response(201, attachment_json(stored));
  res.set_header("Location", "/api/v1/activities/" + id + "/attachments/" + stored.id);
  return res;
}

http::Response api_attachment_download(Context& ctx) { return activity_file_download(ctx, "api"); }

http::Response api_attachment_delete(Context& ctx) {
  std::string id = ctx.param("id"), aid = ctx.param("attachment_id");
  app::write(ctx, [&](app::Change& change) {
    editable_activity(change, id, ArchivedActivity::refused);
    documents::set_owned_attachment_archived(change, kActivityFiles, id, aid, true);
  });
  auto lease = ctx.app.db().acquire();
  return app::json_response(200, attachment_json(*documents::find_owned_attachment(*lease, kActivityFiles, aid)));
}

}  // namespace samen::journal
