// Use and experience (handlers.hpp): the "methods used" panel on a journal
// activity's page (toolbox_method_uses is the toolbox's table; the panel
// shows the add/remove form only to those who may edit the activity, with
// the journal's own may_see/may_edit), its add/remove action, and
// experiences with a method (what worked, what changed, a 1-5 rating,
// optionally tied to an activity the writer may see).
#include <algorithm>

#include "app/app.hpp"
#include "app/write.hpp"
#include "journal/store.hpp"
#include "toolbox/archive.hpp"
#include "toolbox/handlers.hpp"
#include "toolbox/render.hpp"
#include "util/text.hpp"
#include "web/render.hpp"

namespace samen::toolbox {

using app::Context;
using app::HttpError;

namespace {

// Published methods by name in the reader's language, for the add form.
std::vector<std::pair<std::string, std::string>> choosable_methods(store::Connection& c, const Reader& r,
                                                                   const std::string& lang) {
  CatalogueFilter f;
  f.limit = 0;
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& row : list_methods(c, r, lang, f).rows) out.emplace_back(row.id, row.name);
  return out;
}

}  // namespace

std::string activity_panel(Context& ctx, store::Connection& c, const std::string& activity_id) {
  if (!ctx.user()) return "";
  Reader r = reader(ctx, c);
  auto activity = journal::load_activity(c, activity_id);
  // The host page checked visibility; checked again so the panel stands on its own.
  if (!activity || !journal::may_see(r.journal, activity->visibility, activity->team_id)) return "";
  bool editable = journal::may_edit(r.journal, *activity) && !activity->archived_at;
  auto used = methods_of_activity(c, r, activity_id);
  // An archived use leaves the panel as it leaves the method page; those who
  // restore it (coordinators, admins) see it marked, with the way to the
  // method page's list of archived uses, where they restore it.
  auto archived = methods_of_activity(c, r, activity_id, true);
  bool show_archived = !archived.empty() && may_restore_contribution(r.role);
  if (used.empty() && !editable && !show_archived) return "";
  std::string lang = lang_code(ctx);
  web::Dict d("toolbox_activity_panel");
  d.SetValue("CSRF", ctx.csrf);
  d.SetValue("ACTIVITY_ID", activity_id);
  for (const auto& m : used) {
    auto* row = d.AddSectionDictionary("USED");
    row->SetValue("M_ID", m.id);
    row->SetValue("M_NAME", m.name_in(lang));
    row->SetValue("M_PHASE", ctx.t("toolbox.phase." + m.phase));
    if (editable) row->ShowSection("M_MAY_REMOVE");
  }
  if (show_archived)
    for (const auto& m : archived) {
      auto* row = d.AddSectionDictionary("ARCHIVED_USED");
      row->SetValue("M_ID", m.id);
      row->SetValue("M_NAME", m.name_in(lang));
    }
  if (used.empty()) d.ShowSection("NONE_USED");
  if (editable) {
    auto* add = d.AddSectionDictionary("ADD_FORM");
    for (const auto& choice : choosable_methods(c, r, lang)) {
      const std::string& id = choice.first;
      // Linked already (an archived link too: adding it again would change nothing).
      auto linked = [&](const Method& m) { return m.id == id; };
      if (std::any_of(used.begin(), used.end(), linked) || std::any_of(archived.begin(), archived.end(), linked)) continue;
      auto* o = add->AddSectionDictionary("METHOD_OPTIONS");
      o->SetValue("VALUE", id);
      o->SetValue("LABEL", choice.second);
    }
  }
  return web::render(ctx.lang, "toolbox_activity_panel", d);
}

