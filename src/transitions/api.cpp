// The handovers' JSON API (issue 19): POST /api/v1/handovers (staff of the
// sending setting's organisation), GET /api/v1/handovers/{id} (the sender
// reads all of it; staff of a setting a parent consented to read the
// consented parts while the consent runs; anyone else 403), POST
// /api/v1/handovers/{id}/consents and DELETE .../consents/{consent_id}
// (the sender records and withdraws consent), and GET
// /api/v1/transitions/settings. Every read of a handover and every refusal
// is audited in the same transaction as the read; the audit detail names
// ids and parts, never what the parent shared.
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "app/api.hpp"
#include "app/app.hpp"
#include "app/write.hpp"
#include "transitions/handlers.hpp"
#include "transitions/store.hpp"
#include "util/dates.hpp"

namespace samen::transitions {

using app::Context;
using app::HttpError;
using nlohmann::json;

namespace {

http::Response validation_error(Context& ctx, const FieldErrors& errors) {
  json fields = json::object();
  for (const auto& [field, key] : errors) fields[field] = ctx.t(key);
  return app::json_response(
      422, {{"error", {{"code", "validation"}, {"message", ctx.t("transitions.error.validation")}, {"fields", fields}}}});
}

http::Response error_json(Context& ctx, int status, const std::string& code, const std::string& key) {
  return app::json_response(status, {{"error", {{"code", code}, {"message", ctx.t(key)}}}});
}

std::string string_of(const json& j, const char* name, FieldErrors& e) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return "";
  if (!it->is_string()) {
    e[name] = "transitions.error.type";
    return "";
  }
  return it->get<std::string>();
}

std::vector<std::string> strings_of(const json& j, const char* name, FieldErrors& e) {
  std::vector<std::string> out;
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return out;
  if (!it->is_array()) {
    e[name] = "transitions.error.type";
    return out;
  }
  for (const auto& v : *it) {
    if (!v.is_string()) {
      e[name] = "transitions.error.type";
      return {};
    }
    out.push_back(v.get<std::string>());
  }
  return out;
}

// A surname or national number is never asked and never kept: a body that brings one is refused.
void refuse_identifiers(const json& body, FieldErrors& e) {
  for (const char* f : {"child_last_name", "child_surname", "last_name", "surname", "family_name", "national_number",
                        "child_national_number", "rijksregisternummer", "child_birth_date", "birth_date"})
    if (body.contains(f)) e[f] = "transitions.error.identifier";
}

std::string today_utc(std::int64_t now) { return dates::format_iso(dates::from_days_since_epoch(now / 86400)); }

json consent_json(const Consent& k) {
  return {{"id", k.id},
          {"receiving_setting_id", k.receiving_setting_id},
          {"given_by", k.details.given_by},
          {"method", k.details.method},
          {"parts", k.details.parts},
          {"given_at", app::rfc3339(k.details.given_at)},
          {"valid_until", app::rfc3339(k.valid_until)},
          {"withdrawn_at", app::rfc3339_or_null(k.withdrawn_at)},
          {"created_at", app::rfc3339(k.created_at)}};
}

// The handover as a reader may see it: the plain facts, and of the contents only `parts`.
json handover_json(const Handover& h, const std::set<std::string>& parts) {
  json j = {{"id", h.id},
            {"version", h.version},
            {"sending_setting_id", h.sending_setting_id},
            {"receiving_setting_id", h.receiving_setting_id},
            {"transition_date", h.transition_date},
            {"language", h.language},
            {"delete_after", app::rfc3339(h.delete_after)},
            {"created_at", app::rfc3339(h.created_at)},
            {"updated_at", app::rfc3339(h.updated_at)},
            {"archived_at", nullptr},
            {"parts", json(std::vector<std::string>(parts.begin(), parts.end()))}};
  const auto& c = h.contents;
  if (parts.count("child")) {
    j["child_first_name"] = c.child_first_name;
    j["child_birth_month"] = c.child_birth_month;
  }
  if (parts.count("home_languages")) j["home_languages"] = c.home_languages;
  if (parts.count("what_helps")) j["what_helps"] = c.what_helps;
  if (parts.count("parent_wishes")) j["parent_wishes"] = c.parent_wishes;
  if (parts.count("health_notes")) j["health_notes"] = c.health_notes;
  return j;
}

}  // namespace

const std::set<std::string>& all_parts() {
  static const std::set<std::string> all(kParts.begin(), kParts.end());
  return all;
}

