// The after-transition evaluation (issue 19): a short questionnaire for the
// parent, the sending setting and the receiving setting, through the surveys
// module's C++ API (surveys/store.hpp). A coordinator starts it for a school
// year: three surveys, written from this module's catalog in nl/fr/en, are
// created and opened. A handover of that year whose transition date has
// passed gets one link per audience (surveys::invite_link, one response per
// link, labelled with the pathway only); its tokens are kept sealed with the
// handover (migration 0004) so the parent copy and the handover page show
// them again, and go with it. Results are per pathway (sending → receiving,
// school year), each audience's only from kSmallestShown answers on.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "i18n/i18n.hpp"
#include "store/database.hpp"
#include "surveys/store.hpp"
#include "transitions/crypto.hpp"
#include "transitions/domain.hpp"

namespace samen::transitions {

// The audiences, in the order pages show them.
inline const std::vector<std::string> kEvaluationAudiences = {"parent", "sending", "receiving"};

// The starter questionnaire of an audience, its texts from the catalog in nl, fr and en.
surveys::Definition evaluation_definition(const i18n::Catalog& catalog, const std::string& audience);

struct Evaluation {
  int school_year = 0;
  std::map<std::string, std::string> survey_ids;  // by audience
  std::int64_t started_at = 0;
};
std::optional<Evaluation> load_evaluation(store::Connection& c, int school_year);
// Every started evaluation, newest school year first.
std::vector<Evaluation> list_evaluations(store::Connection& c);
// Creates and opens the year's three surveys; nullopt when the year has one already.
std::optional<Evaluation> start_evaluation(store::Connection& c, const i18n::Catalog& catalog, int school_year,
                                           std::optional<std::int64_t> started_by, std::int64_t now);

// A pathway's label on the survey links: "<sending id>><receiving id>:<school year>".
std::string pathway_segment(const std::string& sending_id, const std::string& receiving_id, int school_year);

// The tokens of a handover's links, by audience (/s/<token> answers them).
using EvaluationLinks = std::map<std::string, std::string>;
// The handover's links: made on the first call once its transition date
// (`today`, YYYY-MM-DD) has passed and an evaluation runs for its school
// year (`school_year`: the receiving setting's); nullopt before that.
std::optional<EvaluationLinks> evaluation_links(store::Connection& c, const Key& key, const Handover& h,
                                                int school_year, const std::string& today, std::int64_t now);

// One pathway's evaluation: the results of each audience that has answers.
struct PathwayEvaluation {
  std::string sending_id, receiving_id;
  std::map<std::string, surveys::Results> by_audience;
};
struct EvaluationResults {
  std::map<std::string, surveys::Survey> surveys;  // by audience (their questions)
  std::vector<PathwayEvaluation> pathways;          // by sending, then receiving id
};
// The year's results per pathway (SQL aggregates of the surveys module; open texts left out).
EvaluationResults evaluation_results(store::Connection& c, const Evaluation& e);

}  // namespace samen::transitions
