// The coordinator's pages of the survey waves (admins and coordinators): the
// waves list (/monitoring), opening a wave (Brussels-wide or a team, with a
// choice of organisations), a wave's page with one row per organisation
// (respondent, invited, reminded, answered; ?show=not_answered lists who has
// not answered), inviting one respondent per organisation (the e-mail goes
// through the outbox, as the API's), reminding everyone who has not answered,
// closing the wave (with the version read). Bad input gives the page back with
// the input kept and a message (422); nothing stored is lost. The wave page
// shows respondents' e-mail addresses: each read is audited.
#include <algorithm>
#include <charconv>

#include "app/app.hpp"
#include "app/write.hpp"
#include "core/network.hpp"
#include "monitoring/handlers.hpp"
#include "monitoring/profiles.hpp"
#include "monitoring/waves.hpp"
#include "notify/module.hpp"
#include "util/text.hpp"

namespace samen::monitoring {

using app::Context;
using app::HttpError;

namespace {

std::string link_base(const Context& ctx) {
  std::string base = notify::public_url(ctx.app);
  return base.empty() ? "" : base + "/survey/";
}

Wave wave_or_404(store::Connection& c, Context& ctx) {
  std::string id = ctx.param("id");
  std::optional<Wave> w;
  if (!id.empty() && id.size() <= 100) w = load_wave(c, id);
  if (!w) throw HttpError(404, "not_found", "error.not_found");
  return *w;
}

std::string level_name(Context& ctx, const core::Network& n, const std::optional<std::string>& team_id) {
  if (!team_id) return ctx.t("monitoring.waves.brussels");
  const auto* t = n.team(*team_id);
  return t ? t->name.in(ctx.lang) : *team_id;
}

std::string org_name(Context& ctx, const core::Network& n, const std::string& id) {
  const auto* o = n.organization(id);
  return o ? o->name.in(ctx.lang) : id;
}

// ---- the list --------------------------------------------------------------

}  // namespace

http::Response waves_page(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  core::Network net = core::load_network(*lease, true);
  auto d = ctx.content_dict();
  auto waves = list_waves(*lease);
  for (const auto& w : waves) {
    auto inv = invitations(*lease, w.id);
    auto answered = std::count_if(inv.begin(), inv.end(), [](const Invitation& i) { return i.submitted_at.has_value(); });
    auto* row = d.AddSectionDictionary("WAVES");
    row->SetValue("HREF", "/monitoring/waves/" + w.id);
    row->SetValue("NAME", w.name);
    row->SetValue("LEVEL", level_name(ctx, net, w.team_id));
    row->SetValue("OPENED", i18n::format_time(ctx.lang, w.opened_at, i18n::DateStyle::medium_date));
    row->SetValue("STATE", w.closed_at ? ctx.tf("monitoring.waves.closed_on",
                                                {{"date", i18n::format_time(ctx.lang, *w.closed_at,
                                                                            i18n::DateStyle::medium_date)}})
                                       : ctx.t("monitoring.waves.open"));
    row->SetValue("ORGS", i18n::format_integer(ctx.lang, static_cast<std::int64_t>(w.organization_ids.size())));
    row->SetValue("INVITED", i18n::format_integer(ctx.lang, static_cast<std::int64_t>(inv.size())));
    row->SetValue("ANSWERED", i18n::format_integer(ctx.lang, answered));
  }
  if (waves.empty()) d.ShowSection("NO_WAVES");
  return ctx.page("monitoring_waves", ctx.t("monitoring.waves.title"), d);
}

// ---- opening a wave ----------------------------------------------------------

namespace {

struct WaveInput {
  std::string name, team;
  std::vector<std::string> organizations;
};

http::Response wave_form(Context& ctx, const WaveInput& in, const std::string& error_key, int status) {
  std::optional<store::Lease> lease(ctx.app.db().acquire());
  core::Network net = core::load_network(**lease);
  auto profiles = load_profiles(**lease);
  lease.reset();
  auto d = ctx.content_dict();
  d.SetValue("NAME", in.name);
  if (!error_key.empty()) d.SetValueAndShowSection("ERROR_TEXT", ctx.t(error_key), "ERROR");
  for (const auto& t : net.teams) {
    auto* o = d.AddSectionDictionary("TEAMS");
    o->SetValue("VALUE", t.id);
    o->SetValue("LABEL", t.name.in(ctx.lang));
    if (t.id == in.team) o->ShowSection("SELECTED");
  }
  std::size_t i = 0;
  for (const auto& org : net.organizations) {
    auto* o = d.AddSectionDictionary("ORGS");
    o->SetValue("ID", "wave-org-" + std::to_string(i++));
    o->SetValue("VALUE", org.id);
    o->SetValue("LABEL", org.name.in(ctx.lang));
    o->SetValue("SECTOR", ctx.t("monitoring.sector." + profile_of(profiles, org.id).sector));
    if (std::find(in.organizations.begin(), in.organizations.end(), org.id) != in.organizations.end())
      o->ShowSection("CHECKED");
  }
  return ctx.page("monitoring_wave_form", ctx.t("monitoring.waves.new"), d, status);
}

}  // namespace

http::Response new_wave_page(Context& ctx) { return wave_form(ctx, {}, "", 200); }

http::Response create_wave_page(Context& ctx) {
  const auto& f = ctx.form();
  WaveInput in{f.get("name"), text::trimmed(f.get("team")), f.all("organizations")};
  if (in.organizations.size() > 5000) throw HttpError(400, "bad_request", "error.bad_request");
  NewWave nw;
  nw.name = in.name;
  if (!in.team.empty()) nw.team_id = in.team;
  nw.organization_ids = in.organizations;
  nw.created_by = ctx.user()->id;
  try {
    Wave w = app::write(ctx, [&](app::Change& change) {
      Wave made = create_wave(change.db, nw, change.now());
      change.audit("monitoring.wave.create", "monitoring_wave", made.id, made.name);
      return made;
    });
    return http::Response::redirect("/monitoring/waves/" + w.id + "?done=monitoring_wave_opened");
  } catch (const WaveError& e) {
    return wave_form(ctx, in, e.key, e.status == 404 ? 422 : e.status);
  }
}

// ---- a wave ----------------------------------------------------------------

namespace {

// An invitation form with a problem: its organisation, the input, the message.
struct InviteProblem {
  std::string organization_id;
  Invitee input;
  std::string key;
};

http::Response wave_view(Context& ctx, const std::optional<InviteProblem>& problem, int status) {
  std::optional<store::Lease> lease(ctx.app.db().acquire());
  Wave w = wave_or_404(**lease, ctx);
  core::Network net = core::load_network(**lease, true);
  auto profiles = load_profiles(**lease);
  auto invs = invitations(**lease, w.id);
  lease.reset();
  ctx.audit("monitoring.invitations.read", "monitoring_wave", w.id, "page");  // respondents' addresses
  bool only_waiting = ctx.req.query_param("show").value_or("") == "not_answered";

  auto d = ctx.content_dict();
  d.SetValue("ID", w.id);
  d.SetValue("NAME", w.name);
  d.SetValue("VERSION", std::to_string(w.version));
  d.SetValue("LEVEL", level_name(ctx, net, w.team_id));
  d.SetValue("OPENED", i18n::format_time(ctx.lang, w.opened_at, i18n::DateStyle::medium_date));
  std::int64_t answered = 0, waiting = 0;
  for (const auto& i : invs) (i.submitted_at ? answered : waiting) += 1;
  d.SetValue("COUNTS", ctx.tf("monitoring.wave.counts", {{"orgs", static_cast<std::int64_t>(w.organization_ids.size())},
                                                         {"invited", static_cast<std::int64_t>(invs.size())},
                                                         {"answered", answered}}));
  if (w.closed_at) {
    d.SetValueAndShowSection("CLOSED_ON", i18n::format_time(ctx.lang, *w.closed_at, i18n::DateStyle::medium_date),
                             "CLOSED");
  } else {
    d.ShowSection("OPEN");
    if (waiting > 0) d.SetValueAndShowSection("WAITING", std::to_string(waiting), "MAY_REMIND");
    if (link_base(ctx).empty()) d.ShowSection("NO_PUBLIC_URL");
  }
  if (only_waiting) d.ShowSection("ONLY_WAITING");
  else d.ShowSection("ALL");
  if (problem) d.SetValueAndShowSection("ERROR_TEXT", ctx.t(problem->key), "ERROR");

  std::map<std::string, const Invitation*> by_org;
  for (const auto& i : invs) by_org[i.organization_id] = &i;
  std::vector<std::pair<std::string, std::string>> orgs;  // name, id
  for (const auto& id : w.organization_ids) orgs.emplace_back(org_name(ctx, net, id), id);
  std::sort(orgs.begin(), orgs.end());
  std::size_t idx = 0;
  for (const auto& [name, id] : orgs) {
    auto it = by_org.find(id);
    const Invitation* inv = it == by_org.end() ? nullptr : it->second;
    if (only_waiting && (!inv || inv->submitted_at)) continue;
    std::string row_idx = std::to_string(idx++);
    auto* row = d.AddSectionDictionary("ORGS");
    row->SetValue("IDX", row_idx);
    row->SetValue("ORG_ID", id);
    row->SetValue("NAME", name);
    row->SetValue("SECTOR", ctx.t("monitoring.sector." + profile_of(profiles, id).sector));
    row->SetValue("WAVE_ID", w.id);
    if (inv) {
      auto* r = row->AddSectionDictionary("INVITED");
      r->SetValue("EMAIL", inv->email);
      r->SetValue("RESPONDENT", inv->name);
      r->SetValue("INVITED_AT", i18n::format_time(ctx.lang, inv->invited_at, i18n::DateStyle::medium_date));
      if (inv->reminders > 0)
        r->SetValueAndShowSection("REMINDERS", ctx.tf("monitoring.wave.reminders", {{"count", inv->reminders}}),
                                  "REMINDED");
      if (inv->submitted_at)
        r->SetValueAndShowSection("SUBMITTED_AT",
                                  i18n::format_time(ctx.lang, *inv->submitted_at, i18n::DateStyle::medium_date),
                                  "SUBMITTED");
      else r->ShowSection("WAITING");
    } else if (!w.closed_at) {
      auto* form = row->AddSectionDictionary("INVITE");
      form->SetValue("IDX", row_idx);
      form->SetValue("ORG_ID", id);
      form->SetValue("WAVE_ID", w.id);
      form->SetValue("NAME", name);
      Invitee shown;
      if (problem && problem->organization_id == id) {
        shown = problem->input;
        form->SetValueAndShowSection("ERROR_TEXT", ctx.t(problem->key), "ERROR");
      }
      form->SetValue("EMAIL", shown.email);
      form->SetValue("RESPONDENT", shown.name);
      for (auto l : i18n::kLangs) {
        auto* o = form->AddSectionDictionary("LANGS");
        o->SetValue("VALUE", std::string(i18n::code(l)));
        o->SetValue("LABEL", ctx.t("monitoring.lang." + std::string(i18n::code(l))));
        if (i18n::code(l) == shown.lang) o->ShowSection("SELECTED");
      }
    } else {
      row->ShowSection("NOT_INVITED");
    }
  }
  return ctx.page("monitoring_wave", w.name, d, status);
}

}  // namespace

http::Response wave_page(Context& ctx) { return wave_view(ctx, std::nullopt, 200); }

http::Response invite_page(Context& ctx) {
  const auto& f = ctx.form();
  Invitee who{text::trimmed(f.get("organization_id")), f.get("email"), f.get("name"), f.get("lang")};
  std::string base = link_base(ctx);
  try {
    std::string wave_id = app::write(ctx, [&](app::Change& change) {
      Wave w = wave_or_404(change.db, ctx);
      invite(change.db, ctx.app.catalog(), w.id, who, base, change.now());
      change.audit("monitoring.invitation.create", "monitoring_wave", w.id, who.organization_id);
      return w.id;
    });
    return http::Response::redirect("/monitoring/waves/" + wave_id +
                                    (base.empty() ? "?done=monitoring_invited_no_mail" : "?done=monitoring_invited"));
  } catch (const WaveError& e) {
    if (e.status != 422 && e.status != 409) throw HttpError(e.status, "conflict", e.key);
    return wave_view(ctx, InviteProblem{who.organization_id, who, e.key}, e.status);
  }
}

http::Response remind_page(Context& ctx) {
  std::string base = link_base(ctx);
  try {
    std::string wave_id = app::write(ctx, [&](app::Change& change) {
      Wave w = wave_or_404(change.db, ctx);
      std::size_t n = remind(change.db, ctx.app.catalog(), w.id, base, change.now());
      change.audit("monitoring.invitation.remind", "monitoring_wave", w.id, std::to_string(n));
      return w.id;
    });
    return http::Response::redirect("/monitoring/waves/" + wave_id +
                                    (base.empty() ? "?done=monitoring_not_reminded" : "?done=monitoring_reminded"));
  } catch (const WaveError& e) {
    throw HttpError(e.status, "conflict", e.key);
  }
}

http::Response close_wave_page(Context& ctx) {
  std::string version = ctx.form().get("version");
  std::optional<std::int64_t> expected;
  if (!version.empty()) {
    std::int64_t v = 0;
    auto [end, ec] = std::from_chars(version.data(), version.data() + version.size(), v);
    if (ec != std::errc{} || end != version.data() + version.size()) throw HttpError(400, "bad_request", "error.bad_request");
    expected = v;
  }
  try {
    std::string wave_id = app::write(ctx, [&](app::Change& change) {
      Wave w = wave_or_404(change.db, ctx);
      app::check_version(expected, w.version);
      close_wave(change.db, w.id, change.now());
      change.audit("monitoring.wave.close", "monitoring_wave", w.id, "");
      return w.id;
    });
    return http::Response::redirect("/monitoring/waves/" + wave_id + "?done=monitoring_wave_closed");
  } catch (const WaveError& e) {
    throw HttpError(e.status, "conflict", e.key);
  }
}

}  // namespace samen::monitoring
