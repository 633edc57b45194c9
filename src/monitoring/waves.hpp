// Survey waves of partnership monitoring (issue 18): a coordinator opens a
// wave for a set of organisations (Brussels-wide or a team), invites one
// respondent per organisation (a token link by e-mail through the outbox),
// follows who has not answered, reminds them and closes the wave. A
// respondent answers, about each other organisation of the wave, contact
// frequency, Himmelman's integration level, trust and value (1-4 each) and the
// resources it contributes, plus a self-assessment of the partnership (1-5
// per factor); answers are saved one by one (resumable) until submitted, once.
//
// Storage and rules on a store::Connection (the caller's transaction); bad
// input is a WaveError with a catalog key and an HTTP status, never a
// database error: nothing already saved is lost.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/i18n.hpp"
#include "monitoring/metrics.hpp"
#include "store/database.hpp"

namespace samen::monitoring {

// The answer scales (codes stored; texts in the catalogs as monitoring.<scale>.<code>).
inline constexpr std::array<std::string_view, 5> kFrequencies = {"never", "yearly", "quarterly", "monthly", "weekly"};
// Himmelman's continuum, in order of integration.
inline constexpr std::array<std::string_view, 5> kIntegration = {"none", "networking", "coordinating", "cooperating",
                                                                 "collaborating"};
inline constexpr std::array<std::string_view, 8> kResources = {"information", "referrals", "expertise", "staff",
                                                               "space",       "funding",   "materials", "volunteers"};
// Collaboration factors of the self-assessment (wording in the catalogs).
inline constexpr std::array<std::string_view, 7> kFactors = {
    "mutual_respect",       "shared_vision",       "clear_roles",     "open_communication",
    "sufficient_resources", "shared_decisions",    "visible_results"};

class WaveError : public std::runtime_error {
 public:
  WaveError(int status, std::string key) : std::runtime_error(key), status(status), key(std::move(key)) {}
  int status;       // 404, 409, 422, 403
  std::string key;  // catalog key, e.g. monitoring.error.self_tie
};

struct Wave {
  std::string id;
  std::int64_t version = 0;
  std::string name;
  std::optional<std::string> team_id;  // none: Brussels-wide
  std::int64_t opened_at = 0;
  std::optional<std::int64_t> closed_at;
  std::vector<std::string> organization_ids;  // sorted
};

struct NewWave {
  std::string name;
  std::optional<std::string> team_id;
  // Empty: every member of the team, or every active organisation when Brussels-wide.
  std::vector<std::string> organization_ids;
  std::optional<std::int64_t> created_by;
};

struct Invitation {
  std::string id;
  std::string wave_id;
  std::string organization_id;
  std::string email;
  std::string name;
  std::string lang;
  std::int64_t invited_at = 0;
  std::optional<std::int64_t> reminded_at;
  std::int64_t reminders = 0;
  std::optional<std::int64_t> submitted_at;
};

// An answer about one other organisation. Unset items are not answered yet.
struct TieAnswer {
  std::optional<std::string> source_id;  // when the caller names it: must be the invitation's organisation
  std::string target_id;
  std::optional<std::string> frequency;
  std::optional<std::string> integration;
  std::array<std::optional<int>, 3> trust;  // reliability, openness, shared mission
  std::array<std::optional<int>, 3> value;  // influence, involvement, resource contribution
  std::vector<std::string> resources;
};

Wave create_wave(store::Connection& c, const NewWave& w, std::int64_t now);
std::optional<Wave> load_wave(store::Connection& c, const std::string& id);
std::vector<Wave> list_waves(store::Connection& c);
void close_wave(store::Connection& c, const std::string& wave_id, std::int64_t now);

// Invites the respondent of one organisation of the wave and queues the
// e-mail with the link `link_base` + token (none when link_base is empty:
// Samen's public address is unknown). Returns the token (shown nowhere else:
// only its digest is stored). One invitation per organisation.
struct Invitee {
  std::string organization_id;
  std::string email;
  std::string name;
  std::string lang = "nl";
};
std::string invite(store::Connection& c, const i18n::Catalog& catalog, const std::string& wave_id,
                   const Invitee& invitee, const std::string& link_base, std::int64_t now);
std::vector<Invitation> invitations(store::Connection& c, const std::string& wave_id);
// The invitations of an open wave without a submitted answer set.
std::vector<Invitation> not_answered(store::Connection& c, const std::string& wave_id);
// Queues a reminder to each respondent who has not answered (a new token
// link: the old one is replaced). Returns how many (0 without link_base).
std::size_t remind(store::Connection& c, const i18n::Catalog& catalog, const std::string& wave_id,
                   const std::string& link_base, std::int64_t now);

// The invitation a token opens (none: unknown token).
std::optional<Invitation> invitation_by_token(store::Connection& c, std::string_view token);

// Saving as you go: one tie answer, one factor score, then the submission.
void save_tie(store::Connection& c, const Invitation& inv, const TieAnswer& a, std::int64_t now);
void save_factor(store::Connection& c, const Invitation& inv, const std::string& factor, int score,
                 std::int64_t now);
void submit(store::Connection& c, const Invitation& inv, std::int64_t now);
std::vector<TieAnswer> tie_answers(store::Connection& c, const std::string& invitation_id);
std::map<std::string, int> factor_scores(store::Connection& c, const std::string& invitation_id);

// The metrics of a wave: its organisations are the nodes (isolated ones
// included); a reported tie is an answer with an integration level above
// "none" (directed, from respondent to the organisation answered about); a
// confirmed tie is one both sides report (undirected).
struct WaveMetrics {
  std::vector<std::string> organization_ids;
  Metrics metrics;
  std::optional<double> trust;  // mean of every trust rating given (1-4)
  std::optional<double> value;
  std::map<std::string, std::optional<double>> trust_received;  // per organisation
  std::map<std::string, std::optional<double>> value_received;
  std::map<std::string, double> integration_share;  // per level above none: share of reported ties
};
WaveMetrics wave_metrics(store::Connection& c, const std::string& wave_id, bool confirmed_only);
nlohmann::json to_json(const WaveMetrics& m);

}  // namespace samen::monitoring
