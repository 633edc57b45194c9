// Archive and restore of experiences and uses (archive.hpp). An experience
// follows the record convention (core::set_archived: version, history,
// audit); a use is a link row without a version, so its archive is one
// conditional UPDATE with its own history row and audit entry.
#include "toolbox/archive.hpp"

#include "app/app.hpp"
#include "app/write.hpp"
#include "core/history.hpp"
#include "i18n/i18n.hpp"
#include "journal/store.hpp"
#include "toolbox/handlers.hpp"
#include "web/render.hpp"

namespace samen::toolbox {

using accounts::Role;
using app::Context;
using app::HttpError;

bool may_archive_contribution(Role role, std::int64_t user_id, std::optional<std::int64_t> author_id) {
  if (may_restore_contribution(role)) return true;
  return author_id && *author_id == user_id && role != Role::parent_rep;
}

bool may_restore_contribution(Role role) { return role == Role::admin || role == Role::coordinator; }

namespace {

// The method of the path, visible to the caller (404 otherwise).
Method method_in_change(app::Change& change, const Reader& r) {
  std::string id = change.ctx.param("id");
  auto m = id.empty() || id.size() > 100 ? std::nullopt : load_method(change.db, id);
  if (!m || !may_see(r.role, r.user_id, *m)) throw HttpError(404, "not_found", "error.not_found");
  return *m;
}

http::Response experience_move(Context& ctx, bool archive) {
  std::string eid = ctx.param("experience_id");
  std::string method_id = ctx.param("id");
  app::write(ctx, [&](app::Change& change) {
    Reader r = reader(ctx, change.db);
    Method m = method_in_change(change, r);
    auto row = eid.size() > 100 ? store::Result{}
                                : change.db.exec("SELECT author_id FROM toolbox_experiences WHERE id = ? AND method_id = ?",
                                                 {eid, m.id});
    if (row.empty()) throw HttpError(404, "not_found", "error.not_found");
    bool allowed = archive ? may_archive_contribution(r.role, r.user_id, row.rows[0].opt_int64(0))
                           : may_restore_contribution(r.role);
    if (!allowed) throw HttpError(403, "forbidden", "toolbox.error.not_yours");
    core::set_archived(change, {"toolbox_experiences", "toolbox.experience", eid}, archive, std::nullopt);
  });
  return http::Response::redirect("/toolbox/" + method_id + "?done=" +
                                  (archive ? "toolbox_contribution_archived" : "toolbox_contribution_restored") +
                                  "#experiences");
}

http::Response use_move(Context& ctx, bool archive) {
  std::string activity_id = ctx.param("activity_id");
  std::string method_id = ctx.param("id");
  app::write(ctx, [&](app::Change& change) {
    Reader r = reader(ctx, change.db);
    Method m = method_in_change(change, r);
    auto row = activity_id.size() > 100
                   ? store::Result{}
                   : change.db.exec("SELECT added_by, archived_at FROM toolbox_method_uses WHERE activity_id = ? AND "
                                    "method_id = ?",
                                    {activity_id, m.id});
    if (row.empty()) throw HttpError(404, "not_found", "error.not_found");
    // An activity the caller may not see stays unknown to them.
    auto a = journal::load_activity(change.db, activity_id);
    if (!a || !journal::may_see(r.journal, a->visibility, a->team_id)) throw HttpError(404, "not_found", "error.not_found");
    bool allowed = archive ? may_archive_contribution(r.role, r.user_id, row.rows[0].opt_int64(0))
                           : may_restore_contribution(r.role);
    if (!allowed) throw HttpError(403, "forbidden", "toolbox.error.not_yours");
    auto changed = change.db.exec(std::string("UPDATE toolbox_method_uses SET archived_at = ") +
                                      (archive ? "?" : "NULL") + " WHERE activity_id = ? AND method_id = ? AND archived_at IS " +
                                      (archive ? "NULL" : "NOT NULL"),
                                  archive ? store::Params{change.now(), activity_id, m.id} : store::Params{activity_id, m.id});
    if (changed.affected == 0) return;  // already so: nothing to record
    std::string action = archive ? "archive" : "restore";
    core::record_history(change, "toolbox.use", activity_id + "/" + m.id, action, {});
    change.audit("toolbox.use." + action, "journal.activity", activity_id, m.id);
  });
  return http::Response::redirect("/toolbox/" + method_id + "?done=" +
                                  (archive ? "toolbox_contribution_archived" : "toolbox_contribution_restored") + "#uses");
}

}  // namespace

std::string archived_contributions_section(Context& ctx, store::Connection& c, const std::string& method_id) {
  const auto* u = ctx.user();
  if (!u || !may_restore_contribution(u->role)) return "";
  web::Dict d("toolbox_archived");
  d.SetValue("CSRF", ctx.csrf);
  d.SetValue("ID", method_id);
  int shown = 0;
  for (const auto& row : c.exec("SELECT e.id, e.rating, COALESCE(u.name, ''), e.archived_at FROM toolbox_experiences e "
                                "LEFT JOIN users u ON u.id = e.author_id WHERE e.method_id = ? AND e.archived_at IS NOT NULL "
                                "ORDER BY e.archived_at DESC, e.id",
                                {method_id})
                             .rows) {
    auto* item = d.AddSectionDictionary("ARCHIVED_EXPERIENCES");
    item->SetValue("E_ID", row.text(0));
    item->SetValue("E_LABEL", ctx.tf("toolbox.archived.experience", {{"rating", row.int64(1)}, {"author", row.text(2)}}));
    item->SetValue("E_WHEN", i18n::format_time(ctx.lang, row.int64(3), i18n::DateStyle::medium_date));
    ++shown;
  }
  for (const auto& row : c.exec("SELECT a.id, a.title, u.archived_at FROM toolbox_method_uses u JOIN journal_activities a "
                                "ON a.id = u.activity_id WHERE u.method_id = ? AND u.archived_at IS NOT NULL "
                                "ORDER BY u.archived_at DESC, a.id",
                                {method_id})
                             .rows) {
    auto* item = d.AddSectionDictionary("ARCHIVED_USES");
    item->SetValue("U_ID", row.text(0));
    item->SetValue("U_TITLE", row.text(1));
    item->SetValue("U_WHEN", i18n::format_time(ctx.lang, row.int64(2), i18n::DateStyle::medium_date));
    ++shown;
  }
  if (!shown) return "";
  return web::render(ctx.lang, "toolbox_archived", d);
}

http::Response experience_archive_page(Context& ctx) { return experience_move(ctx, true); }
http::Response experience_restore_page(Context& ctx) { return experience_move(ctx, false); }
http::Response use_archive_page(Context& ctx) { return use_move(ctx, true); }
http::Response use_restore_page(Context& ctx) { return use_move(ctx, false); }

}  // namespace samen::toolbox
