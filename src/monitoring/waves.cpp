// Survey waves: storage and rules (see waves.hpp). Every rule is checked with
// a query before writing, so bad input is a WaveError and never a failed
// statement (which on PostgreSQL would abort the caller's whole transaction);
// the tables' keys and CHECKs hold the same rules as a last line.
#include "monitoring/waves.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "accounts/secrets.hpp"
#include "monitoring/analysis.hpp"
#include "notify/outbox.hpp"
#include "util/text.hpp"
#include "util/uuid.hpp"

namespace samen::monitoring {

namespace {

constexpr std::size_t kMaxName = 200;

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& codes, std::string_view v) {
  return std::find(codes.begin(), codes.end(), v) != codes.end();
}

std::vector<std::string> wave_organizations(store::Connection& c, const std::string& wave_id) {
  std::vector<std::string> ids;
  for (const auto& r : c.exec("SELECT organization_id FROM monitoring_wave_organizations WHERE wave_id = ? "
                              "ORDER BY organization_id",
                              {wave_id})
                           .rows)
    ids.push_back(r.text(0));
  return ids;
}

Wave open_wave_or_error(store::Connection& c, const std::string& wave_id) {
  auto w = load_wave(c, wave_id);
  if (!w) throw WaveError(404, "monitoring.error.wave_unknown");
  if (w->closed_at) throw WaveError(409, "monitoring.error.wave_closed");
  return *w;
}

Invitation invitation_of(const store::Row& r) {
  Invitation i;
  i.id = r.text(0);
  i.wave_id = r.text(1);
  i.organization_id = r.text(2);
  i.email = r.text(3);
  i.name = r.text(4);
  i.lang = r.text(5);
  i.invited_at = r.int64(6);
  i.reminded_at = r.opt_int64(7);
  i.reminders = r.int64(8);
  i.submitted_at = r.opt_int64(9);
  return i;
}

constexpr const char* kInvitationColumns =
    "SELECT id, wave_id, organization_id, email, name, lang, invited_at, reminded_at, reminders, submitted_at "
    "FROM monitoring_invitations ";

// The e-mail with the survey link, in the respondent's language.
notify::Message survey_message(const i18n::Catalog& catalog, const Invitation& inv, const std::string& wave_name,
                               const std::string& link, bool reminder) {
  i18n::Lang lang = i18n::parse_lang(inv.lang).value_or(i18n::kDefaultLang);
  notify::Message m;
  m.to = inv.email;
  m.lang = std::string(i18n::code(lang));
  m.subject = catalog.format(lang, reminder ? "monitoring.mail.reminder.subject" : "monitoring.mail.invitation.subject",
                             {{"wave", wave_name}});
  m.text = catalog.format(lang, reminder ? "monitoring.mail.reminder.text" : "monitoring.mail.invitation.text",
                          {{"name", inv.name}, {"wave", wave_name}, {"link", link}});
  return m;
}

// Checks the answer's values against the scales; the first problem wins.
void check_answer(const TieAnswer& a) {
  if (a.frequency && !one_of(kFrequencies, *a.frequency)) throw WaveError(422, "monitoring.error.frequency");
  if (a.integration && !one_of(kIntegration, *a.integration)) throw WaveError(422, "monitoring.error.integration");
  for (const auto& s : a.trust)
    if (s && (*s < 1 || *s > 4)) throw WaveError(422, "monitoring.error.rating");
  for (const auto& s : a.value)
    if (s && (*s < 1 || *s > 4)) throw WaveError(422, "monitoring.error.rating");
  for (const auto& r : a.resources)
    if (!one_of(kResources, r)) throw WaveError(422, "monitoring.error.resource");
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find(',', start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

store::Param opt_int(const std::optional<int>& v) { return v ? store::Param(std::int64_t{*v}) : store::Param(nullptr); }

}  // namespace

Wave create_wave(store::Connection& c, const NewWave& nw, std::int64_t now) {
  std::string name = text::trimmed(nw.name);
  if (name.empty() || name.size() > kMaxName || !text::valid_utf8(name)) throw WaveError(422, "monitoring.error.name");
  std::vector<std::string> orgs = nw.organization_ids;
  if (nw.team_id) {
    if (c.exec("SELECT 1 FROM teams WHERE id = ?", {*nw.team_id}).empty())
      throw WaveError(422, "monitoring.error.team_unknown");
    std::set<std::string> members;
    for (const auto& r : c.exec("SELECT organization_id FROM team_members WHERE team_id = ?", {*nw.team_id}).rows)
      members.insert(r.text(0));
    if (orgs.empty()) orgs.assign(members.begin(), members.end());
    for (const auto& o : orgs)  // a team's wave is about that team's organisations only
      if (!members.count(o)) throw WaveError(422, "monitoring.error.outside_team");
  } else if (orgs.empty()) {
    for (const auto& r : c.exec("SELECT id FROM organizations WHERE archived_at IS NULL").rows) orgs.push_back(r.text(0));
  }
  std::sort(orgs.begin(), orgs.end());
  if (std::adjacent_find(orgs.begin(), orgs.end()) != orgs.end())
    throw WaveError(422, "monitoring.error.organization_twice");
  if (orgs.size() < 2) throw WaveError(422, "monitoring.error.too_few_organizations");
  for (const auto& o : orgs)
    if (c.exec("SELECT 1 FROM organizations WHERE id = ?", {o}).empty())
      throw WaveError(422, "monitoring.error.organization_unknown");

  Wave w;
  w.id = uuid::random();
  w.version = 1;
  w.name = name;
  w.team_id = nw.team_id;
  w.opened_at = now;
  w.organization_ids = orgs;
  c.exec("INSERT INTO monitoring_waves (id, version, created_at, updated_at, name, team_id, opened_at, created_by) "
         "VALUES (?, 1, ?, ?, ?, ?, ?, ?)",
         {w.id, now, now, name, store::opt(nw.team_id), now, store::opt(nw.created_by)});
  for (const auto& o : orgs)
    c.exec("INSERT INTO monitoring_wave_organizations (wave_id, organization_id) VALUES (?, ?)", {w.id, o});
  return w;
}

std::optional<Wave> load_wave(store::Connection& c, const std::string& id) {
  auto r = c.exec("SELECT id, version, name, team_id, opened_at, closed_at FROM monitoring_waves WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  const auto& row = r.rows[0];
  Wave w;
  w.id = row.text(0);
  w.version = row.int64(1);
  w.name = row.text(2);
  w.team_id = row.opt_text(3);
  w.opened_at = row.int64(4);
  w.closed_at = row.opt_int64(5);
  w.organization_ids = wave_organizations(c, w.id);
  return w;
}

std::vector<Wave> list_waves(store::Connection& c) {
  std::vector<Wave> out;
  for (const auto& r : c.exec("SELECT id FROM monitoring_waves ORDER BY opened_at DESC, id").rows)
    if (auto w = load_wave(c, r.text(0))) out.push_back(std::move(*w));
  return out;
}

void close_wave(store::Connection& c, const std::string& wave_id, std::int64_t now) {
  open_wave_or_error(c, wave_id);
  c.exec("UPDATE monitoring_waves SET closed_at = ?, updated_at = ?, version = version + 1 WHERE id = ?",
         {now, now, wave_id});
}

std::string invite(store::Connection& c, const i18n::Catalog& catalog, const std::string& wave_id,
                   const Invitee& who, const std::string& link_base, std::int64_t now) {
  Wave w = open_wave_or_error(c, wave_id);
  if (!std::binary_search(w.organization_ids.begin(), w.organization_ids.end(), who.organization_id))
    throw WaveError(422, "monitoring.error.outside_wave");
  if (!c.exec("SELECT 1 FROM monitoring_invitations WHERE wave_id = ? AND organization_id = ?",
              {wave_id, who.organization_id})
           .empty())
    throw WaveError(409, "monitoring.error.already_invited");
  std::string email = text::trimmed(who.email);
  if (email.empty() || email.find('@') == std::string::npos || email.size() > 254)
    throw WaveError(422, "monitoring.error.email");
  Invitation inv;
  inv.id = uuid::random();
  inv.wave_id = wave_id;
  inv.organization_id = who.organization_id;
  inv.email = email;
  inv.name = text::trimmed(who.name);
  inv.lang = std::string(i18n::code(i18n::parse_lang(who.lang).value_or(i18n::kDefaultLang)));
  std::string token = accounts::random_token();
  c.exec("INSERT INTO monitoring_invitations (id, wave_id, organization_id, email, name, lang, token_digest, "
         "invited_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
         {inv.id, wave_id, inv.organization_id, inv.email, inv.name, inv.lang, accounts::token_digest(token), now});
  if (link_base.empty()) return token;  // Samen's public address unknown: no e-mail (a reminder sends a link later)
  try {
    notify::enqueue(c, survey_message(catalog, inv, w.name, link_base + token, false), now);
  } catch (const notify::MessageError&) {
    throw WaveError(422, "monitoring.error.email");  // the caller rolls back: no invitation without its e-mail
  }
  return token;
}

std::vector<Invitation> invitations(store::Connection& c, const std::string& wave_id) {
  std::vector<Invitation> out;
  for (const auto& r :
       c.exec(std::string(kInvitationColumns) + "WHERE wave_id = ? ORDER BY organization_id", {wave_id}).rows)
    out.push_back(invitation_of(r));
  return out;
}

std::vector<Invitation> not_answered(store::Connection& c, const std::string& wave_id) {
  std::vector<Invitation> out;
  for (auto& i : invitations(c, wave_id))
    if (!i.submitted_at) out.push_back(std::move(i));
  return out;
}

std::size_t remind(store::Connection& c, const i18n::Catalog& catalog, const std::string& wave_id,
                   const std::string& link_base, std::int64_t now) {
  Wave w = open_wave_or_error(c, wave_id);
  std::size_t sent = 0;
  if (link_base.empty()) return 0;  // no public address: no link to send
  for (const auto& inv : not_answered(c, wave_id)) {
    // A fresh token: the reminder's link works, the old one no longer (it may have gone astray).
    std::string token = accounts::random_token();
    c.exec("UPDATE monitoring_invitations SET token_digest = ?, reminded_at = ?, reminders = reminders + 1 "
           "WHERE id = ?",
           {accounts::token_digest(token), now, inv.id});
    notify::enqueue(c, survey_message(catalog, inv, w.name, link_base + token, true), now);
    ++sent;
  }
  return sent;
}

std::optional<Invitation> invitation_by_token(store::Connection& c, std::string_view token) {
  if (token.empty() || token.size() > 200) return std::nullopt;
  auto r = c.exec(std::string(kInvitationColumns) + "WHERE token_digest = ?", {accounts::token_digest(token)});
  if (r.empty()) return std::nullopt;
  return invitation_of(r.rows[0]);
}

namespace {

// What every save checks: the wave is open and the answer set not yet submitted.
Wave writable(store::Connection& c, const Invitation& inv) {
  Wave w = open_wave_or_error(c, inv.wave_id);
  auto r = c.exec("SELECT submitted_at FROM monitoring_invitations WHERE id = ?", {inv.id});
  if (r.empty()) throw WaveError(404, "monitoring.error.invitation_unknown");
  if (!r.rows[0].is_null(0)) throw WaveError(409, "monitoring.error.already_submitted");
  return w;
}

}  // namespace

void save_tie(store::Connection& c, const Invitation& inv, const TieAnswer& a, std::int64_t now) {
  // Answering for another organisation: the source is the invitation's, whatever the caller says.
  if (a.source_id && *a.source_id != inv.organization_id) throw WaveError(403, "monitoring.error.other_organization");
  if (a.target_id == inv.organization_id) throw WaveError(422, "monitoring.error.self_tie");
  Wave w = writable(c, inv);
  if (!std::binary_search(w.organization_ids.begin(), w.organization_ids.end(), a.target_id))
    throw WaveError(422, "monitoring.error.outside_wave");
  check_answer(a);
  const store::Params values = {store::opt(a.frequency),
                                store::opt(a.integration),
                                opt_int(a.trust[0]),
                                opt_int(a.trust[1]),
                                opt_int(a.trust[2]),
                                opt_int(a.value[0]),
                                opt_int(a.value[1]),
                                opt_int(a.value[2]),
                                join(a.resources),
                                now};
  store::Params params = values;
  params.insert(params.end(), {inv.id, a.target_id});
  // Update, else insert: one row per (invitation, organisation answered about).
  auto updated = c.exec("UPDATE monitoring_ties SET contact_frequency = ?, integration = ?, trust_reliability = ?, "
                        "trust_openness = ?, trust_mission = ?, value_influence = ?, value_involvement = ?, "
                        "value_resources = ?, resources = ?, updated_at = ? WHERE invitation_id = ? AND target_id = ?",
                        params);
  if (updated.affected > 0) return;
  store::Params insert = {inv.id, inv.wave_id, inv.organization_id, a.target_id};
  insert.insert(insert.end(), values.begin(), values.end());
  c.exec("INSERT INTO monitoring_ties (invitation_id, wave_id, source_id, target_id, contact_frequency, integration, "
         "trust_reliability, trust_openness, trust_mission, value_influence, value_involvement, value_resources, "
         "resources, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         insert);
}

void save_factor(store::Connection& c, const Invitation& inv, const std::string& factor, int score,
                 std::int64_t now) {
  writable(c, inv);
  if (!one_of(kFactors, factor)) throw WaveError(422, "monitoring.error.factor");
  if (score < 1 || score > 5) throw WaveError(422, "monitoring.error.factor_score");
  auto updated = c.exec("UPDATE monitoring_self_assessments SET score = ?, updated_at = ? WHERE invitation_id = ? "
                        "AND factor = ?",
                        {std::int64_t{score}, now, inv.id, factor});
  if (updated.affected == 0)
    c.exec("INSERT INTO monitoring_self_assessments (invitation_id, factor, score, updated_at) VALUES (?, ?, ?, ?)",
           {inv.id, factor, std::int64_t{score}, now});
}

void submit(store::Connection& c, const Invitation& inv, std::int64_t now) {
  writable(c, inv);
  // The condition makes a second submission racing this one change nothing.
  auto r = c.exec("UPDATE monitoring_invitations SET submitted_at = ? WHERE id = ? AND submitted_at IS NULL",
                  {now, inv.id});
  if (r.affected == 0) throw WaveError(409, "monitoring.error.already_submitted");
}

std::vector<TieAnswer> tie_answers(store::Connection& c, const std::string& invitation_id) {
  std::vector<TieAnswer> out;
  for (const auto& r : c.exec("SELECT source_id, target_id, contact_frequency, integration, trust_reliability, "
                              "trust_openness, trust_mission, value_influence, value_involvement, value_resources, "
                              "resources FROM monitoring_ties WHERE invitation_id = ? ORDER BY target_id",
                              {invitation_id})
                           .rows) {
    TieAnswer a;
    a.source_id = r.text(0);
    a.target_id = r.text(1);
    a.frequency = r.opt_text(2);
    a.integration = r.opt_text(3);
    for (std::size_t k = 0; k < 3; ++k) {
      if (auto v = r.opt_int64(4 + k)) a.trust[k] = static_cast<int>(*v);
      if (auto v = r.opt_int64(7 + k)) a.value[k] = static_cast<int>(*v);
    }
    a.resources = split(r.text(10));
    out.push_back(std::move(a));
  }
  return out;
}

std::map<std::string, int> factor_scores(store::Connection& c, const std::string& invitation_id) {
  std::map<std::string, int> out;
  for (const auto& r :
       c.exec("SELECT factor, score FROM monitoring_self_assessments WHERE invitation_id = ?", {invitation_id}).rows)
    out[r.text(0)] = static_cast<int>(r.int64(1));
  return out;
}

WaveMetrics wave_metrics(store::Connection& c, const std::string& wave_id, bool confirmed_only) {
  WaveData data = load_wave_data(c, wave_id);
  return metrics_of(data, data.wave.organization_ids, confirmed_only);
}

nlohmann::json to_json(const WaveMetrics& m) {
  nlohmann::json j = to_json(m.metrics, m.organization_ids);
  auto opt = [](const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  j["network"]["trust"] = opt(m.trust);
  j["network"]["value"] = opt(m.value);
  j["network"]["integration_share"] = m.integration_share;
  for (auto& node : j["nodes"]) {
    std::string id = node["id"];
    node["trust_received"] = opt(m.trust_received.at(id));
    node["value_received"] = opt(m.value_received.at(id));
  }
  return j;
}

}  // namespace samen::monitoring
