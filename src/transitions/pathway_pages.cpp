// Transition pathways' page and API (pathways.hpp): /transitions/pathways
// (filters by school year, team and municipality; the picture, its table,
// the settings without a partner pathway, and the form where staff of the
// sending or receiving setting's organisation and coordinators enter a
// year's count) and GET/POST /api/v1/transitions/pathways, PUT
// /api/v1/transitions/pathways/{id}. Entered counts go through app::write
// with their field history and audit entry.
#include <charconv>
#include <nlohmann/json.hpp>

#include "app/api.hpp"
#include "app/app.hpp"
#include "app/write.hpp"
#include "core/brussels.hpp"
#include "core/history.hpp"
#include "core/network.hpp"
#include "core/permissions.hpp"
#include "transitions/handlers.hpp"
#include "transitions/pathways.hpp"
#include "transitions/store.hpp"
#include "util/text.hpp"
#include "web/render.hpp"

namespace samen::transitions {

using app::Context;
using app::HttpError;
using nlohmann::json;

namespace {

struct Invalid {
  FieldErrors errors;
};

// ?year (or ?school_year on the API), ?team, ?municipality; a bad year or municipality → 400.
PathwayFilter filter_of(const Context& ctx, const char* year_name) {
  PathwayFilter f;
  auto q = [&](const char* name) { return text::trimmed(ctx.req.query_param(name).value_or("").substr(0, 100)); };
  if (std::string y = q(year_name); !y.empty()) {
    f.school_year = parse_school_year(y);
    if (!f.school_year) throw HttpError(400, "bad_request", "transitions.pathway.error.school_year");
  }
  f.team_id = q("team");
  f.municipality = q("municipality");
  if (!f.municipality.empty() && !core::municipality_by_nis(f.municipality))
    throw HttpError(400, "bad_request", "transitions.pathway.error.municipality");
  return f;
}

std::optional<std::int64_t> count_of(const std::string& text) {
  std::string t = text::trimmed(text);
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (t.empty() || t.size() > 6 || ec != std::errc() || p != t.data() + t.size()) return std::nullopt;
  return v;
}

core::Snapshot snapshot(const EnteredCount& e) { return {{"children", std::to_string(e.children)}}; }

// Checks the settings and the caller's right (before saying whether a count
// exists), then writes the year's count for the pair (a new record, or the
// existing one's update); `expected` the version the caller read, for updates.
enum class Mode { set, create, update };  // the page's form sets; POST creates (409 when it exists); PUT updates
EnteredCount write_count(app::Change& change, EnteredCount next, std::optional<std::int64_t> expected, Mode mode) {
  FieldErrors errors;
  auto from = load_setting(change.db, next.sending_id);
  auto to = load_setting(change.db, next.receiving_id);
  if (!from) errors["sending_setting_id"] = "transitions.error.setting";
  if (!to) errors["receiving_setting_id"] = "transitions.error.setting";
  if (!errors.empty()) throw Invalid{errors};
  if (!may_enter_pathway(change.user(), from->organization_id, to->organization_id))
    throw HttpError(403, "forbidden", "transitions.pathway.error.not_party");
  auto before = next.id.empty() ? find_entered(change.db, next.sending_id, next.receiving_id, next.school_year)
                                : load_entered(change.db, next.id);
  if (mode == Mode::update && !before) throw HttpError(404, "not_found", "error.not_found");
  if (mode == Mode::create && before) throw HttpError(409, "exists", "transitions.pathway.error.exists");
  if (before) {
    // The form names the version it read, 0 when it showed no count: a count
    // saved meanwhile by someone else is a conflict, not silently replaced.
    app::check_version(mode == Mode::set ? expected.value_or(0) : expected, before->version);
    EnteredCount updated = *before;
    updated.children = next.children;
    save_entered(change.db, updated, change.now(), change.user().id);
    auto changes = core::diff(snapshot(*before), snapshot(updated));
    core::record_history(change, "transitions.pathway", updated.id, "update", changes);
    change.audit("transitions.pathway.update", "transitions_pathway", updated.id, core::changed_field_list(changes));
    return updated;
  }
  save_entered(change.db, next, change.now(), change.user().id);
  core::record_history(change, "transitions.pathway", next.id, "create", core::diff({}, snapshot(next)));
  change.audit("transitions.pathway.create", "transitions_pathway", next.id,
               next.sending_id + " -> " + next.receiving_id + " " + std::to_string(next.school_year));
  return next;
}

bool may_enter_any(const accounts::User& u) {
  return core::acts_for_whole_network(u) || (u.role == accounts::Role::partner && !u.organizations.empty());
}

void options(web::Dict& d, const char* section, const std::vector<std::pair<std::string, std::string>>& items,
             const std::string& selected) {
  for (const auto& [value, label] : items) {
    auto* o = d.AddSectionDictionary(section);
    o->SetValue("VALUE", value);
    o->SetValue("LABEL", label);
    if (value == selected) o->ShowSection("SELECTED");
  }
}

// The page; `form` refills the count form (a row's edit link fills it with
// the stored count and its version), `stale` the count someone else saved
// meanwhile (409: the input kept, the version read replaced by the current
// one so saving again replaces it on purpose).
http::Response render_page(Context& ctx, const http::Form& form, const FieldErrors& errors, int status,
                           const std::optional<EnteredCount>& stale = std::nullopt) {
  PathwayFilter f = filter_of(ctx, "year");
  PathwayView v;
  core::Network network;
  std::vector<Setting> settings;
  {
    auto lease = ctx.app.db().acquire();
    v = load_pathways(*lease, f);
    network = core::load_network(*lease);
    settings = list_settings(*lease);
  }
  web::Dict d = ctx.content_dict();
  std::vector<std::pair<std::string, std::string>> items;
  for (int y : v.school_years) items.emplace_back(std::to_string(y), school_year_label(y));
  options(d, "YEAR_OPTIONS", items, f.school_year ? std::to_string(*f.school_year) : "");
  items.clear();
  for (const auto& t : network.teams) items.emplace_back(t.id, t.name.in(ctx.lang));
  options(d, "TEAM_OPTIONS", items, f.team_id);
  items.clear();
  for (const auto& m : core::brussels_municipalities()) items.emplace_back(m.nis_code, m.name(ctx.lang));
  options(d, "MUNICIPALITY_OPTIONS", items, f.municipality);

  auto kind = [&](const std::string& k) { return ctx.t("transitions.kind." + k); };
  auto name = [&](const std::string& id) {
    const auto* s = v.setting(id);
    return s ? s->name : id;
  };
  const std::string fewer = ctx.tf("transitions.pathways.fewer_than", {{"n", kSmallestShown}});
  if (v.pathways.empty()) d.ShowSection("NONE");
  else d.ShowSection("HAS_PATHWAYS");
  for (const auto& p : v.pathways) {
    auto* r = d.AddSectionDictionary("PATHWAYS");
    r->SetValue("YEAR", school_year_label(p.school_year));
    r->SetValue("FROM", name(p.sending_id));
    r->SetValue("FROM_KIND", kind(v.setting(p.sending_id)->kind));
    r->SetValue("TO", name(p.receiving_id));
    r->SetValue("TO_KIND", kind(v.setting(p.receiving_id)->kind));
    r->SetValue("ENTERED", p.entered ? std::to_string(*p.entered) : "—");
    if (p.entered && may_enter_any(me(ctx))) {
      r->ShowSection("CAN_EDIT");
      r->SetValue("EDIT_ID", p.entered_id);
    }
    r->SetValue("DERIVED", p.derived_shown() ? std::to_string(*p.derived_shown()) : p.derived_hidden() ? fewer : "—");
  }
  if (!v.pathways.empty()) {
    PathwayPictureText t;
    t.title = ctx.t("transitions.pathways.picture");
    t.description = ctx.t("transitions.pathways.picture_description");
    t.table_id = "pathways-table";
    for (int k = 0; k < 3; ++k) t.kind_label[k] = kind(kKinds[static_cast<std::size_t>(k)]);
    t.fewer_than = fewer;
    t.no_pathway = ctx.t("transitions.pathways.no_pathway");
    d.SetValue("PICTURE", pathway_svg(v, t));
  }
  bool flagged = false;
  for (const auto& s : v.settings) {
    if (s.has_pathway) continue;
    flagged = true;
    auto* r = d.AddSectionDictionary("FLAGGED");
    r->SetValue("NAME", s.name);
    r->SetValue("KIND", kind(s.kind));
  }
  if (!flagged) d.ShowSection("NONE_FLAGGED");

  const accounts::User& u = me(ctx);
  if (may_enter_any(u)) {
    d.ShowSection("CAN_ENTER");
    d.SetValue("CSRF", ctx.csrf);
    items.clear();
    for (const auto& s : settings) items.emplace_back(s.id, s.name + " (" + kind(s.kind) + ")");
    // ?edit=<id>: the form filled with a stored count and the version it was read at.
    http::Form fill = form;
    std::string version = form.get("version");
    if (auto edit = ctx.req.query_param("edit"); edit && form.get("sending_setting_id").empty() && edit->size() <= 100) {
      auto e = load_entered(*ctx.app.db().acquire(), *edit);
      if (!e) throw HttpError(404, "not_found", "error.not_found");
      fill = http::Form(http::Fields{{"sending_setting_id", e->sending_id},
                                     {"receiving_setting_id", e->receiving_id},
                                     {"school_year", school_year_label(e->school_year)},
                                     {"children", std::to_string(e->children)}});
      version = std::to_string(e->version);
    }
    if (stale) {
      d.ShowSection("STALE");
      d.SetValue("STALE_MESSAGE", ctx.tf("transitions.pathway.stale", {{"n", stale->children}}));
      version = std::to_string(stale->version);
    }
    options(d, "FROM_OPTIONS", items, fill.get("sending_setting_id"));
    options(d, "TO_OPTIONS", items, fill.get("receiving_setting_id"));
    d.SetValue("SCHOOL_YEAR", fill.get("school_year"));
    d.SetValue("CHILDREN", fill.get("children"));
    d.SetValue("VERSION", version);
    for (const auto& [field, key] : errors) {
      d.ShowSection("HAS_ERRORS");
      auto* e = d.AddSectionDictionary("ERROR_LIST");
      e->SetValue("TARGET", "pw-" + field);
      e->SetValue("MESSAGE", ctx.t(key));
    }
  }
  return ctx.page("transitions_pathways", ctx.t("transitions.pathways.title"), d, status);
}

json entered_json(const EnteredCount& e) {
  return {{"id", e.id},
          {"version", e.version},
          {"sending_setting_id", e.sending_id},
          {"receiving_setting_id", e.receiving_id},
          {"school_year", e.school_year},
          {"children", e.children},
          {"created_at", app::rfc3339(e.created_at)},
          {"updated_at", app::rfc3339(e.updated_at)},
          {"archived_at", nullptr}};
}

http::Response validation_error(Context& ctx, const FieldErrors& errors) {
  json fields = json::object();
  for (const auto& [field, key] : errors) fields[field] = ctx.t(key);
  return app::validation_failed(ctx.t("transitions.error.validation"), fields);
}

// The body of POST and PUT: settings and year (POST only), children (PUT's version: app::update_version).
EnteredCount count_from_json(const json& j, bool with_pair, FieldErrors& e) {
  EnteredCount c;
  auto str = [&](const char* name) {
    auto it = j.find(name);
    if (it == j.end() || it->is_null()) return std::string();
    if (!it->is_string()) e[name] = "transitions.error.type";
    return it->is_string() ? it->get<std::string>() : std::string();
  };
  std::optional<int> year;
  if (with_pair) {
    c.sending_id = str("sending_setting_id");
    c.receiving_id = str("receiving_setting_id");
    if (auto it = j.find("school_year"); it != j.end() && it->is_number_integer())
      year = parse_school_year(std::to_string(it->get<std::int64_t>()));
    else if (it != j.end() && it->is_string())
      year = parse_school_year(it->get<std::string>());
  }
  std::optional<std::int64_t> children;
  if (auto it = j.find("children"); it != j.end() && it->is_number_integer()) children = it->get<std::int64_t>();
  auto v = validate_pathway(with_pair ? c.sending_id : "-", with_pair ? c.receiving_id : "+",
                            with_pair ? year : std::optional<int>(2000), children);
  e.insert(v.begin(), v.end());
  c.school_year = year.value_or(0);
  c.children = children.value_or(0);
  return c;
}

}  // namespace

http::Response pathways_page(Context& ctx) { return render_page(ctx, http::Form(http::Fields{}), {}, 200); }

http::Response pathway_save_page(Context& ctx) {
  const auto& f = ctx.form();
  EnteredCount next;
  next.sending_id = f.get("sending_setting_id");
  next.receiving_id = f.get("receiving_setting_id");
  auto year = parse_school_year(f.get("school_year"));
  auto children = count_of(f.get("children"));
  FieldErrors errors = validate_pathway(next.sending_id, next.receiving_id, year, children);
  if (!errors.empty()) return render_page(ctx, f, errors, 422);
  next.school_year = *year;
  next.children = *children;
  std::optional<std::int64_t> read_version = count_of(f.get("version"));  // empty: the form showed no count
  try {
    app::write(ctx, [&](app::Change& change) { next = write_count(change, next, read_version, Mode::set); });
  } catch (const Invalid& e) {
    return render_page(ctx, f, e.errors, 422);
  } catch (const app::StaleVersion&) {
    auto now = find_entered(*ctx.app.db().acquire(), next.sending_id, next.receiving_id, next.school_year);
    return render_page(ctx, f, {}, 409, now);
  }
  return http::Response::redirect("/transitions/pathways?year=" + std::to_string(next.school_year));
}

http::Response api_pathways(Context& ctx) {
  PathwayFilter f = filter_of(ctx, "school_year");
  auto page = app::page_request(ctx);
  PathwayView v = [&] {
    auto lease = ctx.app.db().acquire();
    return load_pathways(*lease, f);
  }();
  json items = json::array();
  for (auto i = static_cast<std::size_t>(page.offset());
       i < v.pathways.size() && items.size() < static_cast<std::size_t>(page.per_page); ++i) {
    const auto& p = v.pathways[i];
    items.push_back({{"sending_setting_id", p.sending_id},
                     {"sending_setting_name", v.setting(p.sending_id)->name},
                     {"sending_kind", v.setting(p.sending_id)->kind},
                     {"receiving_setting_id", p.receiving_id},
                     {"receiving_setting_name", v.setting(p.receiving_id)->name},
                     {"receiving_kind", v.setting(p.receiving_id)->kind},
                     {"school_year", p.school_year},
                     {"entered", p.entered ? json{{"id", p.entered_id}, {"version", p.entered_version},
                                                  {"children", *p.entered}}
                                           : json(nullptr)},
                     {"handover_count", p.derived_shown() ? json(*p.derived_shown()) : json(nullptr)},
                     {"handover_count_below", p.derived_hidden() ? json(kSmallestShown) : json(nullptr)}});
  }
  json out = app::page_json(page, static_cast<std::int64_t>(v.pathways.size()), std::move(items));
  json flagged = json::array();
  for (const auto& s : v.settings)
    if (!s.has_pathway) flagged.push_back({{"id", s.id}, {"name", s.name}, {"kind", s.kind}});
  out["settings_without_pathway"] = flagged;
  return app::json_response(200, out);
}

http::Response api_create_pathway(Context& ctx) {
  json j = app::json_body(ctx);
  if (!j.is_object()) throw HttpError(400, "bad_request", "error.bad_request");
  FieldErrors errors;
  EnteredCount next = count_from_json(j, true, errors);
  if (!errors.empty()) return validation_error(ctx, errors);
  try {
    app::write(ctx, [&](app::Change& change) {
      next = write_count(change, next, std::nullopt, Mode::create);
    });
  } catch (const Invalid& e) {
    return validation_error(ctx, e.errors);
  }
  auto res = app::json_response(201, entered_json(next));
  res.set_header("ETag", app::etag(next.version));
  return res;
}

http::Response api_update_pathway(Context& ctx) {
  std::string id = path_id(ctx);
  json j = app::json_body(ctx);
  if (!j.is_object()) throw HttpError(400, "bad_request", "error.bad_request");
  FieldErrors errors;
  app::UpdateVersion version = app::update_version(ctx, j, errors, "transitions.error.type");
  EnteredCount next = count_from_json(j, false, errors);
  if (!errors.empty()) return validation_error(ctx, errors);
  try {
    app::write_update(ctx, version, [&](app::Change& change) {
      auto stored = load_entered(change.db, id);
      if (!stored) throw HttpError(404, "not_found", "error.not_found");
      EnteredCount wanted = *stored;
      wanted.children = next.children;
      next = write_count(change, wanted, version.expected, Mode::update);
    });
  } catch (const Invalid& e) {
    return validation_error(ctx, e.errors);
  }
  auto res = app::json_response(200, entered_json(next));
  res.set_header("ETag", app::etag(next.version));
  return res;
}

}  // namespace samen::transitions
