// The staff page of pending links to another organisation's location
// (model/link_requests.hpp): /directory/link-requests lists those the caller
// may decide (a partner: its organisations' locations; a coordinator: all),
// with accept and refuse forms. Accepting makes the link through the write
// path (history, audit, reindex); refusing deletes the request (audited).
#include <algorithm>

#include "core/permissions.hpp"
#include "directory/model/editing.hpp"
#include "directory/model/link_requests.hpp"
#include "directory/module.hpp"
#include "i18n/i18n.hpp"

namespace samen::directory {

namespace {

using app::Context;
using app::HttpError;

constexpr const char* kPage = "/directory/link-requests";

std::string request_id(Context& ctx) {
  std::string id = ctx.param("id");
  if (id.empty() || id.size() > 100) throw HttpError(404, "not_found", "error.not_found");
  return id;
}

// The request, if it exists and the caller may decide it (404 / 403 otherwise).
LinkRequest decidable(Context& ctx, store::Connection& c, const std::string& id) {
  auto r = load_link_request(c, id);
  if (!r) throw HttpError(404, "not_found", "error.not_found");
  if (!may_link_location(*ctx.user(), r->location_org)) throw HttpError(403, "forbidden", "staff.error.not_yours");
  return std::move(*r);
}

http::Response list(Context& ctx) {
  web::Dict d = ctx.content_dict();
  auto lease = ctx.app.db().acquire();
  auto requests = pending_link_requests(*lease, core::own_organizations(*ctx.user()));
  if (requests.empty()) d.ShowSection("NONE");
  else d.ShowSection("HAS_REQUESTS");
  for (const auto& r : requests) {
    web::Dict* row = d.AddSectionDictionary("REQUESTS");
    row->SetValue("SERVICE", r.service_name);
    row->SetValue("SERVICE_HREF", "/directory/services/" + http::url_encode(r.service_id));
    row->SetValue("LOCATION", r.location_name);
    row->SetValue("LOCATION_HREF", "/directory/locations/" + http::url_encode(r.location_id));
    row->SetValue("BY", r.requested_by);
    row->SetValue("WHEN", i18n::format_time(ctx.lang, r.requested_at, i18n::DateStyle::date_time));
    row->SetValue("ACCEPT_HREF", std::string(kPage) + "/" + http::url_encode(r.id) + "/accept");
    row->SetValue("REFUSE_HREF", std::string(kPage) + "/" + http::url_encode(r.id) + "/refuse");
  }
  return ctx.page("directory_link_requests", ctx.t("staff.link_requests.title"), d);
}

http::Response accept(Context& ctx) {
  std::string id = request_id(ctx);
  try {
    app::write(ctx, [&](app::Change& change) {
      store::Connection& c = change.db;
      LinkRequest r = decidable(ctx, c, id);
      Service current = load_or_404<Service>(c, r.service_id);
      if (current.stamp.archived_at) throw ArchivedRecord();
      Service next = current;
      next.location_ids.push_back(r.location_id);
      validate_or_throw(c, next, {});
      auto changes = update_record(c, next, current.stamp.updated_at, actor_of(ctx));
      delete_link_request(c, id);
      WriteOutcome out{current.id, std::move(changes)};
      if (!out.changes.empty()) audit_and_reindex(change, RecordKind::service, "link_accept", out);
    });
  } catch (const ValidationFailed&) {
    // The location (or the service) no longer passes: archived since, for one.
    throw HttpError(409, "conflict", "staff.link_requests.invalid");
  }
  return http::Response::redirect(std::string(kPage) + "?done=link_accepted");
}

http::Response refuse(Context& ctx) {
  std::string id = request_id(ctx);
  app::write(ctx, [&](app::Change& change) {
    LinkRequest r = decidable(ctx, change.db, id);
    delete_link_request(change.db, id);
    change.audit(audit_action(RecordKind::service, "link_refuse"), "service", r.service_id, "location " + r.location_id);
  });
  return http::Response::redirect(std::string(kPage) + "?done=link_refused");
}

}  // namespace

void register_link_requests(app::Routes& r) {
  r.page("GET", kPage, core::partner_editors(), list);
  r.page("POST", std::string(kPage) + "/{id}/accept", core::partner_editors(), accept);
  r.page("POST", std::string(kPage) + "/{id}/refuse", core::partner_editors(), refuse);
}

}  // namespace samen::directory