http::Response activity_methods_page(Context& ctx) {
  std::string activity_id = ctx.param("activity_id");
  std::string method_id = text::trimmed(ctx.form().get("method_id"));
  std::string action = ctx.form().get("action");
  if (action != "add" && action != "remove") throw HttpError(400, "bad_request", "error.bad_request");
  if (method_id.empty() || method_id.size() > 100) throw HttpError(422, "validation", "toolbox.error.method_unknown");
  bool changed = app::write(ctx, [&](app::Change& change) {
    Reader r = reader(ctx, change.db);
    auto activity = activity_id.size() > 100 ? std::nullopt : journal::load_activity(change.db, activity_id);
    if (!activity || !journal::may_see(r.journal, activity->visibility, activity->team_id))
      throw HttpError(404, "not_found", "error.not_found");
    if (!journal::may_edit(r.journal, *activity)) throw HttpError(403, "forbidden", "journal.error.not_yours");
    if (activity->archived_at) throw app::ArchivedRecordError();
    Writer w(change);
    if (action == "remove") return remove_use(w, activity_id, method_id);
    auto m = load_method(change.db, method_id);
    if (!m || !may_see(r.role, r.user_id, *m) || m->status != "published")
      throw HttpError(422, "validation", "toolbox.error.method_unknown");
    return add_use(w, activity_id, method_id);
  });
  std::string done = !changed ? "toolbox_use_unchanged" : action == "add" ? "toolbox_use_added" : "toolbox_use_removed";
  return http::Response::redirect("/journal/" + activity_id + "?done=" + done + "#toolbox-methods");
}

namespace {

http::Response experience_form(Context& ctx, const Method& m, const http::Form& f, const std::string& error_key,
                               const std::vector<journal::Activity>& choices) {
  web::Dict d = ctx.content_dict();
  d.SetValue("ID", m.id);
  d.SetValue("NAME", m.name_in(lang_code(ctx)));
  d.SetValue("WORKED", f.get("worked"));
  d.SetValue("CHANGED", f.get("changed"));
  d.SetValue("MESSAGE", ctx.t(error_key));
  for (int i = 5; i >= 1; --i) {
    auto* o = d.AddSectionDictionary("RATING_OPTIONS");
    o->SetValue("VALUE", std::to_string(i));
    o->SetValue("LABEL", ctx.tf("toolbox.rating_value", {{"rating", static_cast<std::int64_t>(i)}}));
    if (f.get("rating") == std::to_string(i)) o->ShowSection("SELECTED");
  }
  for (const auto& a : choices) {
    auto* o = d.AddSectionDictionary("ACTIVITY_OPTIONS");
    o->SetValue("VALUE", a.id);
    o->SetValue("LABEL", a.title);
    if (f.get("activity_id") == a.id) o->ShowSection("SELECTED");
  }
  return ctx.page("toolbox_experience_form", ctx.t("toolbox.experience.add"), d, 422);
}

struct BadExperience {
  std::string key;
};

}  // namespace

http::Response experience_page(Context& ctx) {
  if (!is_staff(me(ctx).role)) throw HttpError(403, "forbidden", "error.forbidden");
  std::string id = ctx.param("id");
  const auto& f = ctx.form();
  Experience e;
  e.method_id = id;
  e.worked = text::trimmed(f.get("worked"));
  e.changed = text::trimmed(f.get("changed"));
  e.activity_id = text::trimmed(f.get("activity_id"));
  try {
    app::write(ctx, [&](app::Change& change) {
      Reader r = reader(ctx, change.db);
      auto m = id.size() > 100 ? std::nullopt : load_method(change.db, id);
      if (!m || !may_see(r.role, r.user_id, *m)) throw HttpError(404, "not_found", "error.not_found");
      if (m->status != "published") throw HttpError(409, "conflict", "toolbox.error.not_published");
      auto rating = parse_count(f.get("rating"), 1, 5);
      if (!rating) throw BadExperience{"toolbox.error.rating"};
      e.rating = *rating;
      if (e.worked.size() > 5000 || e.changed.size() > 5000) throw BadExperience{"toolbox.error.too_long"};
      if (!e.activity_id.empty()) {
        auto a = e.activity_id.size() > 100 ? std::nullopt : journal::load_activity(change.db, e.activity_id);
        if (!a || !journal::may_see(r.journal, a->visibility, a->team_id)) throw BadExperience{"toolbox.error.activity"};
      }
      Writer w(change);
      insert_experience(w, e);
    });
  } catch (const BadExperience& bad) {
    auto lease = ctx.app.db().acquire();
    Reader r = reader(ctx, *lease);
    Method m = visible_method_or_404(ctx, *lease, r);
    std::vector<journal::Activity> choices;
    for (const auto& u : uses_of(*lease, r, m.id, 50)) {
      journal::Activity a;
      a.id = u.activity_id;
      a.title = u.title;
      choices.push_back(a);
    }
    return experience_form(ctx, m, f, bad.key, choices);
  }
  return http::Response::redirect("/toolbox/" + id + "?done=toolbox_experience_added#experiences");
}

}  // namespace samen::toolbox
