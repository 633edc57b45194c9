// The respondent's survey form (issue 18), reached with the invitation's token
// link and no account: about every other organisation of the wave, contact
// frequency, Himmelman level, trust and value (3 × 1-4 each) and resources,
// plus the self-assessment factors, then one final submit.
//
// Made for 150 organisations on a phone: the overview lists the groups (by
// sector) with their progress, a group or a search (GET ?q=, works without
// JavaScript) shows one small form per organisation, each saved by its own
// POST (htmx swaps the saved form in place; without it the POST redirects back
// to the same place). Coming back with the link shows what was saved. The page
// speaks the respondent's language (the invitation's) unless they chose
// another with the switch. Bad input gives the form back with the input kept
// and a message (422); answering after submit or close, for another
// organisation, about itself or about an organisation outside the wave is
// refused by waves.cpp's rules.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/app.hpp"
#include "app/write.hpp"
#include "core/network.hpp"
#include "monitoring/profiles.hpp"
#include "monitoring/survey_handlers.hpp"
#include "monitoring/waves.hpp"
#include "util/text.hpp"
#include "util/text_fold.hpp"

namespace samen::monitoring {

using app::Context;
using app::HttpError;

namespace {

constexpr std::size_t kMaxQuery = 100;
constexpr const char* kTrustFields[] = {"trust_reliability", "trust_openness", "trust_mission"};
constexpr const char* kValueFields[] = {"value_influence", "value_involvement", "value_resources"};

// An organisation the respondent answers about.
struct Other {
  std::size_t index = 0;  // its place in the wave (stable anchors and element ids)
  std::string id, name, folded, sector;
};

// What one organisation's form shows: the saved answer or the posted input, as text.
struct Shown {
  std::string frequency, integration;
  std::array<std::string, 3> trust, value;
  std::vector<std::string> resources;
};

struct Survey {
  std::string token;
  Invitation inv;
  Wave wave;
  std::string own_name;
  std::vector<Other> others;                   // by name
  std::map<std::string, TieAnswer> answers;    // by organisation answered about
  std::map<std::string, int> factors;          // self-assessment saved so far
};

// The language of the invitation, unless the respondent chose one with the switch.
void respondent_language(Context& ctx, const Invitation& inv) {
  if (ctx.req.query_param("lang") || ctx.req.cookie("samen_lang")) return;
  if (auto l = i18n::parse_lang(inv.lang)) ctx.lang = *l;
}

Survey load_survey(store::Connection& c, Context& ctx) {
  Survey s;
  s.token = ctx.param("token");
  auto inv = invitation_by_token(c, s.token);
  if (!inv) throw HttpError(404, "not_found", "monitoring.error.survey_link");
  s.inv = *inv;
  respondent_language(ctx, s.inv);
  s.wave = *load_wave(c, s.inv.wave_id);
  core::Network net = core::load_network(c, true);
  auto profiles = load_profiles(c);
  for (std::size_t i = 0; i < s.wave.organization_ids.size(); ++i) {
    const auto& id = s.wave.organization_ids[i];
    const auto* org = net.organization(id);
    std::string name = org ? org->name.in(ctx.lang) : id;
    if (id == s.inv.organization_id) {
      s.own_name = name;
      continue;
    }
    s.others.push_back({i, id, name, text::fold(name), profile_of(profiles, id).sector});
  }
  std::sort(s.others.begin(), s.others.end(), [](const Other& a, const Other& b) { return a.folded < b.folded; });
  for (auto& a : tie_answers(c, s.inv.id)) s.answers[a.target_id] = std::move(a);
  s.factors = factor_scores(c, s.inv.id);
  return s;
}

bool is_open(const Survey& s) { return !s.wave.closed_at && !s.inv.submitted_at; }

std::string opt_text(const std::optional<int>& v) { return v ? std::to_string(*v) : ""; }

Shown shown_of(const TieAnswer& a) {
  Shown s;
  s.frequency = a.frequency.value_or("");
  s.integration = a.integration.value_or("");
  for (std::size_t k = 0; k < 3; ++k) s.trust[k] = opt_text(a.trust[k]), s.value[k] = opt_text(a.value[k]);
  s.resources = a.resources;
  return s;
}

bool answered(const TieAnswer& a) { return a.frequency || a.integration; }

// The query string that brings the respondent back to the same list.
std::string list_query(const std::string& group, const std::string& q) {
  std::string out;
  if (!group.empty()) out += "group=" + http::url_encode(group);
  if (!q.empty()) out += std::string(out.empty() ? "" : "&") + "q=" + http::url_encode(q);
  return out;
}

template <std::size_t N>
void add_options(web::Dict& d, const char* section, const std::array<std::string_view, N>& codes,
                 const std::string& prefix, const std::string& chosen, Context& ctx) {
  for (auto code : codes) {
    auto* o = d.AddSectionDictionary(section);
    o->SetValue("VALUE", std::string(code));
    o->SetValue("LABEL", ctx.t(prefix + std::string(code)));
    if (code == chosen) o->ShowSection("SELECTED");
  }
}

void add_ratings(web::Dict& d, const char* section, const char* const (&fields)[3], const char* key_prefix,
                 const std::array<std::string, 3>& chosen, const std::string& idx, Context& ctx) {
  for (std::size_t k = 0; k < 3; ++k) {
    auto* item = d.AddSectionDictionary(section);
    item->SetValue("FIELD", fields[k]);
    item->SetValue("ID", idx + "-" + fields[k]);
    item->SetValue("LABEL", ctx.t(std::string(key_prefix) + fields[k]));
    for (int v = 1; v <= 4; ++v) {
      auto* o = item->AddSectionDictionary("OPTIONS");
      o->SetValue("VALUE", std::to_string(v));
      o->SetValue("LABEL", ctx.t("monitoring.rating." + std::to_string(v)));
      if (chosen[k] == std::to_string(v)) o->ShowSection("SELECTED");
    }
  }
}

// One organisation's form (monitoring_survey_org.tpl), as HTML.
std::string org_form(Context& ctx, const Survey& s, const Other& o, const Shown& shown, const std::string& group,
                     const std::string& q, bool open, bool saved, const std::string& error_key) {
  web::Dict d("org");
  std::string idx = "o" + std::to_string(o.index);
  d.SetValue("IDX", idx);
  d.SetValue("NAME", o.name);
  d.SetValue("FOLDED", o.folded);
  d.SetValue("ACTION", "/survey/" + s.token + "/ties/" + http::url_encode(o.id));
  d.SetValue("SOURCE", s.inv.organization_id);
  d.SetValue("GROUP", group);
  d.SetValue("Q", q);
  d.SetValue("CSRF", ctx.csrf);
  if (open) d.ShowSection("OPEN");
  auto it = s.answers.find(o.id);
  if (it != s.answers.end() && answered(it->second)) d.ShowSection("ANSWERED");
  else d.ShowSection("NOT_ANSWERED");
  if (saved) d.ShowSection("SAVED");
  if (!error_key.empty()) d.SetValueAndShowSection("ERROR_TEXT", ctx.t(error_key), "ERROR");
  add_options(d, "FREQUENCIES", kFrequencies, "monitoring.frequency.", shown.frequency, ctx);
  add_options(d, "LEVELS", kIntegration, "monitoring.integration.", shown.integration, ctx);
  add_ratings(d, "TRUST", kTrustFields, "monitoring.survey.", shown.trust, idx, ctx);
  add_ratings(d, "VALUE", kValueFields, "monitoring.survey.", shown.value, idx, ctx);
  for (auto code : kResources) {
    auto* r = d.AddSectionDictionary("RESOURCES");
    r->SetValue("VALUE", std::string(code));
    r->SetValue("ID", idx + "-res-" + std::string(code));
    r->SetValue("LABEL", ctx.t("monitoring.resource." + std::string(code)));
    if (std::find(shown.resources.begin(), shown.resources.end(), code) != shown.resources.end())
      r->ShowSection("CHECKED");
  }
  return web::render(ctx.lang, "monitoring_survey_org", d);
}

// An error found while reading or saving one organisation's form.
struct FormProblem {
  std::string org_id;
  Shown input;
  std::string key;
};

// What the full page adds: an organisation just saved, or a form with a problem.
struct PageState {
  std::string saved_org;
  std::optional<FormProblem> problem;
  std::map<std::string, std::string> factor_input;  // posted self-assessment with a problem
  std::string factor_error;
};

// The self-assessment as shown: the posted input after a problem, else what was saved.
std::map<std::string, std::string> factor_scores_or_input(const Survey& s, const PageState& state) {
  if (!state.factor_input.empty()) return state.factor_input;
  std::map<std::string, std::string> out;
  for (const auto& [f, v] : s.factors) out[f] = std::to_string(v);
  return out;
}

std::string clamp_query(std::string q) {
  q = text::trimmed(q);
  if (q.size() > kMaxQuery || !text::valid_utf8(q)) q.clear();
  return q;
}

http::Response survey_view(Context& ctx, Survey& s, std::string group, std::string q, const PageState& state,
                           int status) {
  auto d = ctx.content_dict();
  d.SetValue("TOKEN", s.token);
  d.SetValue("WAVE", s.wave.name);
  d.SetValue("OWN", s.own_name);
  d.SetValue("SURVEY_URL", "/survey/" + s.token);
  std::size_t done = 0;
  for (const auto& o : s.others)
    if (auto it = s.answers.find(o.id); it != s.answers.end() && answered(it->second)) ++done;
  d.SetValue("PROGRESS", ctx.tf("monitoring.survey.progress", {{"done", static_cast<std::int64_t>(done)},
                                                               {"total", static_cast<std::int64_t>(s.others.size())}}));
  if (!is_open(s)) {
    if (s.inv.submitted_at) d.ShowSection("SUBMITTED");
    else d.ShowSection("CLOSED");
    return ctx.page("monitoring_survey", s.wave.name, d, status);
  }
  d.ShowSection("OPEN_SURVEY");
  if (std::find(kSectors.begin(), kSectors.end(), group) == kSectors.end()) group.clear();
  d.SetValue("Q", q);
  d.SetValue("SCRIPT_URL", web::asset_url("js/survey.js"));
  d.SetValue("HTMX_URL", web::asset_url("vendor/htmx.min.js"));
  // The groups, in the sectors' order, with their progress.
  for (auto sector : kSectors) {
    std::size_t total = 0, answered_here = 0;
    for (const auto& o : s.others) {
      if (o.sector != sector) continue;
      ++total;
      if (auto it = s.answers.find(o.id); it != s.answers.end() && answered(it->second)) ++answered_here;
    }
    if (total == 0) continue;
    auto* g = d.AddSectionDictionary("GROUPS");
    g->SetValue("HREF", "/survey/" + s.token + "?group=" + std::string(sector));
    g->SetValue("LABEL", ctx.t("monitoring.sector." + std::string(sector)));
    g->SetValue("COUNT", ctx.tf("monitoring.survey.group_progress", {{"done", static_cast<std::int64_t>(answered_here)},
                                                                      {"total", static_cast<std::int64_t>(total)}}));
    if (sector == group) g->ShowSection("CURRENT");
  }
  if (group.empty() && q.empty()) {
    d.ShowSection("OVERVIEW");
    auto scores = factor_scores_or_input(s, state);
    for (auto f : kFactors) {
      auto* row = d.AddSectionDictionary("FACTORS");
      row->SetValue("FIELD", std::string(f));
      row->SetValue("LABEL", ctx.t("monitoring.factor." + std::string(f)));
      for (int v = 1; v <= 5; ++v) {
        auto* o = row->AddSectionDictionary("SCORES");
        o->SetValue("FIELD", std::string(f));
        o->SetValue("VALUE", std::to_string(v));
        o->SetValue("LABEL", ctx.t("monitoring.factor_score." + std::to_string(v)));
        if (scores[std::string(f)] == std::to_string(v)) o->ShowSection("CHECKED");
      }
    }
    if (!state.factor_error.empty()) d.SetValueAndShowSection("FACTOR_ERROR_TEXT", ctx.t(state.factor_error), "FACTOR_ERROR");
    return ctx.page("monitoring_survey", s.wave.name, d, status);
  }
  // A group or a search: one form per organisation.
  d.ShowSection("LIST");
  if (!group.empty()) d.SetValueAndShowSection("GROUP_LABEL", ctx.t("monitoring.sector." + group), "IN_GROUP");
  if (!q.empty()) d.SetValueAndShowSection("QUERY", q, "SEARCHED");
  std::string folded_q = text::fold(q);
  std::size_t shown_count = 0;
  for (const auto& o : s.others) {
    if (!group.empty() && o.sector != group) continue;
    if (!folded_q.empty() && o.folded.find(folded_q) == std::string::npos) continue;
    ++shown_count;
    Shown shown;
    std::string error;
    bool open = false;
    if (state.problem && state.problem->org_id == o.id) {
      shown = state.problem->input, error = state.problem->key, open = true;
    } else if (auto it = s.answers.find(o.id); it != s.answers.end()) {
      shown = shown_of(it->second);
    }
    d.AddSectionDictionary("ORGS")->SetValue(
        "HTML", org_form(ctx, s, o, shown, group, q, open || o.id == state.saved_org, o.id == state.saved_org, error));
  }
  if (shown_count == 0) d.ShowSection("NO_MATCH");
  return ctx.page("monitoring_survey", s.wave.name, d, status);
}

}  // namespace

namespace {

// Reads one organisation's posted form into `shown` (kept for the form's
// return), then checks the ratings: one that is not a number on the scale is
// a problem with that form.
TieAnswer read_tie_form(Context& ctx, const std::string& target, Shown& shown) {
  const auto& f = ctx.form();
  shown.frequency = f.get("frequency");
  shown.integration = f.get("integration");
  shown.resources = f.all("resources");
  for (std::size_t k = 0; k < 3; ++k) shown.trust[k] = f.get(kTrustFields[k]), shown.value[k] = f.get(kValueFields[k]);

  TieAnswer a;
  a.target_id = target;
  if (f.has("source")) a.source_id = f.get("source");
  if (!shown.frequency.empty()) a.frequency = shown.frequency;
  if (!shown.integration.empty()) a.integration = shown.integration;
  if (shown.resources.size() > kResources.size()) throw WaveError(422, "monitoring.error.resource");
  a.resources = shown.resources;
  std::sort(a.resources.begin(), a.resources.end());
  a.resources.erase(std::unique(a.resources.begin(), a.resources.end()), a.resources.end());
  auto rating = [](const std::string& text_in, std::optional<int>& out) {
    if (text_in.empty()) return;
    if (text_in.size() != 1 || text_in[0] < '1' || text_in[0] > '4') throw WaveError(422, "monitoring.error.rating");
    out = text_in[0] - '0';
  };
  for (std::size_t k = 0; k < 3; ++k) {
    rating(shown.trust[k], a.trust[k]);
    rating(shown.value[k], a.value[k]);
  }
  return a;
}

bool from_htmx(const Context& ctx) { return ctx.req.header("hx-request").value_or("") == "true"; }

http::Response no_store(http::Response res) {
  res.set_header("Cache-Control", "no-store");  // a personal link's answers stay out of shared caches
  return res;
}

// Refusals that are not about the input (submitted, closed, another
// organisation's answers): an error page in the respondent's language.
[[noreturn]] void refuse(const WaveError& e) {
  const char* code = e.status == 404 ? "not_found" : e.status == 403 ? "forbidden" : "conflict";
  throw HttpError(e.status, code, e.key);
}

}  // namespace

http::Response survey_page(Context& ctx) {
  std::optional<store::Lease> lease(ctx.app.db().acquire());
  Survey s = load_survey(**lease, ctx);
  lease.reset();
  return no_store(survey_view(ctx, s, ctx.req.query_param("group").value_or(""),
                              clamp_query(ctx.req.query_param("q").value_or("")), PageState{}, 200));
}

http::Response survey_save_tie(Context& ctx) {
  Survey s = [&] {
    auto lease = ctx.app.db().acquire();
    return load_survey(*lease, ctx);
  }();
  std::string target = ctx.param("org");
  std::string group = ctx.form().get("group"), q = clamp_query(ctx.form().get("q"));
  auto other = std::find_if(s.others.begin(), s.others.end(), [&](const Other& o) { return o.id == target; });
  Shown shown;
  try {
    TieAnswer answer = read_tie_form(ctx, target, shown);
    app::write(ctx, [&](app::Change& change) {
      Invitation inv = *invitation_by_token(change.db, s.token);
      save_tie(change.db, inv, answer, change.now());
    });
    s.answers[target] = answer;
  } catch (const WaveError& e) {
    if (e.status != 422 || other == s.others.end()) refuse(e);  // self-tie and outside the wave: not a form of this page
    if (from_htmx(ctx))
      return no_store(http::Response::html(422, org_form(ctx, s, *other, shown, group, q, true, false, e.key)));
    PageState state;
    state.problem = FormProblem{target, shown, e.key};
    if (group.empty() && q.empty()) group = other->sector;
    return no_store(survey_view(ctx, s, group, q, state, 422));
  }
  if (from_htmx(ctx)) return no_store(http::Response::html(200, org_form(ctx, s, *other, shown, group, q, true, true, "")));
  std::string query = list_query(group.empty() && q.empty() ? other->sector : group, q);
  return http::Response::redirect("/survey/" + s.token + "?" + query + "&saved=1#o" + std::to_string(other->index));
}

http::Response survey_save_factors(Context& ctx) {
  Survey s = [&] {
    auto lease = ctx.app.db().acquire();
    return load_survey(*lease, ctx);
  }();
  const auto& f = ctx.form();
  PageState state;
  std::map<std::string, int> scores;
  for (auto factor : kFactors) {
    std::string v = f.get(factor);
    state.factor_input[std::string(factor)] = v;
    if (v.empty()) continue;
    if (v.size() != 1 || v[0] < '1' || v[0] > '5') state.factor_error = "monitoring.error.factor_score";
    else scores[std::string(factor)] = v[0] - '0';
  }
  if (state.factor_error.empty()) {
    try {
      app::write(ctx, [&](app::Change& change) {
        Invitation inv = *invitation_by_token(change.db, s.token);
        for (const auto& [factor, score] : scores) save_factor(change.db, inv, factor, score, change.now());
      });
      return http::Response::redirect("/survey/" + s.token + "?done=monitoring_factors_saved#self-assessment");
    } catch (const WaveError& e) {
      if (e.status != 422) refuse(e);
      state.factor_error = e.key;
    }
  }
  return no_store(survey_view(ctx, s, "", "", state, 422));
}

http::Response survey_submit(Context& ctx) {
  Survey s = [&] {
    auto lease = ctx.app.db().acquire();
    return load_survey(*lease, ctx);
  }();
  try {
    app::write(ctx, [&](app::Change& change) {
      Invitation inv = *invitation_by_token(change.db, s.token);
      submit(change.db, inv, change.now());
      change.audit("monitoring.survey.submit", "monitoring_invitation", inv.id, inv.organization_id);
    });
  } catch (const WaveError& e) {
    refuse(e);
  }
  return http::Response::redirect("/survey/" + s.token + "?done=monitoring_submitted");
}

}  // namespace samen::monitoring
