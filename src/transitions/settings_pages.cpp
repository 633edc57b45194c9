// A setting's part of its directory service's staff page (the record panel
// "directory.service": kind, capacity, ages, languages, school year) and its
// form, for the staff of the service's organisation, coordinators and admins.
// A setting is keyed by the service's id; saving the form for a service
// that is no setting yet makes it one.
#include <charconv>

#include "app/app.hpp"
#include "app/write.hpp"
#include "core/history.hpp"
#include "core/permissions.hpp"
#include "transitions/handlers.hpp"
#include "transitions/store.hpp"
#include "util/text.hpp"
#include "web/render.hpp"

namespace samen::transitions {

using app::Context;
using app::HttpError;

namespace {

std::string service_href(const std::string& id) { return "/directory/services/" + http::url_encode(id); }
std::string form_href(const std::string& id) { return "/transitions/settings/" + http::url_encode(id) + "/edit"; }

std::string months_text(const std::optional<std::int64_t>& m) { return m ? std::to_string(*m) : ""; }

// A whole number of at most 6 digits, nullopt when empty; `bad` when it is something else.
std::optional<std::int64_t> small_number(const std::string& text, bool& bad) {
  std::string t = text::trimmed(text);
  if (t.empty()) return std::nullopt;
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || p != t.data() + t.size() || t.size() > 6) {
    bad = true;
    return std::nullopt;
  }
  return v;
}

core::Snapshot snapshot(const Setting& s) {
  return {{"kind", s.kind},
          {"capacity", months_text(s.capacity)},
          {"age_min_months", months_text(s.age_min_months)},
          {"age_max_months", months_text(s.age_max_months)},
          {"languages", join(s.languages)},
          {"year_start", s.year_start},
          {"year_end", s.year_end}};
}

ServiceRef service_or_404(store::Connection& c, const std::string& id) {
  auto s = service_ref(c, id);
  if (!s) throw HttpError(404, "not_found", "error.not_found");
  return *s;
}

void check_may_edit(const accounts::User& u, const ServiceRef& s) {
  if (!core::acts_for(u, s.organization_id)) throw HttpError(403, "forbidden", "transitions.error.not_owner");
}

http::Response form_page(Context& ctx, const ServiceRef& service, const http::Form& f, const FieldErrors& errors,
                         int status, bool stale = false) {
  web::Dict d = ctx.content_dict();
  d.SetValue("ID", service.id);
  d.SetValue("SERVICE_NAME", service.name);
  d.SetValue("SERVICE_HREF", service_href(service.id));
  d.SetValue("ACTION", form_href(service.id));
  d.SetValue("CSRF", ctx.csrf);
  d.SetValue("VERSION", f.get("version"));
  d.SetValue("CAPACITY", f.get("capacity"));
  d.SetValue("AGE_MIN", f.get("age_min_months"));
  d.SetValue("AGE_MAX", f.get("age_max_months"));
  d.SetValue("LANGUAGES", f.get("languages"));
  d.SetValue("YEAR_START", f.get("year_start"));
  d.SetValue("YEAR_END", f.get("year_end"));
  for (const auto& k : kKinds) {
    auto* o = d.AddSectionDictionary("KIND_OPTIONS");
    o->SetValue("VALUE", k);
    o->SetValue("LABEL", ctx.t("transitions.kind." + k));
    if (f.get("kind") == k) o->ShowSection("SELECTED");
  }
  if (stale) d.ShowSection("STALE");
  for (const auto& [field, key] : errors) {
    d.ShowSection("HAS_ERRORS");
    auto* e = d.AddSectionDictionary("ERROR_LIST");
    e->SetValue("TARGET", "ts-" + field);
    e->SetValue("MESSAGE", ctx.t(key));
  }
  return ctx.page("transitions_setting_form", ctx.t("transitions.setting.edit"), d, status);
}

http::Fields fields_of(const Setting& s) {
  return {{"kind", s.kind},
          {"capacity", months_text(s.capacity)},
          {"age_min_months", months_text(s.age_min_months)},
          {"age_max_months", months_text(s.age_max_months)},
          {"languages", join(s.languages, ", ")},
          {"year_start", s.year_start},
          {"year_end", s.year_end},
          {"version", s.version ? std::to_string(s.version) : ""}};
}

}  // namespace

