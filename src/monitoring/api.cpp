// The survey waves' JSON API, for coordinators and admins:
// /api/v1/network/waves (list, create), /{id} (get), /{id}/close,
// /{id}/invitations (list, invite), /{id}/reminders, /{id}/responses (the
// submitted answer sets), /{id}/metrics (?ties=reported|confirmed) and
// /{id}/comparison?with=ID (the change since another wave).
// Changes go through the write path (audit in the same transaction); reads of
// respondents' e-mail addresses and of the answers are audited.
#include <nlohmann/json.hpp>

#include "app/api.hpp"
#include "app/app.hpp"
#include "app/write.hpp"
#include "monitoring/comparison.hpp"
#include "monitoring/diagram.hpp"
#include "monitoring/exports.hpp"
#include "monitoring/handlers.hpp"
#include "monitoring/waves.hpp"
#include "notify/module.hpp"
#include "util/text.hpp"

namespace samen::monitoring {

using app::Context;
using app::HttpError;
using nlohmann::json;

namespace {

// The field a refusal is about, for the 422 answer's "fields".
std::string field_of(const std::string& key) {
  static const std::map<std::string, std::string> fields = {
      {"monitoring.error.name", "name"},
      {"monitoring.error.team_unknown", "team_id"},
      {"monitoring.error.outside_team", "organization_ids"},
      {"monitoring.error.organization_twice", "organization_ids"},
      {"monitoring.error.too_few_organizations", "organization_ids"},
      {"monitoring.error.organization_unknown", "organization_ids"},
      {"monitoring.error.outside_wave", "organization_id"},
      {"monitoring.error.email", "email"},
      {"monitoring.error.same_wave", "with"}};
  auto it = fields.find(key);
  return it == fields.end() ? "" : it->second;
}

// A WaveError as the API's error answer: 422 with "fields", the others through HttpError.
http::Response refusal(Context& ctx, const WaveError& e) {
  if (e.status == 422) {
    std::string field = field_of(e.key);
    json fields = json::object();
    if (!field.empty()) fields[field] = ctx.t(e.key);
    return app::validation_failed(ctx.t(e.key), std::move(fields));
  }
  const char* code = e.status == 404 ? "not_found" : e.status == 403 ? "forbidden" : "conflict";
  throw HttpError(e.status, code, e.key);
}

// Runs a handler's body; a WaveError becomes its answer.
template <class Fn>
http::Response answer(Context& ctx, Fn&& fn) {
  try {
    return fn();
  } catch (const WaveError& e) {
    return refusal(ctx, e);
  }
}

json wave_json(const Wave& w) {
  return {{"id", w.id},
          {"version", w.version},
          {"name", w.name},
          {"team_id", w.team_id ? json(*w.team_id) : json(nullptr)},
          {"organization_ids", w.organization_ids},
          {"opened_at", app::rfc3339(w.opened_at)},
          {"closed_at", app::rfc3339_or_null(w.closed_at)}};
}

http::Response wave_response(int status, const Wave& w) {
  auto res = app::json_response(status, wave_json(w));
  res.set_header("ETag", app::etag(w.version));
  return res;
}

json invitation_json(const Invitation& i) {
  return {{"id", i.id},
          {"organization_id", i.organization_id},
          {"email", i.email},
          {"name", i.name},
          {"lang", i.lang},
          {"invited_at", app::rfc3339(i.invited_at)},
          {"reminded_at", app::rfc3339_or_null(i.reminded_at)},
          {"reminders", i.reminders},
          {"submitted_at", app::rfc3339_or_null(i.submitted_at)}};
}

json rating_json(const std::array<std::optional<int>, 3>& r) {
  json out = json::array();
  for (const auto& v : r) out.push_back(v ? json(*v) : json(nullptr));
  return out;
}

Wave wave_or_404(store::Connection& c, Context& ctx) {
  std::string id = ctx.param("id");
  std::optional<Wave> w;
  if (!id.empty() && id.size() <= 100) w = load_wave(c, id);
  if (!w) throw HttpError(404, "not_found", "error.not_found");
  return *w;
}

// The survey link's start: Samen's public address + /survey/ ("" when unknown).
std::string link_base(const Context& ctx) {
  std::string base = notify::public_url(ctx.app);
  return base.empty() ? "" : base + "/survey/";
}

std::string string_member(const json& body, const char* name) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return "";
  if (!it->is_string()) throw HttpError(400, "bad_request", "error.bad_request");
  return it->get<std::string>();
}

template <class T, class ToJson>
http::Response page_of(Context& ctx, const std::vector<T>& all, ToJson to_json) {
  auto page = app::page_request(ctx);
  json items = json::array();
  for (auto i = static_cast<std::size_t>(page.offset());
       i < all.size() && items.size() < static_cast<std::size_t>(page.per_page); ++i)
    items.push_back(to_json(all[i]));
  return app::json_response(200, app::page_json(page, static_cast<std::int64_t>(all.size()), std::move(items)));
}

}  // namespace

