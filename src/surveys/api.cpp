// Surveys' JSON API (openapi.json): /api/v1/surveys (list, get, create,
// update while a draft), /api/v1/surveys/{id}/responses (the submitted
// responses for managers; POST a response with an invitation token or the
// public token, no account needed) and /api/v1/surveys/{id}/results. The same
// rules as the pages; refusals are 4xx with messages in the caller's language
// (422 through app::validation_failed with each problem under `fields`).
#include <nlohmann/json.hpp>

#include "accounts/secrets.hpp"
#include "app/api.hpp"
#include "app/app.hpp"
#include "app/write.hpp"
#include "surveys/handlers.hpp"

namespace samen::surveys {

using app::Context;
using app::HttpError;
using nlohmann::json;

namespace {

json survey_json(const Survey& s, bool manager) {
  json j{{"id", s.id},
         {"version", s.version},
         {"audience", audience_name(s.audience)},
         {"status", s.status},
         {"definition", to_json(s.definition)},
         {"responses", s.responses},
         {"opened_at", app::rfc3339_or_null(s.opened_at)},
         {"closed_at", app::rfc3339_or_null(s.closed_at)},
         {"created_at", app::rfc3339(s.created_at)},
         {"updated_at", app::rfc3339(s.updated_at)},
         {"archived_at", nullptr}};
  j["public_token"] = manager && s.public_token ? json(*s.public_token) : json(nullptr);
  return j;
}

http::Response record(int status, const Survey& s) {
  auto res = app::json_response(status, survey_json(s, true));
  res.set_header("ETag", app::etag(s.version));
  return res;
}

http::Response problems_response(Context& ctx, const std::string& key, const Problems& problems) {
  json fields = json::object();
  for (const auto& p : problems) fields[p.where] = ctx.t(p.key);
  return app::validation_failed(ctx.t(key), fields);
}

http::Response error_response(Context& ctx, const SurveyError& e) {
  if (e.status == 422) return problems_response(ctx, e.key, e.problems);
  throw HttpError(e.status, e.status == 404 ? "not_found" : e.status == 409 ? "conflict" : "bad_request", e.key);
}

Survey survey_or_404(Context& ctx, store::Connection& c) { return survey_of_path(c, ctx); }

json answer_json(const Question& q, const Answer& a) {
  if (q.type == QuestionType::multiple) return a.codes;
  if (!a.codes.empty()) return q.type == QuestionType::likert ? json(std::stoi(a.codes.front())) : json(a.codes.front());
  if (a.number) return *a.number;
  if (a.text) return *a.text;
  return nullptr;
}

// A JSON answer as the strings a form would send (a number as typed; a Likert point as its number).
std::vector<std::string> values_of(const json& v, bool& bad) {
  std::vector<std::string> out;
  auto one = [&](const json& x) {
    if (x.is_string()) out.push_back(x.get<std::string>());
    else if (x.is_number_integer()) out.push_back(std::to_string(x.get<std::int64_t>()));
    else if (x.is_number()) out.push_back(x.dump());
    else if (!x.is_null()) bad = true;
  };
  if (v.is_array())
    for (const auto& x : v) one(x);
  else
    one(v);
  return out;
}

}  // namespace

http::Response api_list(Context& ctx) {
  auto page = app::page_request(ctx);
  auto lease = ctx.app.db().acquire();
  const auto& me = *ctx.user();
  std::vector<Survey> visible;
  for (auto& s : list_surveys(*lease))
    if (may_read_results(*lease, me, s)) visible.push_back(std::move(s));
  json contents = json::array();
  for (std::size_t i = static_cast<std::size_t>(page.offset());
       i < visible.size() && contents.size() < static_cast<std::size_t>(page.per_page); ++i)
    contents.push_back(survey_json(visible[i], manages(me)));
  return app::json_response(200, app::page_json(page, static_cast<std::int64_t>(visible.size()), contents));
}

http::Response api_get(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  return record(200, survey_or_404(ctx, *lease));
}

http::Response api_create(Context& ctx) {
  json body = app::json_body(ctx);
  if (!body.is_object()) return problems_response(ctx, "surveys.error.definition", {{"body", "surveys.error.not_an_object"}});
  Problems p;
  Definition d = definition_from_json(body.value("definition", json()), p);
  auto audience = parse_audience(body.value("audience", json("")).is_string() ? body.value("audience", std::string()) : "");
  if (!audience) p.push_back({"audience", "surveys.error.audience"});
  if (!p.empty()) return problems_response(ctx, "surveys.error.definition", p);
  try {
    Survey s = app::write(ctx, [&](app::Change& change) {
      Survey s = create_survey(change.db, d, *audience, change.user().id, change.now());
      change.audit("surveys.survey.create", "surveys.survey", s.id, "api");
      return s;
    });
    auto res = record(201, s);
    res.set_header("Location", "/api/v1/surveys/" + s.id);
    return res;
  } catch (const SurveyError& e) {
    return error_response(ctx, e);
  }
}

http::Response api_update(Context& ctx) {
  json body = app::json_body(ctx);
  if (!body.is_object()) return problems_response(ctx, "surveys.error.definition", {{"body", "surveys.error.not_an_object"}});
  auto if_match = app::if_match_version(ctx);
  std::optional<std::int64_t> body_version;
  if (body.contains("version")) {
    if (!body["version"].is_number_integer())
      return problems_response(ctx, "surveys.error.definition", {{"version", "surveys.error.not_a_number"}});
    body_version = body["version"].get<std::int64_t>();
  }
  Problems p;
  Definition d = definition_from_json(body.value("definition", json()), p);
  std::optional<Audience> audience;
  if (body.contains("audience")) {
    audience = parse_audience(body["audience"].is_string() ? body["audience"].get<std::string>() : "");
    if (!audience) p.push_back({"audience", "surveys.error.audience"});
  }
  if (!p.empty()) return problems_response(ctx, "surveys.error.definition", p);
  try {
    Survey s = app::write(ctx, [&](app::Change& change) {
      Survey s = survey_or_404(ctx, change.db);
      if (if_match && *if_match != s.version) throw HttpError(412, "precondition_failed", "error.stale_record");
      // The API changes drafts only; a published survey's wording changes on its page.
      if (s.status != "draft") throw SurveyError(409, "surveys.error.not_draft");
      Survey u = update_survey(change.db, s.id, d, audience, body_version, change.now());
      change.audit("surveys.survey.update", "surveys.survey", s.id, "api");
      return u;
    });
    return record(200, s);
  } catch (const SurveyError& e) {
    return error_response(ctx, e);
  }
}

http::Response api_responses(Context& ctx) {
  auto page = app::page_request(ctx, 50, 200);
  auto lease = ctx.app.db().acquire();
  Survey s = survey_or_404(ctx, *lease);
  auto list = submitted_responses(*lease, s.id, page.per_page, page.offset());
  json contents = json::array();
  for (const auto& r : list) {
    json answers = json::object();
    for (const auto& q : s.definition.questions)
      if (auto it = r.answers.find(q.id); it != r.answers.end()) answers[q.id] = answer_json(q, it->second);
    contents.push_back({{"id", r.id},
                        {"invited", r.invitation_id.has_value()},
                        {"lang", r.lang},
                        {"started_at", app::rfc3339(r.started_at)},
                        {"submitted_at", app::rfc3339_or_null(r.submitted_at)},
                        {"answers", answers}});
  }
  // Answers of invited respondents are tied to a person: their read is audited.
  ctx.audit("surveys.responses.read", "surveys.survey", s.id, std::to_string(list.size()));
  return app::json_response(200, app::page_json(page, s.responses, contents));
}

http::Response api_respond(Context& ctx) {
  json body = app::json_body(ctx);
  if (!body.is_object() || !body.value("token", json()).is_string())
    return problems_response(ctx, "surveys.error.answers", {{"token", "surveys.error.link_unknown"}});
  std::optional<Access> access;
  {
    auto lease = ctx.app.db().acquire();
    access = access_by_token(*lease, body["token"].get<std::string>());
  }
  // The token must open this survey (a token of another one is as unknown as a wrong one).
  if (!access || access->survey.id != ctx.param("id") || access->survey.status == "draft")
    throw HttpError(404, "not_found", "surveys.error.link_unknown");
  std::string draft;
  bool new_draft = false;
  if (!access->invitation) {
    if (auto wait = over_limit(ctx)) {
      // As on the respondent's page: the client is told when it may save again.
      auto res = ctx.app.error(ctx, 429, "too_many_requests", "surveys.respond.too_many");
      res.set_header("Retry-After", std::to_string(wait));
      return res;
    }
    if (body.value("draft_token", json()).is_string()) draft = body["draft_token"].get<std::string>();
    if (draft.empty()) {
      draft = accounts::random_token();
      new_draft = true;
    }
  }
  const json given = body.value("answers", json::object());
  if (!given.is_object()) return problems_response(ctx, "surveys.error.answers", {{"answers", "surveys.error.not_an_object"}});
  Problems p;
  Answers answers;
  for (const auto& [qid, v] : given.items()) {
    const Question* q = access->survey.definition.question(qid);
    if (!q) {
      p.push_back({qid, "surveys.error.question_unknown"});
      continue;
    }
    bool bad = false;
    auto values = values_of(v, bad);
    if (bad) {
      p.push_back({qid, "surveys.error.wrong_type"});
      continue;
    }
    if (q->type == QuestionType::number && v.is_string()) {
      p.push_back({qid, "surveys.error.wrong_type"});
      continue;
    }
    answers[qid] = read_answer(*q, values, p);
  }
  // `submit` is optional (absent: save only); anything but a boolean is refused, not guessed.
  const auto submit_member = body.find("submit");
  if (submit_member != body.end() && !submit_member->is_boolean()) p.push_back({"submit", "surveys.error.wrong_type"});
  if (!p.empty()) return problems_response(ctx, "surveys.error.answers", p);
  const bool submitting = submit_member != body.end() && submit_member->get<bool>();
  try {
    Response r = app::write(ctx, [&](app::Change& change) {
      Response r = save_answers(change.db, *access, draft, answers, body.value("lang", json("nl")).is_string()
                                                                       ? body.value("lang", std::string("nl"))
                                                                       : "nl",
                                change.now());
      if (submitting) {
        r = submit(change.db, *access, draft, change.now());
        change.audit("surveys.response.submit", "surveys.survey", access->survey.id, r.id);
      }
      return r;
    });
    json out{{"id", r.id}, {"submitted", r.submitted_at.has_value()}};
    if (new_draft) out["draft_token"] = draft;
    return app::json_response(submitting ? 201 : 200, out);
  } catch (const SurveyError& e) {
    return error_response(ctx, e);
  }
}

http::Response api_results(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  Survey s = survey_or_404(ctx, *lease);
  if (!may_read_results(*lease, *ctx.user(), s)) throw HttpError(403, "forbidden", "error.forbidden");
  Results r = survey_results(*lease, s);
  json questions = json::array();
  for (const auto& q : s.definition.questions) {
    const QuestionResult& qr = r.questions.at(q.id);
    json qj{{"id", q.id}, {"type", type_name(q.type)}, {"answered", qr.answered}};
    if (!qr.counts.empty()) qj["counts"] = qr.counts;
    if (qr.mean) qj["mean"] = *qr.mean;
    if (qr.min) qj["min"] = *qr.min;
    if (qr.max) qj["max"] = *qr.max;
    if (q.type == QuestionType::text) qj["texts"] = qr.texts;
    questions.push_back(std::move(qj));
  }
  return app::json_response(200, {{"id", s.id}, {"responses", r.responses}, {"questions", questions}});
}

}  // namespace samen::surveys
