// The public side of parents' voice (handlers.hpp), no login: "you said, we
// did" at /you-said-we-did (and per team at /you-said-we-did/{team}): what
// parents raised, grouped by theme, in the anonymised wording a coordinator
// approved, and what the network did (the response and the linked actions'
// titles and status); the anonymous suggestion form (plain
// language, no JavaScript, a honeypot field, a per-address limit answering
// 429, a queue of at most kSuggestionCap that says when it is full); and the
// coordinators' moderation of that queue (turn into a concern, or discard;
// both audited).
//
// The public page is the same bytes for every anonymous reader of a language
// and URL, so it is kept rendered in a short-lived cache (PublicState), emptied
// in this process when a publication changes; other servers sharing the
// database see it within the cache's lifetime.
#include <algorithm>
#include <chrono>

#include "accounts/throttle.hpp"
#include "app/app.hpp"
#include "app/rate_limit.hpp"
#include "app/ttl_cache.hpp"
#include "app/write.hpp"
#include "core/brussels.hpp"
#include "journal/activity.hpp"
#include "parents/handlers.hpp"
#include "util/text.hpp"

namespace samen::parents {

using app::Context;
using app::HttpError;

namespace {

constexpr std::size_t kPerTheme = 20;     // items per theme on the overview
constexpr std::size_t kThemePage = 50;    // items per page of one theme

PublicState& state(app::App& app) { return app.get<PublicState>(); }

// Fills the page's content; returns false when the team does not exist.
bool fill_public(Context& ctx, web::Dict& d, const std::string& team_id, const std::string& theme,
                 std::int64_t page) {
  auto lease = ctx.app.db().acquire();
  auto n = core::load_network(*lease);
  if (!team_id.empty() && !n.team(team_id)) return false;
  auto th = themes(*lease, true);
  auto items = published_concerns(*lease, team_id);
  std::string base = team_id.empty() ? "/you-said-we-did" : "/you-said-we-did/" + team_id;
  d.SetValue("BASE", base);
  if (!team_id.empty()) d.SetValueAndShowSection("TEAM", team_name(n, team_id, ctx.lang), "HAS_TEAM");
  else d.ShowSection("ALL_CURRENT");
  for (const auto& t : n.teams) {
    if (t.kind != "local_team") continue;
    auto* o = d.AddSectionDictionary("TEAMS");
    o->SetValue("T_HREF", "/you-said-we-did/" + t.id);
    o->SetValue("T_NAME", t.name.in(ctx.lang));
    if (t.id == team_id) o->ShowSection("T_CURRENT");
  }
  std::string lang(i18n::code(ctx.lang));
  std::vector<std::pair<web::Dict*, std::string>> shown;  // each row and its concern, for the linked actions
  for (const auto& t : th) {
    if (!theme.empty() && t.code != theme) continue;
    std::vector<const Concern*> of_theme;
    for (const auto& c : items)
      if (c.theme == t.code) of_theme.push_back(&c);
    if (of_theme.empty()) continue;
    auto* g = d.AddSectionDictionary("THEMES");
    g->SetValue("TH_CODE", t.code);
    g->SetValue("TH_LABEL", t.label(ctx.lang));
    g->SetValue("TH_COUNT", ctx.tf("parents.public.theme_count", {{"count", static_cast<std::int64_t>(of_theme.size())}}));
    std::size_t from = theme.empty() ? 0 : static_cast<std::size_t>(page - 1) * kThemePage;
    std::size_t size = theme.empty() ? kPerTheme : kThemePage;
    for (std::size_t i = from; i < of_theme.size() && i < from + size; ++i) {
      const Concern& c = *of_theme[i];
      auto* r = g->AddSectionDictionary("ITEMS");
      std::string used;
      r->SetValue("SAID", in_language(c.public_text, lang, &used));
      if (used != lang) r->SetValueAndShowSection("SAID_LANG", used, "SAID_OTHER_LANG");
      std::string response = in_language(c.response, lang, &used);
      if (!response.empty()) {
        r->SetValueAndShowSection("DID", response, "HAS_DID");
        if (used != lang) r->SetValueAndShowSection("DID_LANG", used, "DID_OTHER_LANG");
      }
      r->SetValue("STATUS", ctx.t("parents.status." + c.status));
      r->SetValue("STATUS_CODE", c.status);
      r->SetValue("WHEN", c.raised_on.substr(0, 7));
      shown.emplace_back(r, c.id);
    }
    if (theme.empty() && of_theme.size() > kPerTheme)
      g->SetValueAndShowSection("MORE_HREF", base + "?theme=" + http::url_encode(t.code), "HAS_MORE");
    if (!theme.empty()) {
      std::int64_t pages = std::max<std::int64_t>(1, (of_theme.size() + kThemePage - 1) / kThemePage);
      if (pages > 1) {
        g->ShowSection("PAGING");
        g->SetValue("PAGE_TEXT", ctx.tf("parents.page_of", {{"page", page}, {"pages", pages}}));
        std::string b = base + "?theme=" + http::url_encode(t.code) + "&page=";
        if (page > 1) g->SetValueAndShowSection("PREV_HREF", b + std::to_string(page - 1), "PREV");
        if (page < pages) g->SetValueAndShowSection("NEXT_HREF", b + std::to_string(page + 1), "NEXT");
      }
    }
  }
  // What the network did: the linked actions' titles and status (nothing internal), one query per 500 shown.
  std::vector<std::string> ids;
  for (const auto& [row, id] : shown) ids.push_back(id);
  auto actions = public_actions(*lease, ids);
  for (const auto& [row, id] : shown) {
    auto it = actions.find(id);
    if (it == actions.end()) continue;
    row->ShowSection("HAS_ACTIONS");
    for (const auto& a : it->second) {
      auto* x = row->AddSectionDictionary("ACTIONS");
      x->SetValue("A_TITLE", a.title);
      x->SetValue("A_STATUS", ctx.t("plan.status." + a.status));
      x->SetValue("A_STATUS_CODE", a.status);
    }
  }
  if (!theme.empty()) d.ShowSection("ONE_THEME");
  if (items.empty()) d.ShowSection("EMPTY");
  return true;
}

}  // namespace

void forget_public_pages(app::App& app) { state(app).pages.clear(); }

http::Response you_said_we_did_page(Context& ctx) {
  std::string team_id = ctx.req.params.count("team") ? ctx.param("team") : "";
  if (team_id.size() > 100) throw HttpError(404, "not_found", "error.not_found");
  std::string theme = text::trimmed(ctx.req.query_param("theme").value_or("")).substr(0, 60);
  auto page = journal::parse_bounded(ctx.req.query_param("page").value_or("1"), 1, 100000);
  if (!page) throw HttpError(400, "bad_request", "error.bad_request");
  auto render = [&] {
    web::Dict d = ctx.content_dict();
    if (!fill_public(ctx, d, team_id, theme, *page)) throw HttpError(404, "not_found", "error.not_found");
    return ctx.page("parents_public", ctx.t("parents.public.title"), d).body;
  };
  // Only anonymous readers share a page: a signed-in one's layout names them.
  std::string body;
  if (ctx.user()) {
    body = render();
  } else {
    std::string key = std::string(i18n::code(ctx.lang)) + "|" + ctx.req.path + "?" + ctx.req.query;
    body = state(ctx.app).pages.get_or_make(key, render);
  }
  auto res = http::Response::html(200, std::move(body));
  if (!ctx.user()) res.set_header("Cache-Control", "public, max-age=60");
  return res;
}

// ---- the anonymous suggestion form ----------------------------------------------------------

namespace {

http::Response suggest_form(Context& ctx, const http::Form& f, const FieldErrors& errors, int status,
                            const std::string& notice_key = "", bool sent = false) {
  auto lease = ctx.app.db().acquire();
  auto n = core::load_network(*lease);
  web::Dict d = ctx.content_dict();
  d.SetValue("TEXT", f.get("text"));
  std::string lang = f.get("language").empty() ? std::string(i18n::code(ctx.lang)) : f.get("language");
  for (const char* l : {"nl", "fr", "en"})
    add_option(d, "LANGUAGE_OPTIONS", l, ctx.t(std::string("parents.language.") + l), lang == l);
  for (const auto& m : core::brussels_municipalities())
    add_option(d, "MUNICIPALITY_OPTIONS", m.nis_code, m.name(ctx.lang), f.get("municipality") == m.nis_code);
  for (const auto& t : n.teams)
    if (t.kind == "local_team") add_option(d, "TEAM_OPTIONS", t.id, t.name.in(ctx.lang), f.get("team_id") == t.id);
  add_errors(ctx, d, errors, "parents.suggest.field.");
  if (!notice_key.empty()) d.SetValueAndShowSection("NOTICE", ctx.t(notice_key), "HAS_NOTICE");
  if (sent) d.ShowSection("SENT");
  return ctx.page("parents_suggest", ctx.t("parents.suggest.title"), d, status);
}

}  // namespace

http::Response suggest_page(Context& ctx) { return suggest_form(ctx, http::Form(), {}, 200); }

http::Response suggest_post(Context& ctx) {
  const auto& f = ctx.form();
  const std::string client = accounts::address_subject(http::client_address(ctx.req, ctx.app.options().behind_tls));
  if (auto wait = state(ctx.app).suggestions.admit("parents-suggest:" + client, ctx.now)) {
    auto res = suggest_form(ctx, f, {}, 429, "parents.suggest.too_many");
    res.set_header("Retry-After", std::to_string(wait));
    return res;
  }
  // A field people do not see: only robots fill it. They are told it worked and nothing is kept.
  if (!f.get("website").empty()) return suggest_form(ctx, http::Form(), {}, 200, "", true);
  Suggestion s;
  s.text = text::trimmed(f.get("text"));
  s.language = f.get("language");
  s.municipality = f.get("municipality");
  s.team_id = f.get("team_id");
  FieldErrors errors;
  bool stored = false;
  {
    auto lease = ctx.app.db().acquire();
    auto n = core::load_network(*lease);
    std::vector<std::string> teams;
    for (const auto& t : n.teams) teams.push_back(t.id);
    errors = validate_suggestion(s, teams);
    if (errors.empty()) stored = insert_suggestion(*lease, s, ctx.now);
  }
  if (!errors.empty()) return suggest_form(ctx, f, errors, 422);
  if (!stored) {
    // The queue is full: the text stays in the form, and the reader is told to come back later.
    auto res = suggest_form(ctx, f, {}, 503, "parents.suggest.full");
    res.set_header("Retry-After", "86400");
    return res;
  }
  // The thanks on the answer itself (no redirect: an anonymous visitor is only ever redirected to the login).
  return suggest_form(ctx, http::Form(), {}, 200, "", true);
}

// ---- moderation -----------------------------------------------------------------------------

http::Response suggestions_page(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  auto n = core::load_network(*lease);
  web::Dict d = ctx.content_dict();
  auto list = list_suggestions(*lease);
  d.SetValue("COUNT", ctx.tf("parents.suggestions.count", {{"count", count_suggestions(*lease)}, {"cap", kSuggestionCap}}));
  for (const auto& s : list) {
    auto* r = d.AddSectionDictionary("ITEMS");
    r->SetValue("ID", s.id);
    r->SetValue("TEXT", s.text);
    r->SetValue("LANG", s.language);
    r->SetValue("LANGUAGE", ctx.t("parents.language." + s.language));
    r->SetValue("RECEIVED", i18n::format_time(ctx.lang, s.created_at, i18n::DateStyle::date_time));
    if (!s.municipality.empty()) r->SetValueAndShowSection("MUNICIPALITY", municipality_name(s.municipality, ctx.lang), "HAS_MUNICIPALITY");
    if (!s.team_id.empty()) r->SetValueAndShowSection("TEAM", team_name(n, s.team_id, ctx.lang), "HAS_TEAM");
  }
  if (list.empty()) d.ShowSection("EMPTY");
  return ctx.page("parents_suggestions", ctx.t("parents.suggestions"), d);
}

namespace {

Suggestion suggestion_or_404(store::Connection& c, const std::string& id) {
  auto s = load_suggestion(c, id);
  if (!s) throw HttpError(404, "not_found", "error.not_found");
  return *s;
}

}  // namespace

http::Response suggestion_accept_page(Context& ctx) {
  std::string id = path_id(ctx);
  Suggestion s = [&] {
    auto lease = ctx.app.db().acquire();
    return suggestion_or_404(*lease, id);
  }();
  http::Fields fields{{"text", s.text},
                      {"language", s.language},
                      {"municipality", s.municipality},
                      {"team_id", s.team_id},
                      {"source", "anonymous_form"},
                      {"status", "heard"},
                      {"raised_on", journal::local_date_time(s.created_at).substr(0, 10)}};
  return concern_form(ctx, http::Form(fields), {}, "", 200, false, id);
}

http::Response suggestion_accept_post(Context& ctx) {
  std::string id = path_id(ctx);
  const auto& f = ctx.form();
  Concern c = read_concern(f);
  try {
    app::write(ctx, [&](app::Change& change) {
      suggestion_or_404(change.db, id);
      check_concern(change.db, c, "");
      insert_concern(change, c);
      delete_suggestion(change.db, id);
      change.audit("parents.suggestion.accept", "parents.suggestion", id, c.id);
    });
  } catch (const Invalid& i) {
    return concern_form(ctx, f, i.errors, "", 422, false, id);
  }
  return http::Response::redirect("/parents/concerns/" + c.id + "?done=parents_saved");
}

http::Response suggestion_discard_page(Context& ctx) {
  std::string id = path_id(ctx);
  app::write(ctx, [&](app::Change& change) {
    if (!delete_suggestion(change.db, id)) throw HttpError(404, "not_found", "error.not_found");
    change.audit("parents.suggestion.discard", "parents.suggestion", id, "");
  });
  return http::Response::redirect("/parents/suggestions?done=parents_suggestion_discarded");
}

}  // namespace samen::parents