http::Response api_waves(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  return page_of(ctx, list_waves(*lease), wave_json);
}

http::Response api_create_wave(Context& ctx) {
  json body = app::json_body(ctx);
  if (!body.is_object()) throw HttpError(400, "bad_request", "error.bad_request");
  NewWave nw;
  nw.name = string_member(body, "name");
  std::string team = string_member(body, "team_id");
  if (!team.empty()) nw.team_id = team;
  if (auto it = body.find("organization_ids"); it != body.end() && !it->is_null()) {
    if (!it->is_array()) throw HttpError(400, "bad_request", "error.bad_request");
    for (const auto& o : *it) {
      if (!o.is_string()) throw HttpError(400, "bad_request", "error.bad_request");
      nw.organization_ids.push_back(o.get<std::string>());
    }
  }
  nw.created_by = ctx.user()->id;
  return answer(ctx, [&] {
    Wave w = app::write(ctx, [&](app::Change& change) {
      Wave made = create_wave(change.db, nw, change.now());
      change.audit("monitoring.wave.create", "monitoring_wave", made.id, made.name);
      return made;
    });
    return wave_response(201, w);
  });
}

http::Response api_wave(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  return wave_response(200, wave_or_404(*lease, ctx));
}

namespace {

// Closing, the version named in If-Match checked in the transaction.
http::Response close_answer(Context& ctx) {
  return answer(ctx, [&] {
    Wave w = app::write(ctx, [&](app::Change& change) {
      Wave before = wave_or_404(change.db, ctx);
      app::check_version(app::if_match_version(ctx), before.version);
      close_wave(change.db, before.id, change.now());
      change.audit("monitoring.wave.close", "monitoring_wave", before.id, "");
      return *load_wave(change.db, before.id);
    });
    return wave_response(200, w);
  });
}

}  // namespace

http::Response api_close_wave(Context& ctx) {
  try {
    return close_answer(ctx);
  } catch (const app::StaleVersion&) {  // only If-Match names a version here: HTTP's precondition
    return app::json_response(
        412, {{"error", {{"code", "precondition_failed"}, {"message", ctx.t("error.precondition_failed")}}}});
  }
}

http::Response api_invitations(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  Wave w = wave_or_404(*lease, ctx);
  ctx.audit("monitoring.invitations.read", "monitoring_wave", w.id, "api");  // respondents' addresses
  return page_of(ctx, invitations(*lease, w.id), invitation_json);
}

http::Response api_invite(Context& ctx) {
  json body = app::json_body(ctx);
  if (!body.is_object()) throw HttpError(400, "bad_request", "error.bad_request");
  Invitee who;
  who.organization_id = string_member(body, "organization_id");
  who.email = string_member(body, "email");
  who.name = string_member(body, "name");
  who.lang = string_member(body, "lang");
  std::string base = link_base(ctx);
  return answer(ctx, [&] {
    Invitation inv = app::write(ctx, [&](app::Change& change) {
      Wave w = wave_or_404(change.db, ctx);
      invite(change.db, ctx.app.catalog(), w.id, who, base, change.now());
      change.audit("monitoring.invitation.create", "monitoring_wave", w.id, who.organization_id);
      for (auto& i : invitations(change.db, w.id))
        if (i.organization_id == who.organization_id) return i;
      throw std::logic_error("the invitation just made is missing");
    });
    json j = invitation_json(inv);
    j["mailed"] = !base.empty();
    return app::json_response(201, j);
  });
}

