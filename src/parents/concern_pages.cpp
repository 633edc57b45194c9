// The register of concerns and needs (handlers.hpp): the list with filters
// (theme, status, team, municipality, source, published), paged, as CSV/XLSX;
// a concern's page with its status history and its publication; the concern
// form (new/edit with optimistic locking: a stale version keeps the input
// and says so); the publication form (coordinators: the anonymised public
// wording and "what we did", approve or withdraw); the themes coordinators
// extend. The form says that no personal data of parents is asked or kept.
// The concern's linked actions of the plan: concern_links.cpp.
#include <algorithm>

#include "app/app.hpp"
#include "app/write.hpp"
#include "core/brussels.hpp"
#include "documents/download.hpp"
#include "journal/activity.hpp"
#include "parents/handlers.hpp"
#include "util/text.hpp"

namespace samen::parents {

using app::Context;
using app::HttpError;

namespace {

constexpr std::int64_t kPageSize = 50;
constexpr std::int64_t kExportCap = 20000;

ConcernFilter register_filter(const Context& ctx) {
  ConcernFilter f;
  auto q = [&](const char* name) { return text::trimmed(ctx.req.query_param(name).value_or("")).substr(0, 100); };
  f.theme = q("theme");
  f.status = q("status");
  f.team_id = q("team");
  f.municipality = q("municipality");
  f.source = q("source");
  f.group_id = q("group");
  if (!f.status.empty() && !known_status(f.status)) throw HttpError(400, "bad_request", "parents.error.status_unknown");
  if (!f.source.empty() && !known_source(f.source)) throw HttpError(400, "bad_request", "parents.error.source_unknown");
  std::string published = q("published");
  if (published == "yes") f.published = true;
  else if (published == "no") f.published = false;
  else if (!published.empty()) throw HttpError(400, "bad_request", "error.bad_request");
  f.archived = q("archived") == "1";
  return f;
}

std::string filter_query(const ConcernFilter& f) {
  std::string q;
  auto add = [&](const char* name, const std::string& v) {
    if (!v.empty()) q += std::string(q.empty() ? "" : "&") + name + "=" + http::url_encode(v);
  };
  add("theme", f.theme);
  add("status", f.status);
  add("team", f.team_id);
  add("municipality", f.municipality);
  add("source", f.source);
  add("group", f.group_id);
  if (f.published) add("published", *f.published ? "yes" : "no");
  if (f.archived) add("archived", "1");
  return q;
}

http::Response register_download(Context& ctx, store::Connection& c, const ConcernFilter& filter,
                                 documents::TableFormat format) {
  using documents::ColumnType;
  ConcernFilter f = filter;
  f.offset = 0;
  f.limit = kExportCap;
  auto list = list_concerns(c, f);
  auto n = core::load_network(c);
  auto th = themes(c, true);
  documents::Table table({{ctx.t("parents.field.raised_on"), ColumnType::date},
                          {ctx.t("parents.field.text"), ColumnType::text},
                          {ctx.t("parents.field.theme"), ColumnType::text},
                          {ctx.t("parents.field.language"), ColumnType::text},
                          {ctx.t("parents.field.municipality"), ColumnType::text},
                          {ctx.t("parents.field.source"), ColumnType::text},
                          {ctx.t("parents.field.status"), ColumnType::text},
                          {ctx.t("parents.field.status_note"), ColumnType::text},
                          {ctx.t("parents.field.team_id"), ColumnType::text},
                          {ctx.t("parents.published"), ColumnType::text},
                          {"id", ColumnType::text}});
  for (const auto& x : list.items)
    table.add_row({documents::Date{x.raised_on}, x.text, theme_label(th, x.theme, ctx.lang),
                   ctx.t("parents.language." + x.language), municipality_name(x.municipality, ctx.lang),
                   ctx.t("parents.source." + x.source), ctx.t("parents.status." + x.status), x.status_note,
                   team_name(n, x.team_id, ctx.lang), ctx.t(x.published() ? "parents.yes" : "parents.no"), x.id});
  documents::note_if_cut(table, ctx, list.total);
  ctx.audit("parents.concern.export", "parents.concern", "",
            std::string(format == documents::TableFormat::csv ? "csv" : "xlsx") + " " + std::to_string(list.items.size()));
  return documents::table_download(table, format, "concerns");
}

void status_options(Context& ctx, web::Dict& d, const std::string& current, const std::string& from) {
  for (auto s : kStatuses)
    if (from.empty() || s == from || may_move(from, s))
      add_option(d, "STATUS_OPTIONS", std::string(s), ctx.t("parents.status." + std::string(s)), current == s);
}

}  // namespace

http::Response register_page(Context& ctx) {
  auto format = documents::table_format(ctx);
  ConcernFilter f = register_filter(ctx);
  auto lease = ctx.app.db().acquire();
  if (format != documents::TableFormat::html) return register_download(ctx, *lease, f, format);
  auto page = journal::parse_bounded(ctx.req.query_param("page").value_or("1"), 1, 1000000);
  if (!page) throw HttpError(400, "bad_request", "error.bad_request");
  f.offset = (*page - 1) * kPageSize;
  f.limit = kPageSize;
  auto list = list_concerns(*lease, f);
  auto n = core::load_network(*lease);
  auto th = themes(*lease, true);

  web::Dict d = ctx.content_dict();
  for (const auto& t : th)
    if (!t.archived || f.theme == t.code) add_option(d, "THEME_OPTIONS", t.code, t.label(ctx.lang), f.theme == t.code);
  for (auto s : kStatuses)
    add_option(d, "STATUS_OPTIONS", std::string(s), ctx.t("parents.status." + std::string(s)), f.status == s);
  for (auto s : kSources)
    add_option(d, "SOURCE_OPTIONS", std::string(s), ctx.t("parents.source." + std::string(s)), f.source == s);
  for (const auto& t : n.teams) add_option(d, "TEAM_OPTIONS", t.id, t.name.in(ctx.lang), f.team_id == t.id);
  for (const auto& m : core::brussels_municipalities())
    add_option(d, "MUNICIPALITY_OPTIONS", m.nis_code, m.name(ctx.lang), f.municipality == m.nis_code);
  add_option(d, "PUBLISHED_OPTIONS", "yes", ctx.t("parents.published"), f.published && *f.published);
  add_option(d, "PUBLISHED_OPTIONS", "no", ctx.t("parents.not_published"), f.published && !*f.published);
  if (f.archived) d.ShowSection("ARCHIVED_CHECKED");
  if (!f.archived) d.ShowSection("MAY_CREATE");
  d.SetValue("COUNT", ctx.tf("parents.count", {{"count", list.total}}));
  for (const auto& x : list.items) {
    auto* r = d.AddSectionDictionary("ROWS");
    r->SetValue("ID", x.id);
    r->SetValue("RAISED_ON", x.raised_on);
    r->SetValue("TEXT", std::string(text::utf8_prefix(x.text, 160)) + (x.text.size() > 160 ? "…" : ""));
    r->SetValue("THEME", theme_label(th, x.theme, ctx.lang));
    r->SetValue("STATUS", ctx.t("parents.status." + x.status));
    r->SetValue("STATUS_CODE", x.status);
    r->SetValue("SOURCE", ctx.t("parents.source." + x.source));
    r->SetValue("TEAM", team_name(n, x.team_id, ctx.lang));
    r->SetValue("MUNICIPALITY", municipality_name(x.municipality, ctx.lang));
    if (x.published()) r->ShowSection("PUBLISHED");
  }
  if (list.items.empty()) d.ShowSection("EMPTY");
  std::string q = filter_query(f);
  std::string base = "/parents?" + q + (q.empty() ? "" : "&");
  std::int64_t pages = std::max<std::int64_t>(1, (list.total + kPageSize - 1) / kPageSize);
  if (pages > 1) {
    d.ShowSection("PAGING");
    d.SetValue("PAGE_TEXT", ctx.tf("parents.page_of", {{"page", *page}, {"pages", pages}}));
    if (*page > 1) d.SetValueAndShowSection("PREV_HREF", base + "page=" + std::to_string(*page - 1), "PREV");
    if (*page < pages) d.SetValueAndShowSection("NEXT_HREF", base + "page=" + std::to_string(*page + 1), "NEXT");
  }
  d.SetValue("CSV_HREF", base + "format=csv");
  d.SetValue("XLSX_HREF", base + "format=xlsx");
  d.SetValue("CUT_NOTICE", documents::export_cut_notice(ctx, list.total, kExportCap));
  if (may_publish(me(ctx).role)) d.ShowSection("COORDINATION");
  return ctx.page("parents_register", ctx.t("parents.register"), d);
}

// ---- the concern form -------------------------------------------------------------------------

Concern read_concern(const http::Form& f) {
  Concern c;
  c.text = text::trimmed(f.get("text"));
  c.theme = f.get("theme");
  c.language = f.get("language");
  c.municipality = f.get("municipality");
  c.source = f.get("source");
  c.status = f.get("status").empty() ? "heard" : f.get("status");
  c.status_note = text::trimmed(f.get("status_note"));
  c.team_id = f.get("team_id");
  c.group_id = f.get("group_id");
  c.raised_on = text::trimmed(f.get("raised_on"));
  return c;
}

FieldErrors concern_errors(store::Connection& c, const Concern& concern, std::string_view from_status,
                           const std::vector<std::string>& linked_before) {
  auto n = core::load_network(c);
  std::vector<std::string> teams;
  for (const auto& t : n.teams) teams.push_back(t.id);
  auto errors = validate(concern, theme_codes(themes(c)), teams, group_ids(c), from_status);
  if (auto e = action_ids_error(c, concern.action_ids, linked_before); !e.empty()) errors["action_ids"] = e;
  return errors;
}

void check_concern(store::Connection& c, const Concern& concern, std::string_view from_status,
                   const std::vector<std::string>& linked_before) {
  if (auto errors = concern_errors(c, concern, from_status, linked_before); !errors.empty()) throw Invalid{errors};
}

namespace {

http::Fields concern_fields(const Concern& c) {
  return {{"text", c.text},         {"theme", c.theme},         {"language", c.language},
          {"municipality", c.municipality}, {"source", c.source}, {"status", c.status},
          {"status_note", c.status_note},   {"team_id", c.team_id}, {"group_id", c.group_id},
          {"raised_on", c.raised_on},       {"version", std::to_string(c.version)}};
}

}  // namespace

http::Response concern_form(Context& ctx, const http::Form& f, const FieldErrors& errors, const std::string& id,
                            int status, bool stale, const std::string& suggestion_id) {
  auto lease = ctx.app.db().acquire();
  auto n = core::load_network(*lease);
  web::Dict d = ctx.content_dict();
  std::string heading = ctx.t(id.empty() ? "parents.concern.new" : "parents.concern.edit");
  d.SetValue("HEADING", heading);
  d.SetValue("ACTION", !suggestion_id.empty() ? "/parents/suggestions/" + suggestion_id + "/accept"
                       : id.empty()           ? "/parents/concerns/new"
                                              : "/parents/concerns/" + id + "/edit");
  d.SetValue("CANCEL_HREF", !suggestion_id.empty() ? "/parents/suggestions" : id.empty() ? "/parents" : "/parents/concerns/" + id);
  if (!id.empty()) d.SetValueAndShowSection("VERSION", f.get("version"), "HAS_VERSION");
  if (stale) d.ShowSection("STALE");
  d.SetValue("TEXT", f.get("text"));
  d.SetValue("STATUS_NOTE", f.get("status_note"));
  d.SetValue("RAISED_ON", f.get("raised_on"));
  add_errors(ctx, d, errors, "parents.field.");
  std::string stored_theme = f.get("theme");
  for (const auto& t : themes(*lease, true))
    if (!t.archived || t.code == stored_theme) add_option(d, "THEME_OPTIONS", t.code, t.label(ctx.lang), stored_theme == t.code);
  for (auto l : kConcernLanguages)
    add_option(d, "LANGUAGE_OPTIONS", std::string(l), ctx.t("parents.language." + std::string(l)), f.get("language") == l);
  for (const auto& m : core::brussels_municipalities())
    add_option(d, "MUNICIPALITY_OPTIONS", m.nis_code, m.name(ctx.lang), f.get("municipality") == m.nis_code);
  for (auto s : kSources)
    add_option(d, "SOURCE_OPTIONS", std::string(s), ctx.t("parents.source." + std::string(s)), f.get("source") == s);
  // An edit offers the steps allowed from the stored status.
  std::string from;
  if (!id.empty())
    if (auto stored = load_concern(*lease, id)) from = stored->status;
  status_options(ctx, d, f.get("status").empty() ? "heard" : f.get("status"), from);
  for (const auto& t : n.teams) add_option(d, "TEAM_OPTIONS", t.id, t.name.in(ctx.lang), f.get("team_id") == t.id);
  for (const auto& g : list_groups(*lease)) add_option(d, "GROUP_OPTIONS", g.id, g.name, f.get("group_id") == g.id);
  return ctx.page("parents_concern_form", heading, d, status);
}

http::Response concern_new_page(Context& ctx) {
  me(ctx);
  http::Fields defaults{{"status", "heard"}, {"language", std::string(i18n::code(ctx.lang))},
                        {"raised_on", journal::local_date_time(ctx.now).substr(0, 10)}};
  if (auto g = ctx.req.query_param("group")) {
    auto lease = ctx.app.db().acquire();
    if (auto group = load_group(*lease, g->substr(0, 100))) {
      defaults.emplace_back("group_id", group->id);
      defaults.emplace_back("team_id", group->team_id);
      defaults.emplace_back("source", "parent_group");
    }
  }
  return concern_form(ctx, http::Form(defaults), {}, "", 200);
}

http::Response concern_create_page(Context& ctx) {
  me(ctx);
  const auto& f = ctx.form();
  Concern c = read_concern(f);
  try {
    app::write(ctx, [&](app::Change& change) {
      check_concern(change.db, c, "");
      insert_concern(change, c);
    });
  } catch (const Invalid& i) {
    return concern_form(ctx, f, i.errors, "", 422);
  }
  return http::Response::redirect("/parents/concerns/" + c.id + "?done=parents_saved");
}

namespace {

Concern concern_or_404(store::Connection& c, const std::string& id) {
  auto found = load_concern(c, id);
  if (!found) throw HttpError(404, "not_found", "error.not_found");
  return *found;
}

void require(bool allowed) {
  if (!allowed) throw HttpError(403, "forbidden", "error.forbidden");
}

}  // namespace

http::Response concern_page(Context& ctx) {
  std::string id = path_id(ctx);
  auto lease = ctx.app.db().acquire();
  Concern c = concern_or_404(*lease, id);
  auto n = core::load_network(*lease);
  auto th = themes(*lease, true);
  auto role = me(ctx).role;
  web::Dict d = ctx.content_dict();
  d.SetValue("ID", c.id);
  d.SetValue("VERSION", std::to_string(c.version));
  d.SetValue("TEXT", c.text);
  d.SetValue("THEME", theme_label(th, c.theme, ctx.lang));
  d.SetValue("LANGUAGE", ctx.t("parents.language." + c.language));
  d.SetValue("SOURCE", ctx.t("parents.source." + c.source));
  d.SetValue("STATUS", ctx.t("parents.status." + c.status));
  d.SetValue("STATUS_CODE", c.status);
  d.SetValue("RAISED_ON", c.raised_on);
  if (!c.status_note.empty()) d.SetValueAndShowSection("STATUS_NOTE", c.status_note, "HAS_STATUS_NOTE");
  if (!c.municipality.empty()) d.SetValueAndShowSection("MUNICIPALITY", municipality_name(c.municipality, ctx.lang), "HAS_MUNICIPALITY");
  if (!c.team_id.empty()) d.SetValueAndShowSection("TEAM", team_name(n, c.team_id, ctx.lang), "HAS_TEAM");
  if (!c.group_id.empty())
    if (auto g = load_group(*lease, c.group_id)) {
      d.SetValue("GROUP_ID", g->id);
      d.SetValueAndShowSection("GROUP", g->name, "HAS_GROUP");
    }
  if (c.archived_at) d.ShowSection("ARCHIVED");
  if (may_edit(role) && !c.archived_at) d.ShowSection("MAY_EDIT");
  if (may_publish(role) && !c.archived_at) d.ShowSection("MAY_PUBLISH");
  d.ShowSection(c.published() ? "IS_PUBLISHED" : "NOT_PUBLISHED");
  for (const char* l : {"nl", "fr", "en"}) {
    std::string t = c.public_text.count(l) ? c.public_text.at(l) : "";
    std::string r = c.response.count(l) ? c.response.at(l) : "";
    if (t.empty() && r.empty()) continue;
    auto* p = d.AddSectionDictionary("PUBLIC");
    p->SetValue("P_LANG", l);
    p->SetValue("P_LANG_NAME", ctx.t(std::string("parents.language.") + l));
    p->SetValue("P_TEXT", t);
    p->SetValue("P_RESPONSE", r);
  }
  for (const auto& h : status_history(*lease, c.id)) {
    auto* r = d.AddSectionDictionary("HISTORY");
    r->SetValue("AT", i18n::format_time(ctx.lang, h.at, i18n::DateStyle::date_time));
    r->SetValue("FROM", h.previous.empty() ? "—" : ctx.t("parents.status." + h.previous));
    r->SetValue("TO", ctx.t("parents.status." + h.replacement));
    r->SetValue("ACTOR", h.actor_label);
  }
  d.SetValue("ACTIONS_HTML", linked_actions_section(ctx, *lease, c));
  return ctx.page("parents_concern", ctx.t("parents.concern"), d);
}

http::Response concern_edit_page(Context& ctx) {
  std::string id = path_id(ctx);
  require(may_edit(me(ctx).role));
  Concern c = [&] {
    auto lease = ctx.app.db().acquire();
    return concern_or_404(*lease, id);
  }();
  if (c.archived_at) throw app::ArchivedRecordError();
  return concern_form(ctx, http::Form(concern_fields(c)), {}, id, 200);
}

http::Response concern_update_page(Context& ctx) {
  std::string id = path_id(ctx);
  require(may_edit(me(ctx).role));
  const auto& f = ctx.form();
  auto expected = form_version(f);
  Concern next = read_concern(f);
  try {
    app::write(ctx, [&](app::Change& change) {
      Concern before = concern_or_404(change.db, id);
      if (before.archived_at) throw app::ArchivedRecordError();
      next.action_ids = before.action_ids;  // the form edits no links: the concern page's own forms do
      check_concern(change.db, next, before.status, before.action_ids);
      update_concern(change, before, next, expected);
      if (before.published()) change.after_commit([&app = ctx.app] { forget_public_pages(app); });
    });
  } catch (const Invalid& i) {
    return concern_form(ctx, f, i.errors, id, 422);
  } catch (const app::StaleVersion&) {
    return concern_form(ctx, f, {}, id, 409, true);
  }
  return http::Response::redirect("/parents/concerns/" + id + "?done=parents_saved");
}

http::Response concern_archive_page(Context& ctx) {
  std::string id = path_id(ctx);
  require(may_edit(me(ctx).role));
  auto expected = form_version(ctx.form());
  app::write(ctx, [&](app::Change& change) {
    concern_or_404(change.db, id);
    core::set_archived(change, concern_ref(id), true, expected);
    change.after_commit([&app = ctx.app] { forget_public_pages(app); });
  });
  return http::Response::redirect("/parents?done=parents_archived");
}

// ---- publication ----------------------------------------------------------------------------

namespace {

http::Response publication_form(Context& ctx, const Concern& c, const http::Form& f, const FieldErrors& errors,
                                int status, bool stale = false) {
  web::Dict d = ctx.content_dict();
  d.SetValue("ID", c.id);
  d.SetValue("ORIGINAL", c.text);
  d.SetValue("VERSION", f.get("version"));
  if (stale) d.ShowSection("STALE");
  for (const char* l : {"nl", "fr", "en"}) {
    auto* p = d.AddSectionDictionary("LANGS");
    p->SetValue("L", l);
    p->SetValue("L_NAME", ctx.t(std::string("parents.language.") + l));
    p->SetValue("L_TEXT", f.get(std::string("public_text_") + l));
    p->SetValue("L_RESPONSE", f.get(std::string("response_") + l));
  }
  if (f.get("publish") == "1") d.ShowSection("PUBLISH_CHECKED");
  add_errors(ctx, d, errors, "parents.field.");
  return ctx.page("parents_publication_form", ctx.t("parents.publication"), d, status);
}

void read_publication(const http::Form& f, Concern& c) {
  c.public_text.clear();
  c.response.clear();
  for (const char* l : {"nl", "fr", "en"}) {
    if (auto t = text::trimmed(f.get(std::string("public_text_") + l)); !t.empty()) c.public_text[l] = t;
    if (auto r = text::trimmed(f.get(std::string("response_") + l)); !r.empty()) c.response[l] = r;
  }
}

}  // namespace

http::Response publication_page(Context& ctx) {
  std::string id = path_id(ctx);
  auto lease = ctx.app.db().acquire();
  Concern c = concern_or_404(*lease, id);
  if (c.archived_at) throw app::ArchivedRecordError();
  http::Fields fields{{"version", std::to_string(c.version)}, {"publish", c.published() ? "1" : ""}};
  for (const char* l : {"nl", "fr", "en"}) {
    fields.emplace_back(std::string("public_text_") + l, c.public_text.count(l) ? c.public_text.at(l) : "");
    fields.emplace_back(std::string("response_") + l, c.response.count(l) ? c.response.at(l) : "");
  }
  return publication_form(ctx, c, http::Form(fields), {}, 200);
}

http::Response publication_update_page(Context& ctx) {
  std::string id = path_id(ctx);
  const auto& f = ctx.form();
  auto expected = form_version(f);
  bool publish = f.get("publish") == "1";
  Concern shown;
  try {
    app::write(ctx, [&](app::Change& change) {
      Concern before = concern_or_404(change.db, id);
      shown = before;
      if (before.archived_at) throw app::ArchivedRecordError();
      Concern next = before;
      read_publication(f, next);
      if (auto errors = validate_publication(next, publish); !errors.empty()) throw Invalid{errors};
      set_publication(change, before, next, publish, expected);
      change.after_commit([&app = ctx.app] { forget_public_pages(app); });
    });
  } catch (const Invalid& i) {
    return publication_form(ctx, shown, f, i.errors, 422);
  } catch (const app::StaleVersion&) {
    return publication_form(ctx, shown, f, {}, 409, true);
  }
  return http::Response::redirect("/parents/concerns/" + id + (publish ? "?done=parents_published" : "?done=parents_withdrawn"));
}

// ---- themes ---------------------------------------------------------------------------------

namespace {

http::Response themes_form(Context& ctx, const http::Form& f, const FieldErrors& errors, int status) {
  auto lease = ctx.app.db().acquire();
  web::Dict d = ctx.content_dict();
  auto role = me(ctx).role;
  if (may_publish(role)) d.ShowSection("MAY_MANAGE");
  for (const auto& t : themes(*lease, true)) {
    auto* r = d.AddSectionDictionary("THEMES");
    r->SetValue("CODE", t.code);
    r->SetValue("NL", t.label_nl);
    r->SetValue("FR", t.label_fr);
    r->SetValue("EN", t.label_en);
    if (t.archived) r->ShowSection("T_ARCHIVED");
    if (may_publish(role)) r->ShowSection(t.archived ? "T_MAY_RESTORE" : "T_MAY_ARCHIVE");
  }
  for (const char* k : {"label_nl", "label_fr", "label_en"}) {
    std::string key = k;
    std::transform(key.begin(), key.end(), key.begin(), ::toupper);
    d.SetValue(key, f.get(k));
  }
  add_errors(ctx, d, errors, "parents.field.");
  return ctx.page("parents_themes", ctx.t("parents.themes"), d, status);
}

}  // namespace

http::Response themes_page(Context& ctx) { return themes_form(ctx, http::Form(), {}, 200); }

http::Response theme_create_page(Context& ctx) {
  const auto& f = ctx.form();
  Theme t;
  t.label_nl = text::trimmed(f.get("label_nl"));
  t.label_fr = text::trimmed(f.get("label_fr"));
  t.label_en = text::trimmed(f.get("label_en"));
  FieldErrors errors;
  for (auto [field, value] : {std::pair{"label_nl", &t.label_nl}, std::pair{"label_fr", &t.label_fr},
                              std::pair{"label_en", &t.label_en}}) {
    if (value->empty()) errors[field] = "parents.error.name_required";
    else if (value->size() > 100) errors[field] = "parents.error.text_too_long";
  }
  if (errors.empty()) {
    bool added = app::write(ctx, [&](app::Change& change) { return add_theme(change, t); });
    if (!added) errors["label_en"] = "parents.error.theme_exists";
  }
  if (!errors.empty()) return themes_form(ctx, f, errors, 422);
  return http::Response::redirect("/parents/themes?done=parents_theme_added");
}

http::Response theme_archive_page(Context& ctx) {
  std::string code = path_id(ctx, "code");
  bool archive = ctx.form().get("restore") != "1";
  app::write(ctx, [&](app::Change& change) { set_theme_archived(change, code, archive); });
  return http::Response::redirect("/parents/themes?done=parents_theme_saved");
}

}  // namespace samen::parents
