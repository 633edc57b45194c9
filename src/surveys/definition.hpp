// Surveys' rules without I/O: a questionnaire's definition (title and intro
// per language; single choice, multiple choice, Likert scale, number and open
// text questions; required or optional; "show B only if the answer to an
// earlier A is one of ..."), its validation, the validation of one
// respondent's answers (skip logic applied: answers to hidden questions are
// dropped), and the aggregation of results. Every refusal names a catalog key
// (surveys.error.*) and the place it is about, so pages and the API say it in
// the reader's language. The store (store.hpp) keeps definitions as this JSON.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>

#include "i18n/i18n.hpp"

namespace samen::surveys {

// A text in each of the survey's languages ("nl", "fr", "en").
using LangText = std::map<std::string, std::string>;
// The text in `lang`, else Dutch, else French, else any.
std::string in_lang(const LangText& t, i18n::Lang lang);

enum class QuestionType { single, multiple, likert, number, text };
std::string_view type_name(QuestionType t);  // "single", "multiple", "likert", "number", "text"
std::optional<QuestionType> parse_type(std::string_view s);

struct Option {
  std::string code;  // stable: answers and results refer to it
  LangText label;
};

struct ShowIf {
  std::string question;             // an earlier question (single, multiple or likert)
  std::vector<std::string> any_of;  // option codes (a Likert point as "1".."7"): shown when the answer has one
};

struct Question {
  std::string id;  // [a-z0-9_], 1-40 characters, unique in the survey
  QuestionType type = QuestionType::single;
  bool required = false;
  LangText text;
  std::vector<Option> options;       // single, multiple
  std::vector<LangText> scale;       // likert: one label per point, 4-7 points
  std::optional<double> min, max;    // number
  bool integer = false;              // number: whole numbers only
  std::int64_t max_length = 1000;    // text: 1-5000 characters
  std::optional<ShowIf> show_if;
};

struct Definition {
  std::vector<std::string> languages{"nl", "fr", "en"};  // every text is required in each
  LangText title;
  LangText intro;
  std::vector<Question> questions;
  const Question* question(const std::string& id) const;
};

// A refusal: the catalog key and where ("title", "questions[2].options", "q3").
struct Problem {
  std::string where;
  std::string key;
};
using Problems = std::vector<Problem>;

// Reads the JSON form (to_json's shape). Structural errors (a member of the
// wrong JSON type, an unknown question type) are Problems too, never exceptions.
Definition definition_from_json(const nlohmann::json& j, Problems& problems);
nlohmann::json to_json(const Definition& d);
// Everything wrong with a definition: empty texts, duplicate or malformed ids,
// options missing or repeated, a scale of fewer than 4 or more than 7 points,
// min above max, a skip rule pointing to itself, forward or to a missing
// question, or naming an option the question does not have.
Problems validate(const Definition& d);
// The definition without its texts and its questions' order: two definitions
// with the same structure differ in wording or order only (allowed once
// answers exist).
nlohmann::json structure(const Definition& d);

// One answer: the chosen option codes (single: one; multiple: any; Likert:
// the point "1".."N"), a number, or a text.
struct Answer {
  std::vector<std::string> codes;
  std::optional<double> number;
  std::optional<std::string> text;
  bool empty() const { return codes.empty() && !number && (!text || text->empty()); }
};
using Answers = std::map<std::string, Answer>;  // by question id

// Reads one question's answer from what a form or JSON sent as strings (a
// choice's codes, a number as typed with '.' or ',', a text). A malformed
// value is a Problem (surveys.error.not_a_number, ...), the answer then empty.
Answer read_answer(const Question& q, const std::vector<std::string>& values, Problems& problems);
// Checks an answer against its question (option unknown, more than one for a
// single choice, out of range, not whole, too long).
void check_answer(const Question& q, const Answer& a, Problems& problems);
// Whether a question is shown given the answers so far (its rule's question answered with one of the codes).
bool shown(const Definition& d, const Question& q, const Answers& answers);
// The answers with those of hidden questions dropped, in question order
// (a hidden question's answer can hide later ones in turn).
Answers visible_answers(const Definition& d, const Answers& answers);
// Required questions that are shown and not answered (what blocks a submission).
std::vector<std::string> missing_required(const Definition& d, const Answers& answers);

// Results of one question, from submitted responses.
struct QuestionResult {
  std::int64_t answered = 0;                   // responses with an answer to it
  std::map<std::string, std::int64_t> counts;  // choice and Likert: per code (every option present, 0 if none)
  std::optional<double> mean, min, max;        // Likert and number
  std::vector<std::string> texts;              // open text: the latest ones
  std::int64_t texts_total = 0;
};
struct Results {
  std::int64_t responses = 0;  // submitted
  std::map<std::string, QuestionResult> questions;
};
// Aggregates answers held in memory (tests, small sets); the store computes
// the same with SQL aggregates (store.hpp: survey_results).
Results aggregate(const Definition& d, const std::vector<Answers>& submitted, std::size_t max_texts = 200);
// Every option code of a question in order (Likert: "1".."N").
std::vector<std::string> codes_of(const Question& q);

}  // namespace samen::surveys