http::Response api_remind(Context& ctx) {
  std::string base = link_base(ctx);
  return answer(ctx, [&] {
    std::size_t sent = app::write(ctx, [&](app::Change& change) {
      Wave w = wave_or_404(change.db, ctx);
      std::size_t n = remind(change.db, ctx.app.catalog(), w.id, base, change.now());
      change.audit("monitoring.invitation.remind", "monitoring_wave", w.id, std::to_string(n));
      return n;
    });
    return app::json_response(200, {{"sent", sent}});
  });
}

http::Response api_responses(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  Wave w = wave_or_404(*lease, ctx);
  std::vector<Invitation> answered;
  for (auto& i : invitations(*lease, w.id))
    if (i.submitted_at) answered.push_back(std::move(i));
  ctx.audit("monitoring.responses.read", "monitoring_wave", w.id, "api");
  auto& c = *lease;
  return page_of(ctx, answered, [&](const Invitation& i) {
    json ties = json::array();
    for (const auto& t : tie_answers(c, i.id))
      ties.push_back({{"target_id", t.target_id},
                      {"contact_frequency", t.frequency ? json(*t.frequency) : json(nullptr)},
                      {"integration", t.integration ? json(*t.integration) : json(nullptr)},
                      {"trust", rating_json(t.trust)},
                      {"value", rating_json(t.value)},
                      {"resources", t.resources}});
    return json{{"organization_id", i.organization_id},
                {"submitted_at", app::rfc3339_or_null(i.submitted_at)},
                {"ties", ties},
                {"self_assessment", factor_scores(c, i.id)}};
  });
}

http::Response api_metrics(Context& ctx) {
  std::string ties = ctx.req.query_param("ties").value_or("reported");
  if (ties != "reported" && ties != "confirmed") throw HttpError(400, "bad_request", "monitoring.error.ties");
  auto lease = ctx.app.db().acquire();
  Wave w = wave_or_404(*lease, ctx);
  json j = to_json(wave_metrics(*lease, w.id, ties == "confirmed"));
  j["ties"] = ties;
  return app::json_response(200, j);
}

http::Response api_comparison(Context& ctx) {
  std::string ties = ctx.req.query_param("ties").value_or("reported");
  if (ties != "reported" && ties != "confirmed") throw HttpError(400, "bad_request", "monitoring.error.ties");
  std::string with = ctx.req.query_param("with").value_or("");
  if (with.empty() || with.size() > 100) throw HttpError(400, "bad_request", "monitoring.error.with");
  auto lease = ctx.app.db().acquire();
  Wave w = wave_or_404(*lease, ctx);
  return answer(ctx, [&] {
    return app::json_response(200, to_json(compare_waves(*lease, w.id, with, ties == "confirmed")));
  });
}

// The diagram's data: the organisations shown with their positions, the ties (diagram.hpp).
http::Response api_diagram(Context& ctx) {
  std::optional<store::Lease> lease(ctx.app.db().acquire());
  Wave w = wave_or_404(**lease, ctx);
  core::Network net = core::load_network(**lease, true);
  DiagramFilter filter;
  try {
    filter = parse_diagram_filter([&](std::string_view k) { return ctx.req.query_param(k); }, net);
  } catch (const WaveError& e) {
    throw HttpError(400, "bad_request", e.key);
  }
  WaveData data = load_wave_data(**lease, w.id);
  auto profiles = load_profiles(**lease);
  lease.reset();
  return app::json_response(200, to_json(build_diagram(data, net, profiles, filter, ctx.lang)));
}

// The whole wave's network as GraphML (exports.hpp).
http::Response api_graphml(Context& ctx) {
  std::string ties = ctx.req.query_param("ties").value_or("reported");
  if (ties != "reported" && ties != "confirmed") throw HttpError(400, "bad_request", "monitoring.error.ties");
  NetworkExport e = load_network_export(ctx, ctx.param("id"), ties == "confirmed");
  auto r = http::Response::text(200, write_graphml(e), "application/graphml+xml; charset=utf-8");
  r.set_header("Cache-Control", "no-store");
  return r;
}

}  // namespace samen::monitoring
