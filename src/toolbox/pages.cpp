// The toolbox's pages (handlers.hpp): the catalogue with its filters and
// sort (a GET form, no JavaScript needed), the method page (every field, the
// steps, the family tree, where it was used, experiences, review), the method
// form (new, adaptation and edit, with a hidden version: a stale one gives
// 409 with the editor's input kept), the lifecycle moves and review comments,
// the translations side by side, the version history with a field-by-field
// comparison and restore, and the printable method card.
#include <algorithm>

#include "app/app.hpp"
#include "app/write.hpp"
#include "core/network.hpp"
#include "journal/store.hpp"
#include "documents/pdf.hpp"
#include "toolbox/archive.hpp"
#include "toolbox/attachments.hpp"
#include "toolbox/handlers.hpp"
#include "toolbox/render.hpp"
#include "toolbox/text_diff.hpp"
#include "util/text.hpp"

namespace samen::toolbox {

using app::Context;
using app::HttpError;

const accounts::User& me(const Context& ctx) {
  if (!ctx.user()) throw HttpError(401, "unauthorized", "error.unauthorized");
  return *ctx.user();
}

Reader reader(const Context& ctx, store::Connection& c) {
  const auto& u = me(ctx);
  core::Network n = core::load_network(c);
  return {u.role, u.id, journal::viewer_of(u, n)};
}

Method visible_method_or_404(Context& ctx, store::Connection& c, const Reader& r) {
  std::string id = ctx.param("id");
  std::optional<Method> m;
  if (!id.empty() && id.size() <= 100) m = load_method(c, id);
  if (!m || !may_see(r.role, r.user_id, *m)) throw HttpError(404, "not_found", "error.not_found");
  return *m;
}

std::string lang_code(const Context& ctx) { return std::string(i18n::code(ctx.lang)); }

std::int64_t form_version(Context& ctx) {
  auto v = parse_count(ctx.form().get("version"), 0, INT64_MAX);
  if (!v) throw HttpError(400, "bad_request", "error.bad_request");
  return *v;
}

namespace {

constexpr std::int64_t kPerPage = 25;

// ---- the catalogue -------------------------------------------------------------------------

CatalogueFilter filter_from_query(const Context& ctx, const Reader& r) {
  CatalogueFilter f;
  auto q = [&](const char* name) { return text::trimmed(ctx.req.query_param(name).value_or("")); };
  f.phase = q("phase");
  if (!f.phase.empty() && !is_phase(f.phase)) throw HttpError(400, "bad_request", "toolbox.error.phase");
  f.topic = q("topic");
  if (!f.topic.empty() && !is_topic(f.topic)) throw HttpError(400, "bad_request", "toolbox.error.topic");
  f.lang = q("language");
  if (!f.lang.empty() && !is_language(f.lang)) throw HttpError(400, "bad_request", "toolbox.error.language");
  if (std::string s = q("size"); !s.empty()) {
    f.group_size = parse_count(s, 1, 1000);
    if (!f.group_size) throw HttpError(400, "bad_request", "toolbox.error.group_size");
  }
  if (std::string s = q("duration"); !s.empty()) {
    f.max_duration = parse_count(s, 1, 10080);
    if (!f.max_duration) throw HttpError(400, "bad_request", "toolbox.error.duration");
  }
  f.status = q("status");
  if (!f.status.empty() && f.status != "all" &&
      std::find(std::begin(kStatuses), std::end(kStatuses), f.status) == std::end(kStatuses))
    throw HttpError(400, "bad_request", "toolbox.error.status");
  (void)r;
  f.q = std::string(text::utf8_prefix(q("q"), 200));
  f.sort = q("sort");
  if (f.sort.empty()) f.sort = "name";
  static const std::string_view sorts[] = {"name", "rating", "use", "duration", "updated"};
  if (std::find(std::begin(sorts), std::end(sorts), f.sort) == std::end(sorts))
    throw HttpError(400, "bad_request", "toolbox.error.sort");
  return f;
}

std::string filter_query(const CatalogueFilter& f) {
  std::string out;
  auto add = [&](const char* k, const std::string& v) {
    if (!v.empty()) out += (out.empty() ? "" : "&") + std::string(k) + "=" + http::url_encode(v);
  };
  add("phase", f.phase);
  add("topic", f.topic);
  add("language", f.lang);
  add("size", f.group_size ? std::to_string(*f.group_size) : "");
  add("duration", f.max_duration ? std::to_string(*f.max_duration) : "");
  add("status", f.status);
  add("q", f.q);
  add("sort", f.sort == "name" ? "" : f.sort);
  return out;
}

}  // namespace

http::Response catalogue_page(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  Reader r = reader(ctx, *lease);
  CatalogueFilter f = filter_from_query(ctx, r);
  std::int64_t page = 1;
  if (auto p = ctx.req.query_param("page"); p && !p->empty()) {
    auto parsed = parse_count(*p, 1, 100000);
    if (!parsed) throw HttpError(400, "bad_request", "error.bad_request");
    page = *parsed;
  }
  f.limit = kPerPage;
  f.offset = (page - 1) * kPerPage;
  auto list = list_methods(*lease, r, lang_code(ctx), f);

  web::Dict d = ctx.content_dict();
  auto option = [&](const char* section, const std::string& value, const std::string& label, bool selected) {
    auto* o = d.AddSectionDictionary(section);
    o->SetValue("VALUE", value);
    o->SetValue("LABEL", label);
    if (selected) o->ShowSection("SELECTED");
  };
  for (auto p : kPhases) option("PHASE_OPTIONS", std::string(p), ctx.t("toolbox.phase." + std::string(p)), f.phase == p);
  for (auto t : kTopics) option("TOPIC_OPTIONS", std::string(t), ctx.t("toolbox.topic." + std::string(t)), f.topic == t);
  for (auto l : kLanguages)
    option("LANGUAGE_OPTIONS", std::string(l), ctx.t("toolbox.language." + std::string(l)), f.lang == l);
  for (auto s : {"name", "rating", "use", "duration", "updated"})
    option("SORT_OPTIONS", s, ctx.t(std::string("toolbox.sort.") + s), f.sort == s);
  option("STATUS_OPTIONS", "", ctx.t("toolbox.status.published"), f.status.empty());
  if (is_staff(r.role)) {
    for (auto s : {"draft", "in_review", "archived", "all"})
      option("STATUS_OPTIONS", s, ctx.t(std::string("toolbox.status.") + s), f.status == s);
  } else {
    option("STATUS_OPTIONS", "archived", ctx.t("toolbox.status.archived"), f.status == "archived");
  }
  d.SetValue("SIZE", f.group_size ? std::to_string(*f.group_size) : "");
  d.SetValue("DURATION", f.max_duration ? std::to_string(*f.max_duration) : "");
  d.SetValue("Q", f.q);
  if (is_staff(r.role)) d.ShowSection("MAY_CREATE");
  if (r.role == accounts::Role::admin || r.role == accounts::Role::coordinator) d.ShowSection("MAY_MANAGE");
  for (const auto& row : list.rows) {
    auto* item = d.AddSectionDictionary("METHODS");
    item->SetValue("ID", row.id);
    item->SetValue("NAME", row.name);
    item->SetValue("AIM", std::string(text::utf8_prefix(row.aim, 300)));
    item->SetValue("PHASE", ctx.t("toolbox.phase." + row.phase));
    std::string topics;
    for (const auto& t : row.topics) topics += (topics.empty() ? "" : ", ") + ctx.t("toolbox.topic." + t);
    if (!topics.empty()) item->SetValueAndShowSection("TOPICS", topics, "HAS_TOPICS");
    item->SetValue("GROUP", ctx.tf("toolbox.group_size_value", {{"min", row.group_min}, {"max", row.group_max}}));
    item->SetValue("DURATION", ctx.tf("toolbox.minutes", {{"count", row.duration_minutes}}));
    item->SetValue("LANGUAGES", row.languages);
    if (row.rating)
      item->SetValueAndShowSection("RATING", rating_text(ctx, *row.rating, row.ratings), "HAS_RATING");
    item->SetValue("USES", ctx.tf("toolbox.uses_count", {{"count", row.uses}}));
    if (row.status != "published")
      item->SetValueAndShowSection("STATUS", ctx.t("toolbox.status." + row.status), "HAS_STATUS");
    if (!row.adapted_from.empty()) item->ShowSection("IS_ADAPTATION");
  }
  if (list.rows.empty()) d.ShowSection("EMPTY");
  d.SetValue("TOTAL", ctx.tf("toolbox.count", {{"count", list.total}}));
  std::int64_t pages = (list.total + kPerPage - 1) / kPerPage;
  std::string q = filter_query(f);
  std::string base = "/toolbox?" + q + (q.empty() ? "" : "&");
  if (page > 1) d.SetValueAndShowSection("PREV_HREF", base + "page=" + std::to_string(page - 1), "PREV");
  if (page < pages) d.SetValueAndShowSection("NEXT_HREF", base + "page=" + std::to_string(page + 1), "NEXT");
  if (pages > 1)
    d.SetValueAndShowSection("PAGE_TEXT", ctx.tf("toolbox.page_of", {{"page", page}, {"pages", pages}}), "PAGING");
  d.SetValue("EXPORT_HREF", "/toolbox/export?" + q);
  return ctx.page("toolbox_catalogue", ctx.t("toolbox.title"), d);
}

// ---- the form ------------------------------------------------------------------------------

namespace {

struct Invalid {
  FieldErrors errors;
};

http::Fields form_fields(const Method& m) {
  http::Fields f{{"phase", m.phase},
                 {"group_min", std::to_string(m.group_min)},
                 {"group_max", std::to_string(m.group_max)},
                 {"duration_minutes", std::to_string(m.duration_minutes)},
                 {"licence", m.licence},
                 {"adapted_from", m.adapted_from},
                 {"adapted_by_team", m.adapted_by_team},
                 {"adaptation_reason", m.adaptation_reason},
                 {"version", std::to_string(m.version)}};
  for (const auto& t : m.topics) f.emplace_back("topics", t);
  for (const auto& [lang, t] : m.translations) {
    for (auto field : kTextFields) f.emplace_back(lang + "." + std::string(field), t.field(field));
    f.emplace_back(lang + ".steps", steps_text(t.steps));
  }
  return f;
}

// The posted form as a method; shape errors (a number that is none, a step
// line without text) go to `errors`, the rest is validate()'s.
Method read_form(const http::Form& f, FieldErrors& errors) {
  Method m;
  m.phase = f.get("phase");
  for (const auto& t : f.all("topics"))
    if (!t.empty() && std::find(m.topics.begin(), m.topics.end(), t) == m.topics.end()) m.topics.push_back(t);
  auto number = [&](const char* name, std::int64_t& out, const char* key) {
    if (auto v = parse_count(text::trimmed(f.get(name)), 0, 1000000)) out = *v;
    else errors[name] = key;
  };
  number("group_min", m.group_min, "toolbox.error.group_size");
  number("group_max", m.group_max, "toolbox.error.group_size");
  number("duration_minutes", m.duration_minutes, "toolbox.error.duration");
  m.licence = text::trimmed(f.get("licence"));
  m.adapted_from = text::trimmed(f.get("adapted_from"));
  m.adapted_by_team = text::trimmed(f.get("adapted_by_team"));
  m.adaptation_reason = text::trimmed(f.get("adaptation_reason"));
  for (auto l : kLanguages) {
    std::string lang(l);
    Translation t;
    for (auto field : kTextFields) t.field(field) = text::trimmed(f.get(lang + "." + std::string(field)));
    if (!parse_steps(f.get(lang + ".steps"), t.steps)) errors[lang + ".steps"] = "toolbox.error.steps";
    bool any = !t.steps.empty();
    for (auto field : kTextFields) any |= !t.field(field).empty();
    if (any) m.translations[lang] = std::move(t);
  }
  return m;
}

std::string upper(std::string s) {
  for (auto& ch : s)
    ch = ch == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return s;
}

http::Response form_page(Context& ctx, const http::Form& f, const FieldErrors& errors, const std::string& id,
                         int status, bool stale = false) {
  auto lease = ctx.app.db().acquire();
  core::Network n = core::load_network(*lease);
  web::Dict d = ctx.content_dict();
  std::string heading = id.empty() ? (f.get("adapted_from").empty() ? "toolbox.new" : "toolbox.adapt") : "toolbox.edit";
  d.SetValue("HEADING", ctx.t(heading));
  d.SetValue("ACTION", id.empty() ? "/toolbox/new" : "/toolbox/" + id + "/edit");
  d.SetValue("BACK_HREF", id.empty() ? "/toolbox" : "/toolbox/" + id);
  if (!id.empty()) d.SetValueAndShowSection("VERSION", f.get("version"), "HAS_VERSION");
  if (stale) d.SetValueAndShowSection("CURRENT_HREF", "/toolbox/" + id, "STALE");
  for (const char* field : {"group_min", "group_max", "duration_minutes", "licence", "adaptation_reason"})
    d.SetValue(upper(field), f.get(field));
  if (std::string from = f.get("adapted_from"); !from.empty()) {
    auto original = load_method(*lease, from);
    d.SetValue("ADAPTED_FROM", from);
    d.SetValueAndShowSection("ORIGINAL_NAME", original ? original->name_in(lang_code(ctx)) : from, "IS_ADAPTATION");
    auto* none = d.AddSectionDictionary("TEAM_OPTIONS");
    none->SetValue("VALUE", "");
    none->SetValue("LABEL", ctx.t("toolbox.no_team"));
    for (const auto& t : n.teams) {
      auto* o = d.AddSectionDictionary("TEAM_OPTIONS");
      o->SetValue("VALUE", t.id);
      o->SetValue("LABEL", t.name.in(ctx.lang));
      if (f.get("adapted_by_team") == t.id) o->ShowSection("SELECTED");
    }
  }
  if (!errors.empty()) {
    d.ShowSection("HAS_ERRORS");
    for (const auto& [field, key] : errors) {
      d.SetValueAndShowSection("MESSAGE", ctx.t(key), "ERR_" + upper(field));
      auto* e = d.AddSectionDictionary("ERROR_LIST");
      e->SetValue("TARGET", "f-" + std::string(field == "name" ? "nl.name" : field));
      e->SetValue("FIELD_LABEL", field_label(ctx, field));
      e->SetValue("MESSAGE", ctx.t(key));
    }
  }
  for (auto p : kPhases) {
    auto* o = d.AddSectionDictionary("PHASE_OPTIONS");
    o->SetValue("VALUE", std::string(p));
    o->SetValue("LABEL", ctx.t("toolbox.phase." + std::string(p)));
    if (f.get("phase") == p) o->ShowSection("SELECTED");
  }
  auto topics = f.all("topics");
  for (auto t : kTopics) {
    auto* o = d.AddSectionDictionary("TOPIC_OPTIONS");
    o->SetValue("VALUE", std::string(t));
    o->SetValue("LABEL", ctx.t("toolbox.topic." + std::string(t)));
    if (std::find(topics.begin(), topics.end(), t) != topics.end()) o->ShowSection("CHECKED");
  }
  for (auto l : kLanguages) {
    std::string lang(l);
    auto* s = d.AddSectionDictionary("LANGS");
    s->SetValue("LANG", lang);
    s->SetValue("LANG_LABEL", ctx.t("toolbox.language." + lang));
    for (auto field : kTextFields) {
      std::string key = lang + "." + std::string(field);
      s->SetValue(upper(std::string(field)), f.get(key));
      if (auto it = errors.find(key); it != errors.end())
        s->SetValueAndShowSection("MESSAGE", ctx.t(it->second), "ERR_" + upper(std::string(field)));
    }
    s->SetValue("STEPS", f.get(lang + ".steps"));
    if (auto it = errors.find(lang + ".steps"); it != errors.end())
      s->SetValueAndShowSection("MESSAGE", ctx.t(it->second), "ERR_STEPS");
    if (lang == "nl")
      if (auto it = errors.find("name"); it != errors.end())
        s->SetValueAndShowSection("MESSAGE", ctx.t(it->second), "ERR_NAME");
  }
  return ctx.page("toolbox_form", ctx.t(heading), d, status);
}

// The method for a write, checked inside the change's transaction: it exists
// and may be seen (404), may be edited by the caller (403).
Method editable_method(app::Change& change, const std::string& id) {
  Reader r = reader(change.ctx, change.db);
  auto m = id.size() > 100 ? std::nullopt : load_method(change.db, id);
  if (!m || !may_see(r.role, r.user_id, *m)) throw HttpError(404, "not_found", "error.not_found");
  if (!may_edit(r.role, r.user_id, *m)) throw HttpError(403, "forbidden", "toolbox.error.not_yours");
  return *m;
}

// The checks that need the database, as field errors: the method adapted from exists and may be seen.
void check_lineage(store::Connection& c, const Reader& r, const Method& m, FieldErrors& errors) {
  if (m.adapted_from.empty()) return;
  auto original = load_method(c, m.adapted_from);
  if (!original || !may_see(r.role, r.user_id, *original)) errors["adapted_from"] = "toolbox.error.adapted_from";
  if (!m.adapted_by_team.empty() && c.exec("SELECT 1 FROM teams WHERE id = ?", {m.adapted_by_team}).empty())
    errors["adapted_by_team"] = "toolbox.error.team";
}

}  // namespace

http::Response new_page(Context& ctx) {
  if (!is_staff(me(ctx).role)) throw HttpError(403, "forbidden", "error.forbidden");
  http::Fields defaults{{"phase", "exploring"}, {"group_min", "4"}, {"group_max", "12"}, {"duration_minutes", "90"},
                        {"licence", "CC BY-SA 4.0"}};
  // ?adapt=ID: an adaptation starts as a copy of the original, with its lineage.
  if (std::string from = ctx.req.query_param("adapt").value_or(""); !from.empty()) {
    auto lease = ctx.app.db().acquire();
    Reader r = reader(ctx, *lease);
    auto original = from.size() > 100 ? std::nullopt : load_method(*lease, from);
    if (!original || !may_see(r.role, r.user_id, *original)) throw HttpError(404, "not_found", "error.not_found");
    defaults = form_fields(*original);
    std::erase_if(defaults, [](const auto& kv) { return kv.first == "version" || kv.first == "adapted_from" ||
                                                        kv.first == "adapted_by_team" || kv.first == "adaptation_reason"; });
    defaults.emplace_back("adapted_from", original->id);
  }
  return form_page(ctx, http::Form(defaults), {}, "", 200);
}

http::Response create_page(Context& ctx) {
  if (!is_staff(me(ctx).role)) throw HttpError(403, "forbidden", "error.forbidden");
  const auto& f = ctx.form();
  FieldErrors errors;
  Method m = read_form(f, errors);
  m.status = "draft";
  try {
    std::string id = app::write(ctx, [&](app::Change& change) {
      Reader r = reader(ctx, change.db);
      for (auto& [field, key] : validate(m)) errors.emplace(field, key);
      check_lineage(change.db, r, m, errors);
      if (!errors.empty()) throw Invalid{errors};
      Writer w(change);
      insert_method(w, m, m.adapted_from.empty() ? "create" : "adapt");
      return m.id;
    });
    return http::Response::redirect("/toolbox/" + id + "?done=toolbox_saved");
  } catch (const Invalid& e) {
    return form_page(ctx, f, e.errors, "", 422);
  }
}

http::Response edit_page(Context& ctx) {
  std::string id = ctx.param("id");
  Method m = [&] {
    auto lease = ctx.app.db().acquire();
    Reader r = reader(ctx, *lease);
    Method found = visible_method_or_404(ctx, *lease, r);
    if (!may_edit(r.role, r.user_id, found)) throw HttpError(403, "forbidden", "toolbox.error.not_yours");
    return found;
  }();
  if (m.status == "archived") throw app::ArchivedRecordError();
  return form_page(ctx, http::Form(form_fields(m)), {}, id, 200);
}

http::Response update_page(Context& ctx) {
  std::string id = ctx.param("id");
  const auto& f = ctx.form();
  std::int64_t expected = form_version(ctx);
  FieldErrors errors;
  Method next = read_form(f, errors);
  try {
    app::write(ctx, [&](app::Change& change) {
      Method before = editable_method(change, id);
      next.id = before.id;
      next.status = before.status;
      for (auto& [field, key] : validate(next)) errors.emplace(field, key);
      check_lineage(change.db, reader(ctx, change.db), next, errors);
      if (!errors.empty()) throw Invalid{errors};
      Writer w(change);
      update_method(w, before, next, expected);
    });
    return http::Response::redirect("/toolbox/" + id + "?done=toolbox_saved");
  } catch (const Invalid& e) {
    return form_page(ctx, f, e.errors, id, 422);
  } catch (const app::StaleVersion&) {
    // The editor's input stays in the form; the notice links to the current method.
    return form_page(ctx, f, {}, id, 409, true);
  }
}

// ---- lifecycle and review ------------------------------------------------------------------

http::Response status_page(Context& ctx) {
  std::string id = ctx.param("id");
  std::int64_t expected = form_version(ctx);
  std::string move = ctx.form().get("move");
  std::string comment = text::trimmed(ctx.form().get("comment"));
  if (comment.size() > 5000) throw HttpError(422, "validation", "toolbox.error.too_long");
  app::write(ctx, [&](app::Change& change) {
    Reader r = reader(ctx, change.db);
    auto m = id.size() > 100 ? std::nullopt : load_method(change.db, id);
    if (!m || !may_see(r.role, r.user_id, *m)) throw HttpError(404, "not_found", "error.not_found");
    auto status = next_status(r.role, r.user_id, *m, move);
    if (!status) throw HttpError(403, "forbidden", "toolbox.error.move");
    Writer w(change);
    move_status(w, *m, move, *status, expected, comment);
  });
  return http::Response::redirect("/toolbox/" + id + "?done=toolbox_" + (move == "approve" ? "published" : "moved") +
                                  "#review");
}

http::Response comment_page(Context& ctx) {
  std::string id = ctx.param("id");
  std::string body = text::trimmed(ctx.form().get("comment"));
  if (body.empty() || body.size() > 5000) throw HttpError(422, "validation", "toolbox.error.comment");
  app::write(ctx, [&](app::Change& change) {
    Reader r = reader(ctx, change.db);
    auto m = id.size() > 100 ? std::nullopt : load_method(change.db, id);
    if (!m || !may_see(r.role, r.user_id, *m)) throw HttpError(404, "not_found", "error.not_found");
    // Reviewers and the proposer discuss a method; others write experiences.
    if (!is_reviewer(r.role) && !(m->created_by && *m->created_by == r.user_id))
      throw HttpError(403, "forbidden", "toolbox.error.not_yours");
    Writer w(change);
    add_comment(w, *m, "comment", body);
  });
  return http::Response::redirect("/toolbox/" + id + "?done=toolbox_commented#review");
}

// ---- the method page -----------------------------------------------------------------------

http::Response method_page(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  Reader r = reader(ctx, *lease);
  Method m = visible_method_or_404(ctx, *lease, r);
  core::Network n = core::load_network(*lease);
  web::Dict d = ctx.content_dict();
  fill_method(ctx, d, m, n);
  d.SetValue("VERSION", std::to_string(m.version));
  d.SetValue("STATUS", ctx.t("toolbox.status." + m.status));
  d.SetValue("STATUS_CODE", m.status);
  bool editable = may_edit(r.role, r.user_id, m) && m.status != "archived";
  if (editable) d.ShowSection("MAY_EDIT");
  if (is_staff(r.role) && m.status == "published") d.ShowSection("MAY_ADAPT");

  // The family tree.
  Family fam = family_of(*lease, r, lang_code(ctx), m);
  auto member = [&](web::Dict* row, const FamilyMember& f) {
    row->SetValue("M_ID", f.id);
    row->SetValue("M_NAME", f.name);
    row->SetValue("M_DEPTH", std::to_string(f.depth));
    if (f.status != "published") row->SetValueAndShowSection("M_STATUS", ctx.t("toolbox.status." + f.status), "M_HAS_STATUS");
    if (!f.team_id.empty())
      if (auto t = n.team(f.team_id)) row->SetValueAndShowSection("M_TEAM", t->name.in(ctx.lang), "M_HAS_TEAM");
    if (!f.reason.empty()) row->SetValueAndShowSection("M_REASON", f.reason, "M_HAS_REASON");
  };
  for (const auto& a : fam.ancestors) member(d.AddSectionDictionary("ANCESTORS"), a);
  d.SetValue("SELF_NAME", m.name_in(lang_code(ctx)));
  // Descendants in tree order; their depth indents them (toolbox-depth-N).
  for (const auto& c : fam.descendants) member(d.AddSectionDictionary("DESCENDANTS"), c);
  if (!fam.ancestors.empty() || !fam.descendants.empty()) d.ShowSection("HAS_FAMILY");
  else d.ShowSection("NO_FAMILY");

  // Where and when it was used, and experiences.
  auto uses = uses_of(*lease, r, m.id);
  if (uses.empty()) d.ShowSection("NO_USES");
  for (const auto& u : uses) {
    auto* row = d.AddSectionDictionary("USES");
    row->SetValue("ACTIVITY_ID", u.activity_id);
    row->SetValue("ACTIVITY_TITLE", u.title);
    row->SetValue("WHEN", i18n::format_time(ctx.lang, u.starts_at, i18n::DateStyle::medium_date));
    std::string level = u.team_id.empty() ? ctx.t("toolbox.level.brussels") : u.team_id;
    if (auto t = n.team(u.team_id)) level = t->name.in(ctx.lang);
    row->SetValue("LEVEL", level);
    if (may_archive_contribution(r.role, r.user_id, u.added_by)) row->ShowSection("U_MAY_ARCHIVE");
  }
  auto experiences = experiences_of(*lease, r, m.id);
  if (experiences.empty()) d.ShowSection("NO_EXPERIENCES");
  double sum = 0;
  for (const auto& e : experiences) {
    auto* row = d.AddSectionDictionary("EXPERIENCES");
    row->SetValue("E_RATING", ctx.tf("toolbox.rating_value", {{"rating", e.rating}}));
    row->SetValue("E_STARS", std::string(e.rating, '*'));
    if (!e.worked.empty()) row->SetValueAndShowSection("E_WORKED", e.worked, "E_HAS_WORKED");
    if (!e.changed.empty()) row->SetValueAndShowSection("E_CHANGED", e.changed, "E_HAS_CHANGED");
    row->SetValue("E_AUTHOR", e.author);
    row->SetValue("E_ID", e.id);
    if (may_archive_contribution(r.role, r.user_id, e.author_id)) row->ShowSection("E_MAY_ARCHIVE");
    row->SetValue("E_WHEN", i18n::format_time(ctx.lang, e.created_at, i18n::DateStyle::medium_date));
    if (!e.activity_id.empty()) {
      row->SetValueAndShowSection("E_ACTIVITY_ID", e.activity_id, "E_HAS_ACTIVITY");
      row->SetValue("E_ACTIVITY_TITLE", e.activity_title);
    }
    sum += static_cast<double>(e.rating);
  }
  if (!experiences.empty())
    d.SetValueAndShowSection("MEAN_RATING", rating_text(ctx, sum / static_cast<double>(experiences.size()),
                                                        static_cast<std::int64_t>(experiences.size())),
                             "HAS_MEAN");
  if (is_staff(r.role) && m.status == "published") {
    auto* form = d.AddSectionDictionary("EXPERIENCE_FORM");
    for (int i = 5; i >= 1; --i) {
      auto* o = form->AddSectionDictionary("RATING_OPTIONS");
      o->SetValue("VALUE", std::to_string(i));
      o->SetValue("LABEL", ctx.tf("toolbox.rating_value", {{"rating", static_cast<std::int64_t>(i)}}));
    }
    for (const auto& u : uses) {
      auto* o = form->AddSectionDictionary("ACTIVITY_OPTIONS");
      o->SetValue("VALUE", u.activity_id);
      o->SetValue("LABEL", u.title);
    }
  }

  // Later modules' parts of this page (the plan's actions that use it), behind the same visibility check.
  for (auto& html : ctx.app.routes().render_record_panels("toolbox.method", ctx, *lease, m.id))
    d.SetValueAndShowSection("PANEL_HTML", html, "RECORD_PANELS");

  // Review: comments and the lifecycle moves this reader may make.
  for (const auto& c : comments_of(*lease, m.id)) {
    auto* row = d.AddSectionDictionary("COMMENTS");
    row->SetValue("C_KIND", ctx.t(c.kind == "comment" ? "toolbox.review.comment_kind" : "toolbox.review." + c.kind));
    row->SetValue("C_BODY", c.body);
    row->SetValue("C_AUTHOR", c.author);
    row->SetValue("C_VERSION", std::to_string(c.method_version));
    row->SetValue("C_WHEN", i18n::format_time(ctx.lang, c.created_at, i18n::DateStyle::date_time));
  }
  bool discusses = is_reviewer(r.role) || (m.created_by && *m.created_by == r.user_id);
  if (discusses) d.ShowSection("MAY_COMMENT");
  for (auto move : {"submit", "approve", "send_back", "archive", "restore"})
    if (next_status(r.role, r.user_id, m, move)) {
      auto* b = d.AddSectionDictionary("MOVES");
      b->SetValue("MOVE", move);
      b->SetValue("MOVE_LABEL", ctx.t(std::string("toolbox.move.") + move));
    }
  d.SetValue("ATTACHMENTS_HTML", attachments_section(ctx, *lease, m, editable));
  d.SetValue("ARCHIVED_HTML", archived_contributions_section(ctx, *lease, m.id));
  return ctx.page("toolbox_method", m.name_in(lang_code(ctx)), d);
}

http::Response card_page(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  Reader r = reader(ctx, *lease);
  Method m = visible_method_or_404(ctx, *lease, r);
  core::Network n = core::load_network(*lease);
  web::Dict d = ctx.content_dict();
  fill_method(ctx, d, m, n);
  fill_attachment_names(d, *lease, m.id);
  // ?format=pdf: the same card as an A4 PDF through the platform's engine (its print CSS applies).
  std::string format = ctx.req.query_param("format").value_or("html");
  if (format == "html") return ctx.page("toolbox_card", m.name_in(lang_code(ctx)), d);
  if (format != "pdf") throw HttpError(400, "bad_request", "toolbox.card.error.format");
  std::string html = web::render(ctx.lang, "toolbox_card", d);
  try {
    auto pdf = documents::html_to_pdf(documents::print_document(ctx.lang, m.name_in(lang_code(ctx)), html));
    return documents::pdf_download(std::move(pdf), "toolbox-" + m.id + ".pdf");
  } catch (const documents::PdfError&) {
    throw HttpError(503, "pdf_unavailable", "toolbox.card.error.pdf");
  }
}

// ---- translations side by side -------------------------------------------------------------

http::Response translations_page(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  Reader r = reader(ctx, *lease);
  Method m = visible_method_or_404(ctx, *lease, r);
  web::Dict d = ctx.content_dict();
  d.SetValue("ID", m.id);
  d.SetValue("NAME", m.name_in(lang_code(ctx)));
  for (auto l : kLanguages) {
    auto* h = d.AddSectionDictionary("LANG_HEADS");
    h->SetValue("LANG_LABEL", ctx.t("toolbox.language." + std::string(l)));
    if (!m.translations.count(std::string(l))) h->ShowSection("LANG_MISSING");
  }
  auto cell = [&](web::Dict* row, const std::string& text) {
    auto* c = row->AddSectionDictionary("CELLS");
    if (text.empty()) c->ShowSection("MISSING");
    else c->SetValueAndShowSection("TEXT", text, "PRESENT");
  };
  std::int64_t missing = 0;
  for (auto field : kTextFields) {
    auto* row = d.AddSectionDictionary("ROWS");
    row->SetValue("FIELD", field_label(ctx, std::string(field)));
    for (auto l : kLanguages) {
      auto it = m.translations.find(std::string(l));
      std::string text = it == m.translations.end() ? "" : it->second.field(field);
      missing += text.empty();
      cell(row, text);
    }
  }
  auto* row = d.AddSectionDictionary("ROWS");
  row->SetValue("FIELD", ctx.t("toolbox.field.steps"));
  for (auto l : kLanguages) {
    auto it = m.translations.find(std::string(l));
    std::string text = it == m.translations.end() ? "" : steps_text(it->second.steps);
    missing += text.empty();
    cell(row, text);
  }
  d.SetValue("MISSING_COUNT", ctx.tf("toolbox.translations.missing_count", {{"count", missing}}));
  if (may_edit(r.role, r.user_id, m) && m.status != "archived") d.ShowSection("MAY_EDIT");
  return ctx.page("toolbox_translations", ctx.t("toolbox.translations.title"), d);
}

// ---- versions ------------------------------------------------------------------------------

namespace {

// One side of a changed field with its changed words marked, as HTML: the
// kept words and those of `mark` (removed on the old side, added on the new
// one), each escaped. Built here in one string rather than a template
// section per word: a long method's comparison has thousands of words, and a
// dictionary per word was most of the page's time.
std::string marked_words(const std::vector<TextPiece>& pieces, TextPiece::Kind mark) {
  const char* open = mark == TextPiece::removed ? "<del>" : "<ins>";
  const char* close = mark == TextPiece::removed ? "</del>" : "</ins>";
  std::string html;
  for (const auto& p : pieces) {
    if (p.kind == TextPiece::same) html += web::html_escape(p.text);
    else if (p.kind == mark) html += open + web::html_escape(p.text) + close;
  }
  return html;
}

// A row of the comparison: the field, then its two values, with the changed
// words marked when both have text and they differ by few words (else whole).
void fill_change(const Context& ctx, web::Dict& row, const core::FieldChange& c) {
  row.SetValue("FIELD", field_label(ctx, c.field));
  std::optional<std::vector<TextPiece>> pieces;
  if (!c.previous.empty() && !c.replacement.empty()) pieces = word_diff(c.previous, c.replacement);
  if (c.previous.empty()) row.ShowSection("PREV_EMPTY");
  else if (pieces) row.SetValueAndShowSection("PREV_HTML", marked_words(*pieces, TextPiece::removed), "PREV_WORDS");
  else row.SetValueAndShowSection("PREVIOUS", c.previous, "PREV_TEXT");
  if (c.replacement.empty()) row.ShowSection("NEXT_EMPTY");
  else if (pieces) row.SetValueAndShowSection("NEXT_HTML", marked_words(*pieces, TextPiece::added), "NEXT_WORDS");
  else row.SetValueAndShowSection("REPLACEMENT", c.replacement, "NEXT_TEXT");
}

}  // namespace


http::Response versions_page(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  Reader r = reader(ctx, *lease);
  Method m = visible_method_or_404(ctx, *lease, r);
  auto versions = versions_of(*lease, m.id);
  web::Dict d = ctx.content_dict();
  d.SetValue("ID", m.id);
  d.SetValue("NAME", m.name_in(lang_code(ctx)));
  d.SetValue("CURRENT", std::to_string(m.version));
  auto number = [&](const char* name, std::int64_t fallback) {
    auto v = ctx.req.query_param(name);
    if (!v || v->empty()) return fallback;
    auto n = parse_count(*v, 1, INT64_MAX);
    if (!n) throw HttpError(400, "bad_request", "toolbox.error.version");
    return *n;
  };
  std::int64_t b = number("b", m.version);
  std::int64_t a = number("a", std::max<std::int64_t>(1, b - 1));
  bool restorable = may_edit(r.role, r.user_id, m) && m.status != "archived";
  for (const auto& v : versions) {
    auto* row = d.AddSectionDictionary("VERSIONS");
    row->SetValue("V", std::to_string(v.version));
    row->SetValue("V_WHEN", i18n::format_time(ctx.lang, v.created_at, i18n::DateStyle::date_time));
    row->SetValue("V_ACTION", ctx.t("toolbox.action." + v.action));
    row->SetValue("V_ACTOR", v.actor);
    if (v.version == a) row->ShowSection("A_CHECKED");
    if (v.version == b) row->ShowSection("B_CHECKED");
    if (restorable && v.version != m.version) row->ShowSection("MAY_RESTORE");
  }
  if (a != b) {
    auto va = load_version(*lease, m.id, a), vb = load_version(*lease, m.id, b);
    if (!va || !vb) throw HttpError(404, "not_found", "toolbox.error.version");
    auto changes = core::diff(flatten(*va), flatten(*vb));
    d.SetValue("A", std::to_string(a));
    d.SetValue("B", std::to_string(b));
    d.ShowSection("COMPARISON");
    for (const auto& c : changes) fill_change(ctx, *d.AddSectionDictionary("CHANGES"), c);
    if (changes.empty()) d.ShowSection("NO_CHANGES");
  }
  return ctx.page("toolbox_versions", ctx.t("toolbox.versions.title"), d);
}

http::Response restore_page(Context& ctx) {
  std::string id = ctx.param("id");
  auto version = parse_count(ctx.param("version"), 1, INT64_MAX);
  if (!version) throw HttpError(404, "not_found", "error.not_found");
  std::int64_t expected = form_version(ctx);
  // A stale version is a 409 page saying so (app::StaleVersion): nothing is restored.
  app::write(ctx, [&](app::Change& change) {
    Method current = editable_method(change, id);
    Writer w(change);
    restore_version(w, current, *version, expected);
  });
  return http::Response::redirect("/toolbox/" + id + "?done=toolbox_restored");
}

}  // namespace samen::toolbox
