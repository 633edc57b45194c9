// Surveys' storage and the small C++ API other modules call (the warm
// transitions' after-transition evaluation): create a survey from a
// definition, publish it, invite respondents, save answers as they come,
// submit, read results. Functions work on the caller's connection (inside
// app::write for changes: the audit entry is the caller's); bad input is a
// SurveyError with a catalog key and an HTTP status, checked before any
// statement could fail, so nothing stored is lost.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "i18n/i18n.hpp"
#include "store/database.hpp"
#include "surveys/definition.hpp"

namespace samen::surveys {

class SurveyError : public std::runtime_error {
 public:
  SurveyError(int status, std::string key, Problems problems = {})
      : std::runtime_error(key), status(status), key(std::move(key)), problems(std::move(problems)) {}
  int status;          // 404, 409, 422
  std::string key;     // catalog key
  Problems problems;   // for a definition or answers: each problem
};

enum class Audience { parents, partners };
std::string_view audience_name(Audience a);
std::optional<Audience> parse_audience(std::string_view s);

struct Survey {
  std::string id;
  std::int64_t version = 0;
  std::int64_t created_at = 0, updated_at = 0;
  Audience audience = Audience::parents;
  std::string status = "draft";  // draft → open → closed
  Definition definition;
  std::optional<std::string> public_token;  // the anonymous link, when there is one
  std::optional<std::int64_t> opened_at, closed_at;
  std::int64_t responses = 0;  // submitted
};

// ---- surveys ----
// Creates a draft; SurveyError 422 with the problems when the definition is wrong.
Survey create_survey(store::Connection& c, const Definition& d, Audience audience, std::optional<std::int64_t> created_by,
                     std::int64_t now);
std::optional<Survey> load_survey(store::Connection& c, const std::string& id);
std::vector<Survey> list_surveys(store::Connection& c);
// Replaces the definition (and audience while a draft). Once a response
// exists only texts and the questions' order may change (409
// surveys.error.structure_locked).
// `expected_version`: StaleVersion (409) when another version is stored.
Survey update_survey(store::Connection& c, const std::string& id, const Definition& d, std::optional<Audience> audience,
                     std::optional<std::int64_t> expected_version, std::int64_t now);
// draft → open (with `public_link`: a public token is made), open → closed.
Survey publish(store::Connection& c, const std::string& id, bool public_link, std::int64_t now);
Survey close(store::Connection& c, const std::string& id, std::int64_t now);
// A public token for an open survey that has none (returns the token).
std::string make_public_link(store::Connection& c, const std::string& id, std::int64_t now);

// ---- invitations ----
struct Invitee {
  std::string email;
  std::string name;
  std::string lang = "nl";
  std::optional<std::string> organization_id;  // a partner organisation (who may then read the results)
};
struct Invitation {
  std::string id;
  std::string survey_id;
  std::string email, name, lang;  // email "" for a link invitation (invite_link)
  std::optional<std::string> segment;
  std::optional<std::string> organization_id;
  std::int64_t invited_at = 0;
  std::optional<std::int64_t> reminded_at;
  std::int64_t reminders = 0;
  std::optional<std::int64_t> started_at, submitted_at;
};
// Invites one respondent of an open or draft survey and queues the e-mail
// with `link_base` + token in their language (no e-mail when link_base is
// empty). Returns the token: only its digest is kept. 409 when the address is
// already invited, 422 for a bad address or unknown organisation.
std::string invite(store::Connection& c, const i18n::Catalog& catalog, const std::string& survey_id,
                   const Invitee& who, const std::string& link_base, std::int64_t now);
// An invitation without an address: a link handed over by a person (printed
// for a parent), one response per link. `segment` labels the group it belongs
// to for results_by_segment. Returns the token (only its digest is kept).
// 409 when the survey is closed.
std::string invite_link(store::Connection& c, const std::string& survey_id, const std::string& lang,
                        const std::string& segment, std::int64_t now);
std::vector<Invitation> invitations(store::Connection& c, const std::string& survey_id);
// Reminds every e-mail invitee of an open survey who has not submitted (a fresh link). Returns how many.
std::size_t remind(store::Connection& c, const i18n::Catalog& catalog, const std::string& survey_id,
                   const std::string& link_base, std::int64_t now);

// ---- responding ----
// What a respondent's link opens: the survey, and the invitation or the public link.
struct Access {
  Survey survey;
  std::optional<Invitation> invitation;  // none: the public link
};
std::optional<Access> access_by_token(store::Connection& c, const std::string& token);

struct Response {
  std::string id;
  std::string survey_id;
  std::optional<std::string> invitation_id;
  std::string lang;
  std::int64_t started_at = 0, updated_at = 0;
  std::optional<std::int64_t> submitted_at;
  Answers answers;
};
// The response of an invitation, or of an anonymous draft token (none yet: nullopt).
std::optional<Response> response_for(store::Connection& c, const Access& a, const std::string& draft_token);
// Saves the answers to some questions (others kept), drops answers of
// questions the new answers hide, and returns the response (created on the
// first save: an anonymous one is found again by `draft_token`). An empty
// answer removes the stored one. 422 with the problems, nothing saved; 409
// when the survey is not open or the response is submitted.
Response save_answers(store::Connection& c, const Access& a, const std::string& draft_token, const Answers& answers,
                      const std::string& lang, std::int64_t now);
// Submits: 422 surveys.error.required with the missing questions.
Response submit(store::Connection& c, const Access& a, const std::string& draft_token, std::int64_t now);
// Submitted responses, newest first, with their answers (for coordinators, the
// API and the export): two queries whatever the page size.
std::vector<Response> submitted_responses(store::Connection& c, const std::string& survey_id, std::int64_t limit,
                                          std::int64_t offset);

// ---- results ----
// The results of submitted responses, computed with SQL aggregates (GROUP BY
// question and option), never by loading every response. `max_texts`: the
// latest open texts per question.
Results survey_results(store::Connection& c, const Survey& s, std::size_t max_texts = 100);
// The same per segment of the link invitations (invite_link), with the same
// SQL aggregates grouped by segment as well; segments without a submitted
// response are absent. Responses outside any segment are left out.
std::map<std::string, Results> results_by_segment(store::Connection& c, const Survey& s, std::size_t max_texts = 100);
// One question's submitted open texts, latest first, a page at a time.
struct OpenText {
  std::string text;
  std::int64_t submitted_at = 0;
};
std::vector<OpenText> open_texts(store::Connection& c, const std::string& survey_id, const std::string& question_id,
                                 std::int64_t limit, std::int64_t offset);
std::int64_t count_open_texts(store::Connection& c, const std::string& survey_id, const std::string& question_id);

}  // namespace samen::surveys