http::Response api_create_handover(Context& ctx) {
  json body = app::json_body(ctx);
  if (!body.is_object()) throw HttpError(400, "bad_request", "error.bad_json");
  FieldErrors e;
  Handover h;
  h.sending_setting_id = string_of(body, "sending_setting_id", e);
  h.receiving_setting_id = string_of(body, "receiving_setting_id", e);
  h.contents.child_first_name = string_of(body, "child_first_name", e);
  h.contents.child_birth_month = string_of(body, "child_birth_month", e);
  h.contents.home_languages = strings_of(body, "home_languages", e);
  h.contents.what_helps = string_of(body, "what_helps", e);
  h.contents.parent_wishes = string_of(body, "parent_wishes", e);
  h.contents.health_notes = string_of(body, "health_notes", e);
  h.transition_date = string_of(body, "transition_date", e);
  if (h.transition_date.empty()) h.transition_date = today_utc(ctx.now);
  h.language = string_of(body, "language", e);
  if (h.language.empty()) h.language = std::string(i18n::code(ctx.lang));
  refuse_identifiers(body, e);
  for (auto& [field, key] : validate_handover(h)) e.emplace(field, key);
  if (!e.empty()) return validation_error(ctx, e);
  const auto& user = me(ctx);
  return app::write(ctx, [&](app::Change& change) {
    FieldErrors missing = create_handover(change, user, h);
    if (!missing.empty()) return validation_error(ctx, missing);
    auto res = app::json_response(201, handover_json(h, all_parts()));
    res.set_header("ETag", app::etag(h.version));
    return res;
  });
}

FieldErrors create_handover(app::Change& change, const accounts::User& user, Handover& h) {
  auto sending = load_setting(change.db, h.sending_setting_id);
  auto receiving = load_setting(change.db, h.receiving_setting_id);
  FieldErrors missing;
  if (!sending) missing["sending_setting_id"] = "transitions.error.setting";
  if (!receiving) missing["receiving_setting_id"] = "transitions.error.setting";
  if (!missing.empty()) return missing;
  if (standing(user, sending->organization_id) != Standing::sender)
    throw HttpError(403, "forbidden", "transitions.error.not_sender");
  auto& st = state(change.ctx);
  h.created_at = change.now();
  h.created_by = user.id;
  h.delete_after = retention_end(h.transition_date, st.retention_months);
  insert_handover(change.db, st.keyring.current(change.db), h);
  change.audit("transitions.handover.create", "transitions_handover", h.id,
               h.sending_setting_id + " -> " + h.receiving_setting_id);
  return {};
}

Reading read_handover(app::Change& change, const accounts::User& user, const std::string& id) {
  Reading out;
  auto plain = load_handover_plain(change.db, id);
  if (!plain) throw HttpError(404, "not_found", "error.not_found");
  auto orgs = organizations_of(change.db, {plain->sending_setting_id});
  out.standing = standing(user, orgs[plain->sending_setting_id]);
  out.handover = *plain;
  try {
    Key key = state(change.ctx).keyring.current(change.db);
    out.consents = consents_of(change.db, key, id);
    if (out.standing == Standing::sender) {
      out.parts = all_parts();
    } else if (out.standing == Standing::receiver) {
      std::vector<std::string> settings;
      for (const auto& k : out.consents) settings.push_back(k.receiving_setting_id);
      out.parts = consented_parts(out.consents, organizations_of(change.db, settings), user, change.now());
    }
    if (out.parts.empty()) {
      // Not the sender and no running consent for a setting of the caller: nothing, and it is on record.
      change.audit("transitions.handover.refused", "transitions_handover", id, "no consent");
      out.consents.clear();
      out.refused = 403;
      return out;
    }
    out.handover = *load_handover(change.db, key, id);
  } catch (const CryptoError& e) {
    spdlog::warn("{{\"event\":\"transitions.sealed_refused\",\"handover\":\"{}\",\"reason\":\"{}\"}}", id, e.what());
    change.audit("transitions.handover.sealed_refused", "transitions_handover", id, e.what());
    out = Reading{};
    out.refused = 409;
    return out;
  }
  if (out.standing != Standing::sender) out.consents.clear();  // consent details are the sender's
  std::string detail = out.standing == Standing::sender
                           ? "sender"
                           : "receiver: " + join(std::vector<std::string>(out.parts.begin(), out.parts.end()));
  change.audit("transitions.handover.read", "transitions_handover", id, detail);
  return out;
}

