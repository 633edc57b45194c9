// Surveys' storage (see store.hpp). Every rule is checked with a query before
// writing, so bad input is a SurveyError, never a failed statement (which on
// PostgreSQL would abort the caller's whole transaction).
#include "surveys/store.hpp"

#include <algorithm>
#include <map>

#include "accounts/secrets.hpp"
#include "app/context.hpp"
#include "notify/outbox.hpp"
#include "util/text.hpp"
#include "util/uuid.hpp"

namespace samen::surveys {

using nlohmann::json;

namespace {

constexpr const char* kSurveyColumns =
    "SELECT s.id, s.version, s.created_at, s.updated_at, s.audience, s.status, s.definition, s.public_token, "
    "s.opened_at, s.closed_at, (SELECT COUNT(*) FROM survey_responses r WHERE r.survey_id = s.id AND "
    "r.submitted_at IS NOT NULL) FROM surveys s ";

Survey survey_of(const store::Row& r) {
  Survey s;
  s.id = r.text(0);
  s.version = r.int64(1);
  s.created_at = r.int64(2);
  s.updated_at = r.int64(3);
  s.audience = parse_audience(r.text(4)).value_or(Audience::parents);
  s.status = r.text(5);
  Problems ignored;  // what was stored passed validation
  s.definition = definition_from_json(json::parse(r.text(6), nullptr, false), ignored);
  s.public_token = r.opt_text(7);
  s.opened_at = r.opt_int64(8);
  s.closed_at = r.opt_int64(9);
  s.responses = r.int64(10);
  return s;
}

Survey survey_or_404(store::Connection& c, const std::string& id) {
  auto s = load_survey(c, id);
  if (!s) throw SurveyError(404, "surveys.error.survey_unknown");
  return *s;
}

void check_definition(const Definition& d) {
  Problems p = validate(d);
  if (!p.empty()) throw SurveyError(422, "surveys.error.definition", std::move(p));
}

constexpr const char* kInvitationColumns =
    "SELECT i.id, i.survey_id, i.email, i.name, i.lang, i.organization_id, i.invited_at, i.reminded_at, i.reminders, "
    "r.started_at, r.submitted_at, i.segment FROM survey_invitations i LEFT JOIN survey_responses r ON r.invitation_id "
    "= i.id ";

// A link invitation's `email` column holds "link:<id>" (unique per survey); it has no address.
constexpr std::string_view kLinkEmail = "link:";

Invitation invitation_of(const store::Row& r) {
  Invitation i;
  i.id = r.text(0);
  i.survey_id = r.text(1);
  i.email = r.text(2);
  i.name = r.text(3);
  i.lang = r.text(4);
  i.organization_id = r.opt_text(5);
  i.invited_at = r.int64(6);
  i.reminded_at = r.opt_int64(7);
  i.reminders = r.int64(8);
  i.started_at = r.opt_int64(9);
  i.submitted_at = r.opt_int64(10);
  i.segment = r.opt_text(11);
  if (i.email.starts_with(kLinkEmail)) i.email.clear();
  return i;
}

// The e-mail with the survey link, in the invitee's language.
notify::Message survey_message(const i18n::Catalog& catalog, const Invitation& inv, const Survey& s,
                               const std::string& link, bool reminder) {
  i18n::Lang lang = i18n::parse_lang(inv.lang).value_or(i18n::kDefaultLang);
  std::string title = in_lang(s.definition.title, lang);
  notify::Message m;
  m.to = inv.email;
  m.lang = std::string(i18n::code(lang));
  m.subject = catalog.format(lang, reminder ? "surveys.mail.reminder.subject" : "surveys.mail.invitation.subject",
                             {{"survey", title}});
  m.text = catalog.format(lang, reminder ? "surveys.mail.reminder.text" : "surveys.mail.invitation.text",
                          {{"name", inv.name}, {"survey", title}, {"link", link}});
  return m;
}

void write_answer(store::Connection& c, const std::string& response_id, const std::string& survey_id,
                  const Question& q, const Answer& a) {
  c.exec("DELETE FROM survey_answers WHERE response_id = ? AND question_id = ?", {response_id, q.id});
  if (a.empty()) return;
  const char* sql = "INSERT INTO survey_answers (response_id, survey_id, question_id, item, number, text_value, first_row) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)";
  if (!a.codes.empty()) {
    // One row per chosen code; first_row marks one of them so results count respondents with a SUM.
    for (std::size_t i = 0; i < a.codes.size(); ++i) {
      const std::string& code = a.codes[i];
      store::Param number = q.type == QuestionType::likert ? store::Param(std::stod(code)) : store::Param(nullptr);
      c.exec(sql, {response_id, survey_id, q.id, code, number, nullptr, std::int64_t{i == 0 ? 1 : 0}});
    }
    return;
  }
  sql = "INSERT INTO survey_answers (response_id, survey_id, question_id, item, number, text_value) "
        "VALUES (?, ?, ?, ?, ?, ?)";
  if (a.number) {
    c.exec(sql, {response_id, survey_id, q.id, std::string(), *a.number, nullptr});
  } else if (a.text) {
    c.exec(sql, {response_id, survey_id, q.id, std::string(), nullptr, *a.text});
  }
}

Answers answers_of(store::Connection& c, const std::string& response_id) {
  Answers out;
  for (const auto& r : c.exec("SELECT question_id, item, number, text_value FROM survey_answers WHERE response_id = ? "
                              "ORDER BY question_id, item",
                              {response_id})
                           .rows) {
    Answer& a = out[r.text(0)];
    if (!r.text(1).empty()) a.codes.push_back(r.text(1));
    else if (!r.is_null(2)) a.number = r.real(2);
    else if (!r.is_null(3)) a.text = r.text(3);
  }
  return out;
}

constexpr const char* kResponseColumns =
    "SELECT id, survey_id, invitation_id, lang, started_at, updated_at, submitted_at FROM survey_responses ";

// A row of kResponseColumns, without its answers.
Response response_row(const store::Row& r) {
  Response x;
  x.id = r.text(0);
  x.survey_id = r.text(1);
  x.invitation_id = r.opt_text(2);
  x.lang = r.text(3);
  x.started_at = r.int64(4);
  x.updated_at = r.int64(5);
  x.submitted_at = r.opt_int64(6);
  return x;
}

Response response_of(store::Connection& c, const store::Row& r) {
  Response x = response_row(r);
  x.answers = answers_of(c, x.id);
  return x;
}

// The survey must be open for answers.
void check_open(store::Connection& c, const Access& a) {
  auto r = c.exec("SELECT status FROM surveys WHERE id = ?", {a.survey.id});
  if (r.empty()) throw SurveyError(404, "surveys.error.survey_unknown");
  if (r.rows[0].text(0) != "open") throw SurveyError(409, "surveys.error.not_open");
}

}  // namespace

std::string_view audience_name(Audience a) { return a == Audience::parents ? "parents" : "partners"; }

std::optional<Audience> parse_audience(std::string_view s) {
  if (s == "parents") return Audience::parents;
  if (s == "partners") return Audience::partners;
  return std::nullopt;
}

Survey create_survey(store::Connection& c, const Definition& d, Audience audience,
                     std::optional<std::int64_t> created_by, std::int64_t now) {
  check_definition(d);
  std::string id = uuid::random();
  c.exec("INSERT INTO surveys (id, version, created_at, updated_at, audience, status, title, definition, created_by) "
         "VALUES (?, 1, ?, ?, ?, 'draft', ?, ?, ?)",
         {id, now, now, std::string(audience_name(audience)), in_lang(d.title, i18n::Lang::nl), to_json(d).dump(),
          store::opt(created_by)});
  return survey_or_404(c, id);
}

std::optional<Survey> load_survey(store::Connection& c, const std::string& id) {
  auto r = c.exec(std::string(kSurveyColumns) + "WHERE s.id = ?", {id});
  if (r.empty()) return std::nullopt;
  return survey_of(r.rows[0]);
}

std::vector<Survey> list_surveys(store::Connection& c) {
  std::vector<Survey> out;
  for (const auto& r : c.exec(std::string(kSurveyColumns) + "WHERE s.archived_at IS NULL ORDER BY s.created_at DESC, s.id").rows)
    out.push_back(survey_of(r));
  return out;
}

Survey update_survey(store::Connection& c, const std::string& id, const Definition& d,
                     std::optional<Audience> audience, std::optional<std::int64_t> expected_version, std::int64_t now) {
  Survey s = survey_or_404(c, id);
  if (expected_version && *expected_version != s.version) throw app::StaleVersion();
  check_definition(d);
  bool answered = !c.exec("SELECT 1 FROM survey_responses WHERE survey_id = ?", {id}).empty();
  // Answers refer to question ids, option codes and scale points: once any exist only wording and order may change.
  if (answered && structure(d) != structure(s.definition)) throw SurveyError(409, "surveys.error.structure_locked");
  if (audience && *audience != s.audience && s.status != "draft") throw SurveyError(409, "surveys.error.structure_locked");
  c.exec("UPDATE surveys SET definition = ?, title = ?, audience = ?, version = version + 1, updated_at = ? WHERE id = ?",
         {to_json(d).dump(), in_lang(d.title, i18n::Lang::nl), std::string(audience_name(audience.value_or(s.audience))),
          now, id});
  return survey_or_404(c, id);
}

Survey publish(store::Connection& c, const std::string& id, bool public_link, std::int64_t now) {
  Survey s = survey_or_404(c, id);
  if (s.status != "draft") throw SurveyError(409, "surveys.error.not_draft");
  check_definition(s.definition);
  // A draft may be empty while it is written; a published survey asks something.
  if (s.definition.questions.empty())
    throw SurveyError(422, "surveys.error.definition", {{"questions", "surveys.error.no_questions"}});
  c.exec("UPDATE surveys SET status = 'open', opened_at = ?, version = version + 1, updated_at = ? WHERE id = ?",
         {now, now, id});
  if (public_link) make_public_link(c, id, now);
  return survey_or_404(c, id);
}

Survey close(store::Connection& c, const std::string& id, std::int64_t now) {
  Survey s = survey_or_404(c, id);
  if (s.status != "open") throw SurveyError(409, "surveys.error.not_open");
  c.exec("UPDATE surveys SET status = 'closed', closed_at = ?, version = version + 1, updated_at = ? WHERE id = ?",
         {now, now, id});
  return survey_or_404(c, id);
}

std::string make_public_link(store::Connection& c, const std::string& id, std::int64_t now) {
  Survey s = survey_or_404(c, id);
  if (s.public_token) return *s.public_token;
  if (s.status == "closed") throw SurveyError(409, "surveys.error.not_open");
  std::string token = accounts::random_token(18);
  c.exec("UPDATE surveys SET public_token = ?, version = version + 1, updated_at = ? WHERE id = ?", {token, now, id});
  return token;
}

std::string invite(store::Connection& c, const i18n::Catalog& catalog, const std::string& survey_id,
                   const Invitee& who, const std::string& link_base, std::int64_t now) {
  Survey s = survey_or_404(c, survey_id);
  if (s.status == "closed") throw SurveyError(409, "surveys.error.not_open");
  std::string email = text::trimmed(who.email);
  if (email.empty() || email.find('@') == std::string::npos || email.size() > 254 || !text::valid_utf8(email))
    throw SurveyError(422, "surveys.error.email");
  if (!c.exec("SELECT 1 FROM survey_invitations WHERE survey_id = ? AND email = ?", {survey_id, email}).empty())
    throw SurveyError(409, "surveys.error.already_invited");
  if (who.organization_id && c.exec("SELECT 1 FROM organizations WHERE id = ?", {*who.organization_id}).empty())
    throw SurveyError(422, "surveys.error.organization_unknown");
  Invitation inv;
  inv.id = uuid::random();
  inv.survey_id = survey_id;
  inv.email = email;
  inv.name = text::trimmed(who.name).substr(0, 200);
  inv.lang = std::string(i18n::code(i18n::parse_lang(who.lang).value_or(i18n::kDefaultLang)));
  std::string token = accounts::random_token();
  c.exec("INSERT INTO survey_invitations (id, survey_id, email, name, lang, organization_id, token_digest, invited_at) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
         {inv.id, survey_id, inv.email, inv.name, inv.lang, store::opt(who.organization_id),
          accounts::token_digest(token), now});
  if (link_base.empty()) return token;  // Samen's public address unknown: no e-mail (a reminder sends a link later)
  try {
    notify::enqueue(c, survey_message(catalog, inv, s, link_base + token, false), now);
  } catch (const notify::MessageError&) {
    throw SurveyError(422, "surveys.error.email");  // the caller rolls back: no invitation without its e-mail
  }
  return token;
}

std::string invite_link(store::Connection& c, const std::string& survey_id, const std::string& lang,
                        const std::string& segment, std::int64_t now) {
  Survey s = survey_or_404(c, survey_id);
  if (s.status == "closed") throw SurveyError(409, "surveys.error.not_open");
  std::string id = uuid::random();
  std::string token = accounts::random_token();
  c.exec("INSERT INTO survey_invitations (id, survey_id, email, name, lang, token_digest, invited_at, segment) "
         "VALUES (?, ?, ?, '', ?, ?, ?, ?)",
         {id, survey_id, std::string(kLinkEmail) + id, std::string(i18n::code(i18n::parse_lang(lang).value_or(i18n::kDefaultLang))),
          accounts::token_digest(token), now, segment});
  return token;
}

std::vector<Invitation> invitations(store::Connection& c, const std::string& survey_id) {
  std::vector<Invitation> out;
  for (const auto& r : c.exec(std::string(kInvitationColumns) + "WHERE i.survey_id = ? ORDER BY i.email", {survey_id}).rows)
    out.push_back(invitation_of(r));
  return out;
}

std::size_t remind(store::Connection& c, const i18n::Catalog& catalog, const std::string& survey_id,
                   const std::string& link_base, std::int64_t now) {
  Survey s = survey_or_404(c, survey_id);
  if (s.status != "open") throw SurveyError(409, "surveys.error.not_open");
  if (link_base.empty()) return 0;
  std::size_t sent = 0;
  for (const auto& inv : invitations(c, survey_id)) {
    if (inv.submitted_at || inv.email.empty()) continue;  // a link invitation has no address to remind
    // A fresh token: the reminder's link works, the old one no longer (it may have gone astray).
    std::string token = accounts::random_token();
    c.exec("UPDATE survey_invitations SET token_digest = ?, reminded_at = ?, reminders = reminders + 1 WHERE id = ?",
           {accounts::token_digest(token), now, inv.id});
    notify::enqueue(c, survey_message(catalog, inv, s, link_base + token, true), now);
    ++sent;
  }
  return sent;
}

std::optional<Access> access_by_token(store::Connection& c, const std::string& token) {
  if (token.empty() || token.size() > 200) return std::nullopt;
  auto r = c.exec(std::string(kInvitationColumns) + "WHERE i.token_digest = ?", {accounts::token_digest(token)});
  if (!r.empty()) {
    Invitation inv = invitation_of(r.rows[0]);
    auto s = load_survey(c, inv.survey_id);
    if (!s) return std::nullopt;
    return Access{*s, inv};
  }
  auto p = c.exec("SELECT id FROM surveys WHERE public_token = ?", {token});
  if (p.empty()) return std::nullopt;
  auto s = load_survey(c, p.rows[0].text(0));
  if (!s) return std::nullopt;
  return Access{*s, std::nullopt};
}

std::optional<Response> response_for(store::Connection& c, const Access& a, const std::string& draft_token) {
  store::Result r;
  if (a.invitation) r = c.exec(std::string(kResponseColumns) + "WHERE invitation_id = ?", {a.invitation->id});
  else if (!draft_token.empty() && draft_token.size() <= 200)
    r = c.exec(std::string(kResponseColumns) + "WHERE draft_digest = ? AND survey_id = ?",
               {accounts::token_digest(draft_token), a.survey.id});
  if (r.empty()) return std::nullopt;
  return response_of(c, r.rows[0]);
}

Response save_answers(store::Connection& c, const Access& a, const std::string& draft_token, const Answers& answers,
                      const std::string& lang, std::int64_t now) {
  check_open(c, a);
  const Definition& d = a.survey.definition;
  Problems problems;
  for (const auto& [qid, answer] : answers) {
    const Question* q = d.question(qid);
    if (!q) problems.push_back({qid, "surveys.error.question_unknown"});
    else check_answer(*q, answer, problems);
  }
  if (!problems.empty()) throw SurveyError(422, "surveys.error.answers", std::move(problems));
  auto existing = response_for(c, a, draft_token);
  if (existing && existing->submitted_at) throw SurveyError(409, "surveys.error.already_submitted");
  if (!existing && !a.invitation && draft_token.empty()) throw SurveyError(400, "surveys.error.no_draft");
  std::string l(i18n::code(i18n::parse_lang(lang).value_or(i18n::kDefaultLang)));
  Response resp;
  if (existing) {
    resp = *existing;
    c.exec("UPDATE survey_responses SET updated_at = ?, lang = ? WHERE id = ?", {now, l, resp.id});
  } else {
    resp.id = uuid::random();
    resp.survey_id = a.survey.id;
    resp.started_at = now;
    c.exec("INSERT INTO survey_responses (id, survey_id, invitation_id, draft_digest, lang, started_at, updated_at) "
           "VALUES (?, ?, ?, ?, ?, ?, ?)",
           {resp.id, a.survey.id, a.invitation ? store::Param(a.invitation->id) : store::Param(nullptr),
            a.invitation ? store::Param(nullptr) : store::Param(accounts::token_digest(draft_token)), l, now, now});
  }
  Answers merged = resp.answers;
  for (const auto& [qid, answer] : answers) merged[qid] = answer;
  // Skip logic: what the new answers hide goes, stored or not.
  Answers kept = visible_answers(d, merged);
  for (const auto& q : d.questions) {
    bool was = resp.answers.count(q.id) > 0;
    auto k = kept.find(q.id);
    bool changed = answers.count(q.id) > 0;
    if (k == kept.end()) {
      if (was) write_answer(c, resp.id, a.survey.id, q, Answer{});
    } else if (changed) {
      write_answer(c, resp.id, a.survey.id, q, k->second);
    }
  }
  resp.answers = kept;
  resp.updated_at = now;
  resp.lang = l;
  return resp;
}

Response submit(store::Connection& c, const Access& a, const std::string& draft_token, std::int64_t now) {
  check_open(c, a);
  auto resp = response_for(c, a, draft_token);
  if (resp && resp->submitted_at) throw SurveyError(409, "surveys.error.already_submitted");
  Answers answers = resp ? resp->answers : Answers{};
  auto missing = missing_required(a.survey.definition, answers);
  if (!missing.empty() || !resp) {
    Problems p;
    for (const auto& q : missing) p.push_back({q, "surveys.error.required"});
    if (p.empty()) p.push_back({"answers", "surveys.error.nothing_answered"});
    throw SurveyError(422, "surveys.error.required", std::move(p));
  }
  c.exec("UPDATE survey_responses SET submitted_at = ?, updated_at = ? WHERE id = ?", {now, now, resp->id});
  c.exec("UPDATE survey_answers SET submitted = 1, submitted_at = ? WHERE response_id = ?", {now, resp->id});
  resp->submitted_at = now;
  return *resp;
}

std::vector<Response> submitted_responses(store::Connection& c, const std::string& survey_id, std::int64_t limit,
                                          std::int64_t offset) {
  // The page of responses, then the answers of that page in one query (not one per response).
  const std::string page = "WHERE survey_id = ? AND submitted_at IS NOT NULL ORDER BY submitted_at DESC, id LIMIT ? OFFSET ?";
  std::vector<Response> out;
  std::map<std::string, std::size_t> at;
  for (const auto& r : c.exec(std::string(kResponseColumns) + page, {survey_id, limit, offset}).rows) {
    Response x = response_row(r);
    at[x.id] = out.size();
    out.push_back(std::move(x));
  }
  if (out.empty()) return out;
  for (const auto& r : c.exec("SELECT response_id, question_id, item, number, text_value FROM survey_answers "
                              "WHERE response_id IN (SELECT id FROM survey_responses " + page + ") "
                              "ORDER BY response_id, question_id, item",
                              {survey_id, limit, offset})
                           .rows) {
    auto it = at.find(r.text(0));
    if (it == at.end()) continue;
    Answer& a = out[it->second].answers[r.text(1)];
    if (!r.text(2).empty()) a.codes.push_back(r.text(2));
    else if (!r.is_null(3)) a.number = r.real(3);
    else if (!r.is_null(4)) a.text = r.text(4);
  }
  return out;
}

namespace {

// The results of the submitted responses of `s`, or of those of one segment's
// link invitations: the same queries, narrowed by `only` (an SQL condition on
// the answers' response_id, with its parameter) when a segment is given.
Results compute_results(store::Connection& c, const Survey& s, std::size_t max_texts, std::int64_t responses,
                        const std::optional<std::string>& segment) {
  Results res;
  const Definition& d = s.definition;
  res.responses = responses;
  const std::string only =
      segment ? " AND response_id IN (SELECT r.id FROM survey_responses r JOIN survey_invitations i ON i.id = "
                "r.invitation_id WHERE i.survey_id = ? AND i.segment = ?)"
              : "";
  auto params = [&](std::vector<store::Param> p) {
    if (segment) {
      p.insert(p.begin() + 1, store::Param(s.id));
      p.insert(p.begin() + 2, store::Param(*segment));
    }
    return p;
  };
  for (const auto& q : d.questions) {
    QuestionResult& qr = res.questions[q.id];
    for (const auto& code : codes_of(q)) qr.counts[code] = 0;
  }
  // One GROUP BY over the covering index survey_answers_results gives every
  // figure: per option (a Likert point is an option) its count; per question
  // the respondents (SUM(first_row): one row per response and question) and
  // the sums behind the mean, minimum and maximum of Likert and number answers.
  struct Numbers {
    std::int64_t n = 0;
    double sum = 0;
    std::optional<double> min, max;
  };
  std::map<std::string, Numbers> numbers;
  for (const auto& r : c.exec("SELECT question_id, item, COUNT(*), SUM(first_row), COUNT(number), SUM(number), "
                              "MIN(number), MAX(number) FROM survey_answers WHERE survey_id = ?" + only +
                                  " AND submitted = 1 GROUP BY question_id, item",
                              params({s.id}))
                           .rows) {
    auto it = res.questions.find(r.text(0));
    if (it == res.questions.end()) continue;  // a question deleted before any answer was submitted: not shown
    QuestionResult& qr = it->second;
    const std::string item = r.text(1);
    if (!item.empty() && qr.counts.count(item)) qr.counts[item] = r.int64(2);
    qr.answered += r.int64(3);
    if (r.int64(4) > 0) {
      Numbers& n = numbers[r.text(0)];
      n.n += r.int64(4);
      n.sum += r.real(5);
      n.min = std::min(n.min.value_or(r.real(6)), r.real(6));
      n.max = std::max(n.max.value_or(r.real(7)), r.real(7));
    }
  }
  for (const auto& [qid, n] : numbers) {
    QuestionResult& qr = res.questions[qid];
    qr.mean = n.sum / static_cast<double>(n.n);
    qr.min = n.min;
    qr.max = n.max;
  }
  // The latest open texts (answered counts them all).
  for (const auto& q : d.questions) {
    if (q.type != QuestionType::text) continue;
    QuestionResult& qr = res.questions[q.id];
    qr.texts_total = qr.answered;
    if (!segment) {
      for (auto& t : open_texts(c, s.id, q.id, static_cast<std::int64_t>(max_texts), 0)) qr.texts.push_back(std::move(t.text));
      continue;
    }
    for (const auto& r : c.exec("SELECT text_value FROM survey_answers WHERE survey_id = ?" + only +
                                " AND submitted = 1 AND question_id = ? AND text_value IS NOT NULL "
                                "ORDER BY submitted_at DESC, response_id DESC LIMIT ?",
                                params({s.id, q.id, static_cast<std::int64_t>(max_texts)}))
                             .rows)
      qr.texts.push_back(r.text(0));
  }
  return res;
}

}  // namespace

Results survey_results(store::Connection& c, const Survey& s, std::size_t max_texts) {
  return compute_results(c, s, max_texts, s.responses, std::nullopt);
}

std::map<std::string, Results> results_by_segment(store::Connection& c, const Survey& s, std::size_t max_texts) {
  std::map<std::string, Results> out;
  for (const auto& r : c.exec("SELECT i.segment, COUNT(*) FROM survey_responses r JOIN survey_invitations i ON i.id = "
                              "r.invitation_id WHERE i.survey_id = ? AND i.segment IS NOT NULL AND r.submitted_at IS "
                              "NOT NULL GROUP BY i.segment",
                              {s.id})
                           .rows)
    out[r.text(0)] = compute_results(c, s, max_texts, r.int64(1), r.text(0));
  return out;
}

std::int64_t count_open_texts(store::Connection& c, const std::string& survey_id, const std::string& question_id) {
  return c.exec("SELECT COUNT(*) FROM survey_answers WHERE survey_id = ? AND question_id = ? AND "
                "text_value IS NOT NULL AND submitted_at IS NOT NULL",
                {survey_id, question_id})
      .rows.at(0)
      .int64(0);
}

std::vector<OpenText> open_texts(store::Connection& c, const std::string& survey_id, const std::string& question_id,
                                 std::int64_t limit, std::int64_t offset) {
  // The partial index survey_answers_texts is read backwards: no join, no sort.
  std::vector<OpenText> out;
  for (const auto& r : c.exec("SELECT text_value, submitted_at FROM survey_answers WHERE survey_id = ? AND "
                              "question_id = ? AND text_value IS NOT NULL AND submitted_at IS NOT NULL "
                              "ORDER BY submitted_at DESC, response_id DESC LIMIT ? OFFSET ?",
                              {survey_id, question_id, limit, offset})
                           .rows)
    out.push_back({r.text(0), r.int64(1)});
  return out;
}

}  // namespace samen::surveys
