// The analysis of a wave's answers (see analysis.hpp).
#include "monitoring/analysis.hpp"

#include <algorithm>
#include <functional>
#include <set>

namespace samen::monitoring {

namespace {

struct Mean {
  double sum = 0;
  std::int64_t n = 0;
  void add(const std::optional<int>& v) {
    if (v) sum += *v, ++n;
  }
  std::optional<double> value() const { return n ? std::optional<double>(sum / static_cast<double>(n)) : std::nullopt; }
};

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

}  // namespace

WaveData load_wave_data(store::Connection& c, const std::string& wave_id) {
  auto w = load_wave(c, wave_id);
  if (!w) throw WaveError(404, "monitoring.error.wave_unknown");
  WaveData d;
  d.wave = std::move(*w);
  // Submitted answer sets only: a draft may still change.
  auto rows = c.exec("SELECT t.source_id, t.target_id, t.contact_frequency, t.integration, t.trust_reliability, "
                     "t.trust_openness, t.trust_mission, t.value_influence, t.value_involvement, t.value_resources, "
                     "t.resources FROM monitoring_ties t JOIN monitoring_invitations i ON i.id = t.invitation_id "
                     "WHERE t.wave_id = ? AND i.submitted_at IS NOT NULL ORDER BY t.source_id, t.target_id",
                     {wave_id});
  d.answers.reserve(rows.rows.size());
  for (const auto& r : rows.rows) {
    AnswerRow a;
    a.source = r.text(0);
    a.target = r.text(1);
    a.frequency = r.opt_text(2);
    a.integration = r.opt_text(3);
    for (std::size_t k = 0; k < 3; ++k) {
      if (auto v = r.opt_int64(4 + k)) a.trust[k] = static_cast<int>(*v);
      if (auto v = r.opt_int64(7 + k)) a.value[k] = static_cast<int>(*v);
    }
    a.resources = split(r.text(10));
    d.answers.push_back(std::move(a));
  }
  return d;
}

WaveMetrics metrics_of(const WaveData& data, const std::vector<std::string>& organization_ids, bool confirmed_only) {
  WaveMetrics out;
  out.organization_ids = organization_ids;
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < organization_ids.size(); ++i) index[organization_ids[i]] = i;
  std::set<std::pair<std::size_t, std::size_t>> reported;
  std::map<std::string, std::int64_t> levels;
  Mean trust, value;
  std::vector<Mean> trust_in(organization_ids.size()), value_in(organization_ids.size());
  for (const auto& a : data.answers) {
    auto s = index.find(a.source), t = index.find(a.target);
    if (s == index.end() || t == index.end()) continue;  // a tie leaving the subnetwork
    for (std::size_t k = 0; k < 3; ++k) {
      trust.add(a.trust[k]);
      trust_in[t->second].add(a.trust[k]);
      value.add(a.value[k]);
      value_in[t->second].add(a.value[k]);
    }
    if (!a.integration || *a.integration == "none") continue;
    reported.insert({s->second, t->second});
    ++levels[*a.integration];
  }
  Network net;
  net.nodes = organization_ids.size();
  net.directed = !confirmed_only;
  for (auto [s, t] : reported) {
    if (!confirmed_only) net.ties.emplace_back(s, t);
    else if (s < t && reported.count({t, s})) net.ties.emplace_back(s, t);  // both sides report it, once
  }
  out.metrics = compute(net);
  out.trust = trust.value();
  out.value = value.value();
  for (std::size_t i = 0; i < organization_ids.size(); ++i) {
    out.trust_received[organization_ids[i]] = trust_in[i].value();
    out.value_received[organization_ids[i]] = value_in[i].value();
  }
  for (std::size_t k = 1; k < kIntegration.size(); ++k) {
    std::string level(kIntegration[k]);
    out.integration_share[level] =
        reported.empty() ? 0.0 : static_cast<double>(levels[level]) / static_cast<double>(reported.size());
  }
  return out;
}

std::optional<Cut> parse_cut(std::string_view s) {
  if (s == "team") return Cut::team;
  if (s == "sector") return Cut::sector;
  if (s == "language") return Cut::language;
  return std::nullopt;
}

std::vector<Subnetwork> subnetworks(const WaveData& data, Cut cut, bool confirmed_only, const core::Network& net,
                                    const std::map<std::string, Profile>& profiles, i18n::Lang lang,
                                    const std::function<std::string(const std::string&)>& label) {
  const auto& orgs = data.wave.organization_ids;
  std::vector<Subnetwork> out;
  auto add = [&](std::string code, std::string name, std::vector<std::string> members) {
    if (members.empty()) return;
    std::sort(members.begin(), members.end());
    out.push_back({std::move(code), std::move(name), metrics_of(data, members, confirmed_only)});
  };
  if (cut == Cut::team) {
    for (const auto& t : net.teams) {
      std::vector<std::string> members;
      for (const auto& m : t.member_ids)
        if (std::binary_search(orgs.begin(), orgs.end(), m)) members.push_back(m);
      add(t.id, t.name.in(lang), members);
    }
    return out;
  }
  auto codes = cut == Cut::sector ? std::vector<std::string_view>(kSectors.begin(), kSectors.end())
                                  : std::vector<std::string_view>(kLanguageCommunities.begin(), kLanguageCommunities.end());
  for (auto code : codes) {
    std::vector<std::string> members;
    for (const auto& o : orgs) {
      Profile p = profile_of(profiles, o);
      if ((cut == Cut::sector ? p.sector : p.language) == code) members.push_back(o);
    }
    std::string key = (cut == Cut::sector ? "monitoring.sector." : "monitoring.language.") + std::string(code);
    add(std::string(code), label(key), members);
  }
  return out;
}

}  // namespace samen::monitoring
