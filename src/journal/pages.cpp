// The journal's pages (handlers.hpp): the timeline with its filters and
// exports, an activity with its notes, follow-ups and field history, the
// activity form (new and edit, optimistic locking with a hidden version),
// archive/restore, follow-up actions and the "my open follow-ups" home panel.
// Every page works without JavaScript; every form carries the CSRF token.
#include <algorithm>

#include "accounts/users.hpp"
#include "app/app.hpp"
#include "app/write.hpp"
#include "documents/download.hpp"
#include "documents/markdown.hpp"
#include "journal/coding_handlers.hpp"
#include "journal/handlers.hpp"
#include "journal/search.hpp"
#include "journal/sources_handlers.hpp"
#include "util/dates.hpp"
#include "util/text.hpp"

namespace samen::journal {

using app::Context;
using app::HttpError;

namespace {

constexpr std::int64_t kPerPage = 25;
constexpr std::int64_t kMaxExportRows = 20000;
constexpr std::int64_t kCountMargin = 1000;  // how far past the page a code-filtered timeline counts


std::string team_label(const Context& ctx, const core::Network& n, const std::string& team_id) {
  if (team_id.empty()) return ctx.t("journal.level.brussels");
  if (auto t = n.team(team_id)) return t->name.in(ctx.lang);
  return team_id;
}

std::string type_label(const Context& ctx, const std::vector<ActivityType>& types, const std::string& code) {
  for (const auto& t : types)
    if (t.code == code) return t.label(ctx.lang);
  return code;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

std::string org_names(const Context& ctx, const core::Network& n, const std::vector<std::string>& ids) {
  std::vector<std::string> names;
  for (const auto& id : ids)
    if (auto o = n.organization(id)) names.push_back(o->name.in(ctx.lang));
  return joined(names);
}

std::string person_name(const std::vector<core::Person>& people, std::int64_t id) {
  for (const auto& p : people)
    if (p.id == id) return p.name;
  return "#" + std::to_string(id);
}

std::string when_text(const Context& ctx, const Activity& a) {
  return i18n::format_time(ctx.lang, a.starts_at, i18n::DateStyle::date_time) + " – " +
         i18n::format_time(ctx.lang, a.ends_at(), i18n::DateStyle::time);
}

// ---- timeline ------------------------------------------------------------------------------

ListFilter filter_from_query(const Context& ctx) {
  ListFilter f;
  f.team_id = text::trimmed(ctx.req.query_param("team").value_or("")).substr(0, 100);
  f.type = text::trimmed(ctx.req.query_param("type").value_or("")).substr(0, 100);
  if (auto y = ctx.req.query_param("year"); y && !y->empty()) {
    auto year = parse_bounded(*y, 1900, 2200);
    if (!year) throw HttpError(400, "bad_request", "journal.error.year");
    f.year = static_cast<int>(*year);
  }
  f.archived = ctx.req.query_param("archived").value_or("") == "1";
  f.code_id = text::trimmed(ctx.req.query_param("code").value_or("")).substr(0, 100);  // coding
  return f;
}

http::Response timeline_download(Context& ctx, const core::Network& n, const std::vector<ActivityType>& types,
                                 const ActivityList& list, documents::TableFormat format) {
  using documents::ColumnType;
  documents::Table table({{ctx.t("journal.field.starts_at"), ColumnType::date_time},
                          {ctx.t("journal.field.ends_at"), ColumnType::date_time},
                          {ctx.t("journal.field.type"), ColumnType::text},
                          {ctx.t("journal.field.title"), ColumnType::text},
                          {ctx.t("journal.field.team_id"), ColumnType::text},
                          {ctx.t("journal.field.visibility"), ColumnType::text},
                          {ctx.t("journal.field.place"), ColumnType::text},
                          {ctx.t("journal.field.organizations"), ColumnType::text},
                          {ctx.t("journal.field.external_participants"), ColumnType::integer},
                          {ctx.t("journal.field.notes"), ColumnType::text},
                          {ctx.t("journal.field.decisions"), ColumnType::text}});
  for (const auto& a : list.items)
    table.add_row({documents::DateTime{a.starts_at}, documents::DateTime{a.ends_at()}, type_label(ctx, types, a.type),
                   a.title, team_label(ctx, n, a.team_id), ctx.t("journal.visibility." + a.visibility),
                   a.place.empty() ? a.online_url : a.place, org_names(ctx, n, a.organization_ids),
                   a.external_participants, a.notes, a.decisions});
  documents::note_if_cut(table, ctx, list.total);
  ctx.audit("journal.activity.export", "journal.activity", "",
            std::string(format == documents::TableFormat::csv ? "csv" : "xlsx") + " " + std::to_string(list.items.size()));
  return documents::table_download(table, format, "journal");
}

void fill_filter_choices(Context& ctx, web::Dict& d, const core::Network& n, const std::vector<ActivityType>& types,
                         const ListFilter& f) {
  auto option = [&](const char* section, const std::string& value, const std::string& label, bool selected) {
    auto* o = d.AddSectionDictionary(section);
    o->SetValue("VALUE", value);
    o->SetValue("LABEL", label);
    if (selected) o->ShowSection("SELECTED");
  };
  option("TEAM_OPTIONS", "brussels", ctx.t("journal.level.brussels"), f.team_id == "brussels");
  for (const auto& t : n.teams) option("TEAM_OPTIONS", t.id, t.name.in(ctx.lang), f.team_id == t.id);
  for (const auto& t : types) option("TYPE_OPTIONS", t.code, t.label(ctx.lang), f.type == t.code);
  d.SetValue("YEAR", f.year ? std::to_string(*f.year) : "");
  if (f.archived) d.ShowSection("ARCHIVED_CHECKED");
  if (!f.code_id.empty()) d.SetValueAndShowSection("CODE", f.code_id, "CODE_FILTER");  // coding
}

// The query string of the current filters (for paging and export links).
std::string filter_query(const ListFilter& f) {
  std::string q;
  auto add = [&](const char* k, const std::string& v) {
    if (v.empty()) return;
    q += (q.empty() ? "" : "&") + std::string(k) + "=" + http::url_encode(v);
  };
  add("team", f.team_id);
  add("type", f.type);
  add("year", f.year ? std::to_string(*f.year) : "");
  add("archived", f.archived ? "1" : "");
  add("code", f.code_id);
  return q;
}

}  // namespace

http::Response timeline_page(Context& ctx) {
  auto format = documents::table_format(ctx);
  ListFilter f = filter_from_query(ctx);
  auto lease = ctx.app.db().acquire();
  core::Network n = core::load_network(*lease);
  Viewer v = viewer(ctx, n);
  auto types = activity_types(*lease, true);
  if (format != documents::TableFormat::html) {
    f.offset = 0;
    f.limit = kMaxExportRows;
    auto list = list_activities(*lease, v, f);
    load_participants(*lease, list.items);
    return timeline_download(ctx, n, types, list, format);
  }
  std::int64_t page = 1;
  if (auto p = ctx.req.query_param("page"); p && !p->empty()) {
    auto parsed = parse_bounded(*p, 1, 1000000);
    if (!parsed) throw HttpError(400, "bad_request", "error.bad_request");
    page = *parsed;
  }
  f.limit = kPerPage;
  f.offset = (page - 1) * kPerPage;
  // Filtered by a code, each activity is tested for a coded passage: the count stops a
  // thousand past this page (the page says "more than"), which keeps the page fast when the
  // code is on most activities (bench/journal-coding.sh). Exports count exactly.
  if (!f.code_id.empty()) f.count_cap = f.offset + f.limit + kCountMargin;
  auto list = list_activities(*lease, v, f);

  web::Dict d = ctx.content_dict();
  fill_filter_choices(ctx, d, n, types, f);
  if (may_create(v.role)) d.ShowSection("MAY_CREATE");
  for (const auto& a : list.items) {
    auto* row = d.AddSectionDictionary("ACTIVITIES");
    row->SetValue("ID", a.id);
    row->SetValue("TITLE", a.title);
    row->SetValue("WHEN", when_text(ctx, a));
    row->SetValue("DATETIME", local_date_time(a.starts_at));
    row->SetValue("TYPE", type_label(ctx, types, a.type));
    row->SetValue("LEVEL", team_label(ctx, n, a.team_id));
    row->SetValue("VISIBILITY", ctx.t("journal.visibility." + a.visibility));
    row->SetValue("VISIBILITY_CODE", a.visibility);
  }
  if (list.items.empty()) d.ShowSection("EMPTY");
  d.SetValue("TOTAL", ctx.tf(list.total_capped ? "journal.count_more" : "journal.count", {{"count", list.total}}));
  std::int64_t pages = (list.total + kPerPage - 1) / kPerPage + (list.total_capped ? 1 : 0);
  std::string q = filter_query(f);
  std::string base = "/journal?" + q + (q.empty() ? "" : "&");
  if (page > 1) d.SetValueAndShowSection("PREV_HREF", base + "page=" + std::to_string(page - 1), "PREV");
  if (page < pages) d.SetValueAndShowSection("NEXT_HREF", base + "page=" + std::to_string(page + 1), "NEXT");
  if (list.total_capped) d.SetValueAndShowSection("PAGE_TEXT", ctx.tf("journal.page_n", {{"page", page}}), "PAGING");
  else if (pages > 1) d.SetValueAndShowSection("PAGE_TEXT", ctx.tf("journal.page_of", {{"page", page}, {"pages", pages}}), "PAGING");
  if (auto cut = documents::export_cut_notice(ctx, list.total, kMaxExportRows); !cut.empty())
    d.SetValueAndShowSection("EXPORT_CUT_TEXT", cut, "EXPORT_CUT");
  d.SetValue("CSV_HREF", base + "format=csv");
  d.SetValue("XLSX_HREF", base + "format=xlsx");
  return ctx.page("journal_timeline", ctx.t("journal.title"), d);
}

// ---- the form ------------------------------------------------------------------------------

namespace {

http::Fields form_fields(const Activity& a) {
  http::Fields f{{"type", a.type},
                 {"title", a.title},
                 {"starts_at", local_date_time(a.starts_at)},
                 {"duration_minutes", std::to_string(a.duration_minutes)},
                 {"place", a.place},
                 {"online_url", a.online_url},
                 {"team_id", a.team_id},
                 {"visibility", a.visibility},
                 {"facilitator_id", a.facilitator_id ? std::to_string(*a.facilitator_id) : ""},
                 {"external_participants", std::to_string(a.external_participants)},
                 {"agenda", a.agenda},
                 {"notes", a.notes},
                 {"decisions", a.decisions},
                 {"version", std::to_string(a.version)}};
  for (const auto& l : a.languages) f.emplace_back("languages", l);
  for (const auto& o : a.organization_ids) f.emplace_back("organization_ids", o);
  for (auto p : a.person_ids) f.emplace_back("person_ids", std::to_string(p));
  return f;
}

// The posted form as an activity; shape errors (a date-time or number that
// is none) go to `errors`, the rest is validate()'s.
Activity read_form(const http::Form& f, FieldErrors& errors) {
  Activity a;
  a.type = text::trimmed(f.get("type"));
  a.title = text::trimmed(f.get("title"));
  if (auto t = parse_local_date_time(text::trimmed(f.get("starts_at")))) a.starts_at = *t;
  else errors["starts_at"] = "journal.error.starts_at";
  if (auto d = parse_bounded(text::trimmed(f.get("duration_minutes")), -1000000, 1000000)) a.duration_minutes = *d;
  else errors["duration_minutes"] = "journal.error.duration";
  a.place = text::trimmed(f.get("place"));
  a.online_url = text::trimmed(f.get("online_url"));
  a.languages = f.all("languages");
  a.team_id = text::trimmed(f.get("team_id"));
  a.visibility = f.get("visibility");
  if (std::string fac = text::trimmed(f.get("facilitator_id")); !fac.empty()) {
    if (auto id = parse_bounded(fac, 1, INT64_MAX)) a.facilitator_id = *id;
    else errors["facilitator_id"] = "journal.error.person_unknown";
  }
  std::string ext = text::trimmed(f.get("external_participants"));
  if (ext.empty()) a.external_participants = 0;
  else if (auto c = parse_bounded(ext, 0, 100000)) a.external_participants = *c;
  else errors["external_participants"] = "journal.error.count";
  a.agenda = f.get("agenda");
  a.notes = f.get("notes");
  a.decisions = f.get("decisions");
  for (const auto& o : f.all("organization_ids"))
    if (!o.empty() && std::find(a.organization_ids.begin(), a.organization_ids.end(), o) == a.organization_ids.end())
      a.organization_ids.push_back(o);
  for (const auto& p : f.all("person_ids")) {
    auto id = parse_bounded(p, 1, INT64_MAX);
    if (!id) errors["person_ids"] = "journal.error.person_unknown";
    else if (std::find(a.person_ids.begin(), a.person_ids.end(), *id) == a.person_ids.end()) a.person_ids.push_back(*id);
  }
  return a;
}

http::Response form_page(Context& ctx, const http::Form& f, const FieldErrors& errors, const std::string& id,
                         int status, bool stale = false) {
  auto lease = ctx.app.db().acquire();
  core::Network n = core::load_network(*lease);
  Viewer v = viewer(ctx, n);
  auto types = activity_types(*lease);
  auto people = choosable_people(*lease, v);

  web::Dict d = ctx.content_dict();
  d.SetValue("HEADING", ctx.t(id.empty() ? "journal.new" : "journal.edit"));
  d.SetValue("ACTION", id.empty() ? "/journal/new" : "/journal/" + id + "/edit");
  d.SetValue("BACK_HREF", id.empty() ? "/journal" : "/journal/" + id);
  if (!id.empty()) d.SetValueAndShowSection("VERSION", f.get("version"), "HAS_VERSION");
  if (stale) d.SetValueAndShowSection("CURRENT_HREF", "/journal/" + id, "STALE");
  for (const char* field : {"title", "starts_at", "duration_minutes", "place", "online_url", "external_participants",
                            "agenda", "notes", "decisions"}) {
    std::string key = field;
    std::transform(key.begin(), key.end(), key.begin(), ::toupper);
    d.SetValue(key, f.get(field));
  }
  if (!errors.empty()) {
    d.ShowSection("HAS_ERRORS");
    for (const auto& [field, message_key] : errors) {
      std::string upper = field;
      std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
      d.SetValueAndShowSection("MESSAGE", ctx.t(message_key), "ERR_" + upper);
      auto* e = d.AddSectionDictionary("ERROR_LIST");
      e->SetValue("TARGET", field);
      e->SetValue("FIELD_LABEL", ctx.t("journal.field." + field));
      e->SetValue("MESSAGE", ctx.t(message_key));
    }
  }
  auto option = [&](const char* section, const std::string& value, const std::string& label, bool selected) {
    auto* o = d.AddSectionDictionary(section);
    o->SetValue("VALUE", value);
    o->SetValue("LABEL", label);
    if (selected) o->ShowSection("SELECTED");
  };
  auto in = [](const std::vector<std::string>& all, const std::string& v) {
    return std::find(all.begin(), all.end(), v) != all.end();
  };
  for (const auto& t : types) option("TYPE_OPTIONS", t.code, t.label(ctx.lang), f.get("type") == t.code);
  if (!id.empty())  // an activity keeps its type when that type was archived since
    for (const auto& t : activity_types(*lease, true))
      if (t.code == f.get("type") && std::none_of(types.begin(), types.end(), [&](const ActivityType& x) { return x.code == t.code; }))
        option("TYPE_OPTIONS", t.code, t.label(ctx.lang), true);
  for (const auto& t : n.teams)
    if (may_choose_team(v, t.id)) option("TEAM_OPTIONS", t.id, t.name.in(ctx.lang), f.get("team_id") == t.id);
  for (auto vis : kVisibilities)
    if (may_choose_visibility(v, vis))
      option("VISIBILITY_OPTIONS", std::string(vis), ctx.t("journal.visibility." + std::string(vis)),
             f.get("visibility") == vis);
  auto langs = f.all("languages");
  for (auto l : kLanguages)
    option("LANGUAGE_OPTIONS", std::string(l), ctx.t("journal.language." + std::string(l)), in(langs, std::string(l)));
  auto orgs = f.all("organization_ids");
  for (const auto& o : n.organizations) option("ORG_OPTIONS", o.id, o.name.in(ctx.lang), in(orgs, o.id));
  auto persons = f.all("person_ids");
  for (const auto& p : people) {
    option("FACILITATOR_OPTIONS", std::to_string(p.id), p.name, f.get("facilitator_id") == std::to_string(p.id));
    option("PERSON_OPTIONS", std::to_string(p.id), p.name, in(persons, std::to_string(p.id)));
  }
  return ctx.page("journal_form", ctx.t(id.empty() ? "journal.new" : "journal.edit"), d, status);
}


struct Invalid {
  FieldErrors errors;
};

}  // namespace

http::Response new_page(Context& ctx) {
  if (!may_create(me(ctx).role)) throw HttpError(403, "forbidden", "error.forbidden");
  http::Fields defaults{{"visibility", "network"}, {"duration_minutes", "120"}, {"type", "partner_meeting"},
                        {"starts_at", local_date_time(ctx.now - ctx.now % 3600)}};
  return form_page(ctx, http::Form(defaults), {}, "", 200);
}

http::Response create_page(Context& ctx) {
  if (!may_create(me(ctx).role)) throw HttpError(403, "forbidden", "error.forbidden");
  const auto& f = ctx.form();
  FieldErrors errors;
  Activity a = read_form(f, errors);
  try {
    std::string id = app::write(ctx, [&](app::Change& change) {
      core::Network n = core::load_network(change.db);
      check_activity(change.db, n, a, viewer(ctx, n), errors);
      if (!errors.empty()) throw Invalid{errors};
      insert_activity(change, a);
      return a.id;
    });
    return http::Response::redirect("/journal/" + id + "?done=journal_saved");
  } catch (const Invalid& e) {
    return form_page(ctx, f, e.errors, "", 422);
  }
}

http::Response edit_page(Context& ctx) {
  std::string id = id_param(ctx);
  Activity a = [&] {
    auto lease = ctx.app.db().acquire();  // released before form_page takes its own
    core::Network n = core::load_network(*lease);
    Viewer v = viewer(ctx, n);
    Activity found = visible_activity_or_404(ctx, *lease, v);
    if (!may_edit(v, found)) throw HttpError(403, "forbidden", "journal.error.not_yours");
    return found;
  }();
  if (a.archived_at) throw app::ArchivedRecordError();
  return form_page(ctx, http::Form(form_fields(a)), {}, id, 200);
}

http::Response update_page(Context& ctx) {
  std::string id = id_param(ctx);
  const auto& f = ctx.form();
  auto expected = form_version(f);
  FieldErrors errors;
  Activity next = read_form(f, errors);
  try {
    app::write(ctx, [&](app::Change& change) {
      core::Network n = core::load_network(change.db);
      const Viewer v = viewer(ctx, n);
      Activity before = editable_activity(change.db, v, id, ArchivedActivity::allowed);
      check_activity(change.db, n, next, v, errors, before.type);
      if (!errors.empty()) throw Invalid{errors};
      update_activity(change, before, next, expected);
    });
    return http::Response::redirect("/journal/" + id + "?done=journal_saved");
  } catch (const Invalid& e) {
    return form_page(ctx, f, e.errors, id, 422);
  } catch (const app::StaleVersion&) {
    // The editor's input stays in the form; the notice links to the current record.
    return form_page(ctx, f, {}, id, 409, true);
  }
}

namespace {

http::Response set_archive(Context& ctx, bool archive) {
  std::string id = id_param(ctx);
  auto expected = form_version(ctx.form());
  app::write(ctx, [&](app::Change& change) {
    editable_activity(change, id, ArchivedActivity::allowed);
    core::set_archived(change, activity_ref(id), archive, expected);
    reindex_after_commit(change, id);  // lookback: the search index
  });
  return http::Response::redirect("/journal/" + id + (archive ? "?done=journal_archived" : "?done=journal_restored"));
}

}  // namespace

http::Response archive_page(Context& ctx) { return set_archive(ctx, true); }
http::Response restore_page(Context& ctx) { return set_archive(ctx, false); }

http::Response add_follow_up_page(Context& ctx) {
  std::string id = id_param(ctx);
  const auto& f = ctx.form();
  FollowUp fu;
  fu.activity_id = id;
  fu.text = text::trimmed(f.get("text"));
  fu.due_date = text::trimmed(f.get("due_date"));
  if (fu.text.empty() || fu.text.size() > 2000) throw HttpError(422, "validation", "journal.error.follow_up_text");
  if (!fu.due_date.empty() && !dates::valid_iso(fu.due_date)) throw HttpError(422, "validation", "journal.error.due_date");
  if (std::string owner = text::trimmed(f.get("owner_id")); !owner.empty()) {
    auto oid = parse_bounded(owner, 1, INT64_MAX);
    if (!oid) throw HttpError(422, "validation", "journal.error.person_unknown");
    fu.owner_id = *oid;
  }
  app::write(ctx, [&](app::Change& change) {
    editable_activity(change, id, ArchivedActivity::refused);
    if (fu.owner_id) {
      auto people = choosable_people(change.db, viewer(ctx, core::load_network(change.db)));
      if (std::none_of(people.begin(), people.end(), [&](const core::Person& p) { return p.id == *fu.owner_id; }))
        throw HttpError(422, "validation", "journal.error.person_unknown");
    }
    insert_follow_up(change, fu);
  });
  return http::Response::redirect("/journal/" + id + "?done=journal_follow_up_added#follow-ups");
}

http::Response follow_up_status_page(Context& ctx) {
  std::string id = id_param(ctx);
  std::string status = ctx.form().get("status");
  if (status != "open" && status != "done") throw HttpError(400, "bad_request", "error.bad_request");
  std::string activity_id = app::write(ctx, [&](app::Change& change) {
    auto fu = load_follow_up(change.db, id);
    if (!fu) throw HttpError(404, "not_found", "error.not_found");
    core::Network n = core::load_network(change.db);
    Viewer v = viewer(ctx, n);
    auto a = load_activity(change.db, fu->activity_id);
    if (!a || !may_see(v, a->visibility, a->team_id)) throw HttpError(404, "not_found", "error.not_found");
    // Its owner may tick it off too, not only those who edit the activity.
    bool owner = fu->owner_id && *fu->owner_id == v.user_id;
    if (!owner && !may_edit(v, *a)) throw HttpError(403, "forbidden", "journal.error.not_yours");
    if (fu->status != status) set_follow_up_status(change, *fu, status);
    return fu->activity_id;
  });
  std::string back = ctx.form().get("back") == "home" ? "/?done=journal_follow_up_saved"
                                                       : "/journal/" + activity_id + "?done=journal_follow_up_saved#follow-ups";
  return http::Response::redirect(back);
}

// ---- one activity --------------------------------------------------------------------------

http::Response activity_page(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  core::Network n = core::load_network(*lease);
  Viewer v = viewer(ctx, n);
  Activity a = visible_activity_or_404(ctx, *lease, v);
  auto types = activity_types(*lease, true);
  auto people = core::network_people(*lease);
  // Facilitators-only records hold interview transcripts and the like: each read is audited.
  if (a.visibility == "facilitators") ctx.audit("journal.activity.read", "journal.activity", a.id, "page");

  web::Dict d = ctx.content_dict();
  d.SetValue("ID", a.id);
  d.SetValue("TITLE", a.title);
  d.SetValue("TYPE", type_label(ctx, types, a.type));
  d.SetValue("WHEN", when_text(ctx, a));
  d.SetValue("DURATION", ctx.tf("journal.minutes", {{"count", a.duration_minutes}}));
  d.SetValue("LEVEL", team_label(ctx, n, a.team_id));
  d.SetValue("VISIBILITY", ctx.t("journal.visibility." + a.visibility));
  d.SetValue("VISIBILITY_CODE", a.visibility);
  d.SetValue("VERSION", std::to_string(a.version));
  if (!a.place.empty()) d.SetValueAndShowSection("PLACE", a.place, "HAS_PLACE");
  if (!a.online_url.empty()) d.SetValueAndShowSection("ONLINE_URL", a.online_url, "HAS_ONLINE");
  std::vector<std::string> langs;
  for (const auto& l : a.languages) langs.push_back(ctx.t("journal.language." + l));
  if (!langs.empty()) d.SetValueAndShowSection("LANGUAGES", joined(langs), "HAS_LANGUAGES");
  if (a.facilitator_id) d.SetValueAndShowSection("FACILITATOR", person_name(people, *a.facilitator_id), "HAS_FACILITATOR");
  if (!a.organization_ids.empty())
    d.SetValueAndShowSection("ORGANIZATIONS", org_names(ctx, n, a.organization_ids), "HAS_ORGANIZATIONS");
  std::vector<std::string> names;
  for (auto p : a.person_ids) names.push_back(person_name(people, p));
  if (!names.empty()) d.SetValueAndShowSection("PEOPLE", joined(names), "HAS_PEOPLE");
  d.SetValue("EXTERNAL", i18n::format_integer(ctx.lang, a.external_participants));
  // Markdown in safe mode (documents/markdown.hpp): raw HTML and script URLs never reach the page.
  for (auto [field, key] : {std::pair{&a.agenda, "AGENDA"}, std::pair{&a.notes, "NOTES"}, std::pair{&a.decisions, "DECISIONS"}})
    if (!field->empty())
      d.SetValueAndShowSection(std::string(key) + "_HTML", documents::markdown_to_html(*field), std::string("HAS_") + key);
  bool editable = may_edit(v, a);
  if (a.archived_at) {
    d.ShowSection("ARCHIVED");
    if (editable) d.ShowSection("MAY_RESTORE");
  } else if (editable) {
    d.ShowSection("MAY_EDIT");
  }
  auto follow_ups = follow_ups_of(*lease, a.id);
  for (const auto& fu : follow_ups) {
    auto* row = d.AddSectionDictionary("FOLLOW_UPS");
    row->SetValue("FU_ID", fu.id);
    row->SetValue("FU_TEXT", fu.text);
    row->SetValue("FU_OWNER", fu.owner_name.empty() ? ctx.t("journal.follow_up.no_owner") : fu.owner_name);
    if (!fu.due_date.empty()) row->SetValueAndShowSection("FU_DUE", fu.due_date, "HAS_DUE");
    row->SetValue("FU_STATUS", ctx.t("journal.follow_up.status." + fu.status));
    bool may_tick = editable || (fu.owner_id && *fu.owner_id == v.user_id);
    if (may_tick && !a.archived_at) {
      row->SetValueAndShowSection("FU_NEXT", fu.status == "open" ? "done" : "open", "FU_MAY_TICK");
      row->SetValue("FU_BUTTON", ctx.t(fu.status == "open" ? "journal.follow_up.mark_done" : "journal.follow_up.reopen"));
    }
    if (editable && !a.archived_at) row->ShowSection("FU_MAY_EDIT");  // sources: text, owner, due date
    if (fu.status == "open") row->ShowSection("FU_OPEN");
    else row->ShowSection("FU_DONE");
  }
  if (follow_ups.empty()) d.ShowSection("NO_FOLLOW_UPS");
  if (editable && !a.archived_at) {
    auto* add = d.AddSectionDictionary("ADD_FOLLOW_UP");
    for (const auto& p : choosable_people(*lease, v)) {
      auto* o = add->AddSectionDictionary("OWNER_OPTIONS");
      o->SetValue("VALUE", std::to_string(p.id));
      o->SetValue("LABEL", p.name);
      if (p.id == v.user_id) o->ShowSection("SELECTED");
    }
  }
  for (const auto& h : core::history_of(*lease, "journal.activity", a.id)) {
    auto* row = d.AddSectionDictionary("HISTORY");
    row->SetValue("AT", i18n::format_time(ctx.lang, h.at, i18n::DateStyle::date_time));
    row->SetValue("ACTION", ctx.t("journal.history." + h.action));
    row->SetValue("FIELD", h.field.empty() ? "" : ctx.t("journal.field." + h.field));
    row->SetValue("PREVIOUS", std::string(text::utf8_prefix(h.previous, 300)));
    row->SetValue("REPLACEMENT", std::string(text::utf8_prefix(h.replacement, 300)));
    row->SetValue("ACTOR", h.actor_label);
  }
  d.SetValue("CODING_HTML", coding_section(ctx, *lease, v, a));  // coding: the note's coded passages
  d.SetValue("SOURCES_HTML", sources_section(ctx, *lease, v, a));  // sources: attachments, answer sets
  // Later modules' parts of this page (e.g. the toolbox's methods used), behind the same visibility check.
  for (auto& html : ctx.app.routes().render_record_panels("journal.activity", ctx, *lease, a.id))
    d.SetValueAndShowSection("PANEL_HTML", html, "RECORD_PANELS");
  return ctx.page("journal_activity", a.title, d);
}

// ---- home panel ----------------------------------------------------------------------------

std::string follow_ups_panel(Context& ctx) {
  if (!ctx.user()) return "";
  auto lease = ctx.app.db().acquire();
  auto open = open_follow_ups_of(*lease, ctx.user()->id);
  if (open.empty()) return "";
  core::Network n = core::load_network(*lease);
  Viewer v = viewer(ctx, n);
  web::Dict d("journal_home_follow_ups");
  d.SetValue("CSRF", ctx.csrf);
  int shown = 0;
  for (const auto& fu : open) {
    if (!may_see(v, fu.activity_visibility, fu.activity_team_id)) continue;
    auto* row = d.AddSectionDictionary("FOLLOW_UPS");
    row->SetValue("FU_ID", fu.id);
    row->SetValue("FU_TEXT", fu.text);
    row->SetValue("ACTIVITY_ID", fu.activity_id);
    row->SetValue("ACTIVITY_TITLE", fu.activity_title);
    if (!fu.due_date.empty()) row->SetValueAndShowSection("FU_DUE", fu.due_date, "HAS_DUE");
    ++shown;
  }
  if (!shown) return "";
  return web::render(ctx.lang, "journal_home_follow_ups", d);
}

}  // namespace samen::journal