std::string service_panel(Context& ctx, store::Connection& c, const std::string& service_id) {
  const accounts::User* u = ctx.user();
  if (!u) return "";
  auto service = service_ref(c, service_id);
  if (!service) return "";
  auto s = load_setting(c, service_id);
  bool may_edit = core::acts_for(*u, service->organization_id);
  if (!s && !may_edit) return "";
  web::Dict d("panel");
  if (s) {
    d.ShowSection("IS_SETTING");
    d.SetValue("KIND", ctx.t("transitions.kind." + s->kind));
    if (s->capacity) d.SetValueAndShowSection("CAPACITY", std::to_string(*s->capacity), "HAS_CAPACITY");
    if (s->age_min_months || s->age_max_months) {
      d.ShowSection("HAS_AGES");
      d.SetValue("AGE_MIN", months_text(s->age_min_months));
      d.SetValue("AGE_MAX", months_text(s->age_max_months));
    }
    if (!s->languages.empty()) d.SetValueAndShowSection("LANGUAGES", join(s->languages, ", "), "HAS_LANGUAGES");
    d.SetValue("YEAR_START", s->year_start);
    d.SetValue("YEAR_END", s->year_end);
  } else {
    d.ShowSection("NOT_SETTING");
  }
  if (may_edit) d.SetValueAndShowSection("EDIT_HREF", form_href(service_id), "CAN_EDIT");
  return web::render(ctx.lang, "transitions_service_panel", d);
}

http::Response setting_form_page(Context& ctx) {
  std::string id = path_id(ctx);
  auto lease = ctx.app.db().acquire();
  ServiceRef service = service_or_404(*lease, id);
  check_may_edit(me(ctx), service);
  Setting s;
  if (auto existing = load_setting(*lease, id)) s = *existing;
  return form_page(ctx, service, http::Form(fields_of(s)), {}, 200);
}

http::Response setting_save_page(Context& ctx) {
  std::string id = path_id(ctx);
  const auto& f = ctx.form();
  Setting next;
  next.id = id;
  next.kind = f.get("kind");
  FieldErrors errors;
  bool bad = false;
  next.capacity = small_number(f.get("capacity"), bad);
  if (bad) errors["capacity"] = "transitions.error.capacity";
  bad = false;
  next.age_min_months = small_number(f.get("age_min_months"), bad);
  if (bad) errors["age_min_months"] = "transitions.error.age";
  bad = false;
  next.age_max_months = small_number(f.get("age_max_months"), bad);
  if (bad) errors["age_max_months"] = "transitions.error.age";
  next.languages = parse_languages(f.get("languages"));
  next.year_start = text::trimmed(f.get("year_start"));
  next.year_end = text::trimmed(f.get("year_end"));
  for (auto& [field, key] : validate_setting(next)) errors.emplace(field, key);
  std::optional<std::int64_t> expected;
  if (std::string v = text::trimmed(f.get("version")); !v.empty()) {
    bool bad_version = false;
    expected = small_number(v, bad_version);
    if (bad_version) throw HttpError(400, "bad_request", "error.bad_request");
  }
  ServiceRef service = [&] {
    auto lease = ctx.app.db().acquire();
    return service_or_404(*lease, id);
  }();
  check_may_edit(me(ctx), service);
  if (!errors.empty()) return form_page(ctx, service, f, errors, 422);
  try {
    app::write(ctx, [&](app::Change& change) {
      auto before = load_setting(change.db, id);
      // The version the editor read (the form always sends it; empty for a
      // service that was no setting yet); a post without one is checked by the transaction alone.
      if (before && expected) app::check_version(expected, before->version);
      else if (!before && expected) throw app::StaleVersion();  // it was a setting when the editor read it
      upsert_setting(change.db, next, change.now());
      auto changes = core::diff(before ? snapshot(*before) : core::Snapshot{}, snapshot(next));
      core::record_history(change, "transitions.setting", id, before ? "update" : "create", changes);
      change.audit(before ? "transitions.setting.update" : "transitions.setting.create", "transitions_setting", id,
                   core::changed_field_list(changes));
    });
  } catch (const app::StaleVersion&) {
    return form_page(ctx, service, f, {}, 409, true);
  }
  return http::Response::redirect(service_href(id) + "#transitions-setting");
}

}  // namespace samen::transitions
