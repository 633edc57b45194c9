// The after-transition evaluation (evaluation.hpp): the starter
// questionnaires, starting a year's evaluation, a handover's links and the
// results per pathway, all through the surveys module's API.
#include "transitions/evaluation.hpp"

#include "transitions/keyring.hpp"
#include "transitions/pathways.hpp"

namespace samen::transitions {

namespace {

// Each audience's Likert questions (1-5, the same scale), then one optional open text.
const std::map<std::string, std::vector<std::string>>& likert_questions() {
  static const std::map<std::string, std::vector<std::string>> q = {
      {"parent", {"settled", "informed", "heard"}},
      {"sending", {"exchange", "parent_involved"}},
      {"receiving", {"settled", "handover_useful", "exchange"}},
  };
  return q;
}

surveys::LangText texts(const i18n::Catalog& catalog, const std::string& key) {
  surveys::LangText t;
  for (auto l : i18n::kLangs) t[std::string(i18n::code(l))] = catalog.text(l, key);
  return t;
}


Evaluation evaluation_of(const store::Row& r) {
  Evaluation e;
  e.school_year = static_cast<int>(r.int64(0));
  for (std::size_t i = 0; i < kEvaluationAudiences.size(); ++i)
    e.survey_ids[kEvaluationAudiences[i]] = r.text(i + 1);
  e.started_at = r.int64(4);
  return e;
}

constexpr const char* kSelect =
    "SELECT school_year, parent_survey_id, sending_survey_id, receiving_survey_id, started_at "
    "FROM transitions_evaluations ";

}  // namespace

surveys::Definition evaluation_definition(const i18n::Catalog& catalog, const std::string& audience) {
  const std::string base = "transitions.evaluation." + audience + ".";
  surveys::Definition d;
  d.title = texts(catalog, base + "title");
  d.intro = texts(catalog, "transitions.evaluation.intro");
  for (const auto& id : likert_questions().at(audience)) {
    surveys::Question q;
    q.id = id;
    q.type = surveys::QuestionType::likert;
    q.required = true;
    q.text = texts(catalog, base + id);
    for (int point = 1; point <= 5; ++point)
      q.scale.push_back(texts(catalog, "transitions.evaluation.scale." + std::to_string(point)));
    d.questions.push_back(std::move(q));
  }
  surveys::Question open;
  open.id = "comment";
  open.type = surveys::QuestionType::text;
  open.max_length = 1000;
  open.text = texts(catalog, "transitions.evaluation.comment");
  d.questions.push_back(std::move(open));
  return d;
}

std::optional<Evaluation> load_evaluation(store::Connection& c, int school_year) {
  auto r = c.exec(std::string(kSelect) + "WHERE school_year = ?", {std::int64_t{school_year}});
  if (r.empty()) return std::nullopt;
  return evaluation_of(r.rows[0]);
}

std::vector<Evaluation> list_evaluations(store::Connection& c) {
  std::vector<Evaluation> out;
  for (const auto& r : c.exec(std::string(kSelect) + "ORDER BY school_year DESC").rows) out.push_back(evaluation_of(r));
  return out;
}

std::optional<Evaluation> start_evaluation(store::Connection& c, const i18n::Catalog& catalog, int school_year,
                                           std::optional<std::int64_t> started_by, std::int64_t now) {
  if (load_evaluation(c, school_year)) return std::nullopt;
  Evaluation e;
  e.school_year = school_year;
  e.started_at = now;
  for (const auto& audience : kEvaluationAudiences) {
    surveys::Definition d = evaluation_definition(catalog, audience);
    // The year in every title, so the surveys list tells the years apart.
    for (auto& [lang, title] : d.title) title += " " + school_year_label(school_year);
    auto who = audience == "parent" ? surveys::Audience::parents : surveys::Audience::partners;
    surveys::Survey s = surveys::create_survey(c, d, who, started_by, now);
    surveys::publish(c, s.id, false, now);
    e.survey_ids[audience] = s.id;
  }
  c.exec("INSERT INTO transitions_evaluations (school_year, parent_survey_id, sending_survey_id, receiving_survey_id, "
         "started_at, started_by) VALUES (?, ?, ?, ?, ?, ?)",
         {std::int64_t{school_year}, e.survey_ids["parent"], e.survey_ids["sending"], e.survey_ids["receiving"], now,
          store::opt(started_by)});
  return e;
}

std::string pathway_segment(const std::string& sending_id, const std::string& receiving_id, int school_year) {
  return sending_id + ">" + receiving_id + ":" + std::to_string(school_year);
}

std::optional<EvaluationLinks> evaluation_links(store::Connection& c, const Key& key, const Handover& h,
                                                int school_year, const std::string& today, std::int64_t now) {
  if (h.transition_date > today) return std::nullopt;  // ISO dates compare as text
  auto e = load_evaluation(c, school_year);
  if (!e) return std::nullopt;
  EvaluationLinks links;
  for (const auto& r : c.exec("SELECT id, audience, token FROM transitions_evaluation_links WHERE handover_id = ?",
                              {h.id})
                           .rows)
    links[r.text(1)] = open(key, seal_context("transitions_evaluation_links", r.text(0), "token"), r.text(2));
  const std::string segment = pathway_segment(h.sending_setting_id, h.receiving_setting_id, school_year);
  for (const auto& audience : kEvaluationAudiences) {
    if (links.count(audience)) continue;
    // The parent answers in the handover's language; settings choose theirs on the survey page.
    std::string token = surveys::invite_link(c, e->survey_ids[audience], audience == "parent" ? h.language : "nl",
                                             segment, now);
    std::string id = h.id + ":" + audience;
    c.exec("INSERT INTO transitions_evaluation_links (id, handover_id, audience, token, created_at) VALUES (?, ?, ?, "
           "?, ?)",
           {id, h.id, audience, seal(key, seal_context("transitions_evaluation_links", id, "token"), token), now});
    links[audience] = token;
  }
  return links;
}

EvaluationResults evaluation_results(store::Connection& c, const Evaluation& e) {
  EvaluationResults out;
  std::map<std::string, PathwayEvaluation> by_segment;
  const std::string suffix = ":" + std::to_string(e.school_year);
  for (const auto& audience : kEvaluationAudiences) {
    auto s = surveys::load_survey(c, e.survey_ids.at(audience));
    if (!s) continue;
    out.surveys[audience] = *s;
    for (auto& [segment, results] : surveys::results_by_segment(c, *s, 0)) {
      auto arrow = segment.find('>');
      if (arrow == std::string::npos || !segment.ends_with(suffix)) continue;
      PathwayEvaluation& p = by_segment[segment];
      p.sending_id = segment.substr(0, arrow);
      p.receiving_id = segment.substr(arrow + 1, segment.size() - suffix.size() - arrow - 1);
      p.by_audience[audience] = std::move(results);
    }
  }
  for (auto& [segment, p] : by_segment) out.pathways.push_back(std::move(p));
  return out;
}

}  // namespace samen::transitions