http::Response api_get_handover(Context& ctx) {
  std::string id = path_id(ctx);
  const auto& user = me(ctx);
  return app::write(ctx, [&](app::Change& change) -> http::Response {
    Reading r = read_handover(change, user, id);
    if (r.refused == 403) return error_json(ctx, 403, "forbidden", "transitions.error.no_consent");
    if (r.refused == 409) return error_json(ctx, 409, "sealed_damaged", "transitions.error.tampered");
    json j = handover_json(r.handover, r.parts);
    if (r.standing == Standing::sender) {
      json list = json::array();
      for (const auto& k : r.consents) list.push_back(consent_json(k));
      j["consents"] = list;
    }
    auto res = app::json_response(200, j);
    res.set_header("ETag", app::etag(r.handover.version));
    res.set_header("Cache-Control", "no-store");
    return res;
  });
}

http::Response api_add_consent(Context& ctx) {
  std::string id = path_id(ctx);
  json body = app::json_body(ctx);
  if (!body.is_object()) throw HttpError(400, "bad_request", "error.bad_json");
  FieldErrors e;
  Consent k;
  k.handover_id = id;
  k.details.given_by = string_of(body, "given_by", e);
  k.details.method = string_of(body, "method", e);
  k.details.parts = strings_of(body, "parts", e);
  k.receiving_setting_id = string_of(body, "receiving_setting_id", e);
  std::string until = string_of(body, "valid_until", e);
  for (auto& [field, key] : validate_consent(k.details, until, ctx.now)) e.emplace(field, key);
  if (k.receiving_setting_id.empty()) e.emplace("receiving_setting_id", "transitions.error.setting");
  const auto& user = me(ctx);
  return app::write(ctx, [&](app::Change& change) -> http::Response {
    check_sender(change, user, id);
    if (!e.empty()) return validation_error(ctx, e);
    FieldErrors missing = add_consent(change, user, k, until);
    if (!missing.empty()) return validation_error(ctx, missing);
    return app::json_response(201, consent_json(k));
  });
}

Handover check_sender(app::Change& change, const accounts::User& user, const std::string& id) {
  auto h = load_handover_plain(change.db, id);
  if (!h) throw HttpError(404, "not_found", "error.not_found");
  auto orgs = organizations_of(change.db, {h->sending_setting_id});
  if (standing(user, orgs[h->sending_setting_id]) != Standing::sender)
    throw HttpError(403, "forbidden", "transitions.error.not_sender");
  return *h;
}

FieldErrors add_consent(app::Change& change, const accounts::User& user, Consent& k, const std::string& until) {
  if (!load_setting(change.db, k.receiving_setting_id)) return {{"receiving_setting_id", "transitions.error.setting"}};
  k.valid_until = *end_of_day(until);
  k.created_at = change.now();
  k.details.given_at = change.now();
  k.created_by = user.id;
  insert_consent(change.db, state(change.ctx).keyring.current(change.db), k);
  change.audit("transitions.consent.create", "transitions_handover", k.handover_id,
               k.id + " for " + k.receiving_setting_id + ": " + join(k.details.parts));
  return {};
}

http::Response api_withdraw_consent(Context& ctx) {
  std::string id = path_id(ctx);
  std::string consent_id = path_id(ctx, "consent_id");
  const auto& user = me(ctx);
  return app::write(ctx, [&](app::Change& change) -> http::Response {
    check_sender(change, user, id);
    if (!withdraw_consent(change.db, id, consent_id, change.now()))
      throw HttpError(404, "not_found", "transitions.error.no_such_consent");
    change.audit("transitions.consent.withdraw", "transitions_handover", id, consent_id);
    http::Response gone;
    gone.status = 204;
    return gone;
  });
}

http::Response api_settings(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  auto all = list_settings(*lease);
  auto page = app::page_request(ctx);
  json items = json::array();
  for (auto i = static_cast<std::size_t>(page.offset());
       i < all.size() && items.size() < static_cast<std::size_t>(page.per_page); ++i) {
    const auto& s = all[i];
    items.push_back({{"id", s.id},
                     {"version", s.version},
                     {"name", s.name},
                     {"organization_id", s.organization_id},
                     {"kind", s.kind},
                     {"capacity", s.capacity ? json(*s.capacity) : json(nullptr)},
                     {"age_min_months", s.age_min_months ? json(*s.age_min_months) : json(nullptr)},
                     {"age_max_months", s.age_max_months ? json(*s.age_max_months) : json(nullptr)},
                     {"languages", s.languages},
                     {"year_start", s.year_start},
                     {"year_end", s.year_end},
                     {"created_at", app::rfc3339(s.created_at)},
                     {"updated_at", app::rfc3339(s.updated_at)},
                     {"archived_at", nullptr}});
  }
  return app::json_response(200, app::page_json(page, static_cast<std::int64_t>(all.size()), std::move(items)));
}

}  // namespace samen::transitions
