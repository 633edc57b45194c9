// The respondent's page /s/{token} (handlers.hpp): no login, the link's token
// is the key (an invitation's, or the survey's public link). It works without
// JavaScript on a cheap phone: one page with the questions shown so far, a
// save button after each question (every save stores all the answers on the
// page), skip logic applied by the server on each save (questions appear or
// go), and a final submit. Bad input gives the page back with what was typed
// and a message beside the question, storing nothing. An anonymous browser
// keeps a draft token in a cookie limited to its link, so it continues where
// it left off; saves through a public link are limited per address (429).
#include <algorithm>

#include "accounts/secrets.hpp"
#include "app/app.hpp"
#include "app/write.hpp"
#include "surveys/handlers.hpp"

namespace samen::surveys {

using app::Context;
using app::HttpError;

namespace {

constexpr const char* kDraftCookie = "samen_survey";
constexpr std::int64_t kDraftMaxAge = 90 * 24 * 3600;

std::string number_text(double v) {
  std::string s = std::to_string(v);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

struct Visit {
  Access access;
  std::string token;
  std::string draft;         // an anonymous browser's draft token ("" for an invitation)
  bool new_draft = false;    // to be sent as a cookie
};

Visit visit_of(Context& ctx, store::Connection& c) {
  Visit v;
  v.token = ctx.param("token");
  auto a = access_by_token(c, v.token);
  // A draft's link is not yet a survey; an unknown token is not one either.
  if (!a || a->survey.status == "draft") throw HttpError(404, "not_found", "surveys.error.link_unknown");
  v.access = std::move(*a);
  if (!v.access.invitation) v.draft = ctx.req.cookie(kDraftCookie).value_or("");
  return v;
}

// The survey's language: the reader's choice (?lang=), else an invitation's
// language, else the negotiated one; always one the survey is written in.
void choose_language(Context& ctx, const Visit& v) {
  const auto& langs = v.access.survey.definition.languages;
  auto has = [&](i18n::Lang l) { return std::count(langs.begin(), langs.end(), std::string(i18n::code(l))) > 0; };
  if (!ctx.req.query_param("lang") && v.access.invitation)
    if (auto l = i18n::parse_lang(v.access.invitation->lang)) ctx.lang = *l;
  if (!has(ctx.lang) && !langs.empty()) ctx.lang = i18n::parse_lang(langs.front()).value_or(ctx.lang);
}

std::string draft_cookie(const Context& ctx, const Visit& v) {
  std::string c = std::string(kDraftCookie) + "=" + v.draft + "; Path=/s/" + v.token +
                  "; SameSite=Lax; HttpOnly; Max-Age=" + std::to_string(kDraftMaxAge);
  if (ctx.app.options().behind_tls) c += "; Secure";
  return c;
}

http::Response render(Context& ctx, const Visit& v, const Raw& raw, const Problems& problems, int status,
                      const std::string& notice_key = "") {
  choose_language(ctx, v);
  const Survey& s = v.access.survey;
  web::Dict d = ctx.content_dict();
  d.SetValue("TOKEN", v.token);
  d.SetValue("TITLE", in_lang(s.definition.title, ctx.lang));
  d.SetValueAndShowSection("INTRO", in_lang(s.definition.intro, ctx.lang), "HAS_INTRO");
  for (const auto& l : s.definition.languages) {
    if (l == i18n::code(ctx.lang)) continue;
    auto* o = d.AddSectionDictionary("LANG_LINKS");
    o->SetValue("CODE", l);
    o->SetValue("LABEL", ctx.t("surveys.language." + l));
  }
  if (!notice_key.empty()) d.SetValueAndShowSection("NOTICE", ctx.t(notice_key), "HAS_NOTICE");
  if (status >= 400) d.ShowSection("NOTICE_ERROR");
  else d.ShowSection("NOTICE_OK");
  d.ShowSection("NOT_THANKS");
  if (s.status == "closed") d.ShowSection("CLOSED");
  else d.ShowSection("FORM");
  if (!v.access.invitation) d.ShowSection("ANONYMOUS");
  fill_questions(ctx, d, s.definition, raw, problems);
  auto res = ctx.page("surveys_respond", in_lang(s.definition.title, ctx.lang), d, status);
  res.set_header("Cache-Control", "no-store");
  if (v.new_draft) res.headers.emplace_back("Set-Cookie", draft_cookie(ctx, v));
  return res;
}

http::Response thanks(Context& ctx, const Visit& v, int status = 200) {
  choose_language(ctx, v);
  web::Dict d = ctx.content_dict();
  d.SetValue("TITLE", in_lang(v.access.survey.definition.title, ctx.lang));
  d.ShowSection("THANKS");
  auto res = ctx.page("surveys_respond", in_lang(v.access.survey.definition.title, ctx.lang), d, status);
  res.set_header("Cache-Control", "no-store");
  return res;
}

}  // namespace

Raw raw_of(const Answers& answers) {
  Raw raw;
  for (const auto& [qid, a] : answers) {
    auto& v = raw[qid];
    v = a.codes;
    if (a.number) v.push_back(number_text(*a.number));
    if (a.text) v.push_back(*a.text);
  }
  return raw;
}

void fill_questions(Context& ctx, web::Dict& d, const Definition& def, const Raw& raw, const Problems& problems) {
  // The skip logic sees what was typed and reads as an answer.
  Answers answers;
  for (const auto& q : def.questions) {
    auto it = raw.find(q.id);
    if (it == raw.end()) continue;
    Problems ignored;
    answers[q.id] = read_answer(q, it->second, ignored);
  }
  Answers visible = visible_answers(def, answers);
  std::size_t number = 0;
  bool any_hidden = false;
  for (const auto& q : def.questions) {
    if (!shown(def, q, visible)) {
      any_hidden = true;
      continue;
    }
    auto* qd = d.AddSectionDictionary("QUESTIONS");
    qd->SetValue("QID", q.id);
    qd->SetValue("NUMBER", std::to_string(++number));
    qd->SetValue("TEXT", in_lang(q.text, ctx.lang));
    if (q.required) qd->ShowSection("REQUIRED");
    const std::vector<std::string> given = raw.count(q.id) ? raw.at(q.id) : std::vector<std::string>{};
    auto chosen = [&](const std::string& code) { return std::count(given.begin(), given.end(), code) > 0; };
    switch (q.type) {
      case QuestionType::single:
      case QuestionType::multiple:
        for (const auto& o : q.options) {
          auto* od = qd->AddSectionDictionary(q.type == QuestionType::single ? "RADIOS" : "CHECKBOXES");
          od->SetValue("QID", q.id);
          od->SetValue("CODE", o.code);
          od->SetValue("LABEL", in_lang(o.label, ctx.lang));
          if (chosen(o.code)) od->ShowSection("CHECKED");
        }
        break;
      case QuestionType::likert:
        for (std::size_t k = 0; k < q.scale.size(); ++k) {
          auto* od = qd->AddSectionDictionary("RADIOS");
          od->SetValue("QID", q.id);
          od->SetValue("CODE", std::to_string(k + 1));
          od->SetValue("LABEL", in_lang(q.scale[k], ctx.lang));
          if (chosen(std::to_string(k + 1))) od->ShowSection("CHECKED");
        }
        qd->ShowSection("SCALE");
        break;
      case QuestionType::number: {
        auto* nd = qd->AddSectionDictionary("NUMBER_INPUT");
        nd->SetValue("QID", q.id);
        nd->SetValue("VALUE", given.empty() ? "" : given.front());
        std::string range;
        if (q.min && q.max)
          range = ctx.tf("surveys.respond.between", {{"min", number_text(*q.min)}, {"max", number_text(*q.max)}});
        else if (q.min) range = ctx.tf("surveys.respond.at_least", {{"min", number_text(*q.min)}});
        else if (q.max) range = ctx.tf("surveys.respond.at_most", {{"max", number_text(*q.max)}});
        if (!range.empty()) nd->SetValueAndShowSection("RANGE", range, "HAS_RANGE");
        nd->SetValue("INPUTMODE", q.integer ? "numeric" : "decimal");
        break;
      }
      case QuestionType::text: {
        auto* td = qd->AddSectionDictionary("TEXT_INPUT");
        td->SetValue("QID", q.id);
        td->SetValue("VALUE", given.empty() ? "" : given.front());
        td->SetValue("MAX_LENGTH", std::to_string(q.max_length));
        break;
      }
    }
    for (const auto& p : problems)
      if (p.where == q.id) {
        qd->SetValueAndShowSection("ERROR", ctx.t(p.key), "HAS_ERROR");
        auto* e = d.AddSectionDictionary("ERROR_LIST");
        e->SetValue("QID", q.id);
        e->SetValue("NUMBER", std::to_string(number));
        e->SetValue("MESSAGE", ctx.t(p.key));
      }
  }
  if (!problems.empty()) d.ShowSection("HAS_ERRORS");
  if (any_hidden) d.ShowSection("MORE_MAY_APPEAR");
}

http::Response respond_page(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  Visit v = visit_of(ctx, *lease);
  auto resp = response_for(*lease, v.access, v.draft);
  if (resp && resp->submitted_at) return thanks(ctx, v);
  return render(ctx, v, resp ? raw_of(resp->answers) : Raw{}, {}, 200);
}

http::Response respond_post(Context& ctx) {
  const auto& f = ctx.form();
  Visit v = [&] {
    auto lease = ctx.app.db().acquire();
    return visit_of(ctx, *lease);
  }();
  if (v.access.survey.status != "open") return render(ctx, v, {}, {}, 409, "surveys.error.not_open");
  // What the page sent: the questions it showed (q) and their inputs (a_<id>).
  Raw raw;
  Answers answers;
  Problems problems;
  for (const auto& qid : f.all("q")) {
    const Question* q = v.access.survey.definition.question(qid);
    if (!q) continue;  // a question removed since the page was loaded
    raw[qid] = f.all("a_" + qid);
    answers[qid] = read_answer(*q, raw[qid], problems);
  }
  if (!v.access.invitation) {
    if (auto wait = over_limit(ctx)) {
      auto res = render(ctx, v, raw, {}, 429, "surveys.respond.too_many");
      res.set_header("Retry-After", std::to_string(wait));
      return res;
    }
    if (v.draft.empty() || v.draft.size() > 200) {
      v.draft = accounts::random_token();
      v.new_draft = true;
    }
  }
  const bool submitting = f.get("action") == "submit";
  try {
    if (!problems.empty()) throw SurveyError(422, "surveys.error.answers", problems);
    Response saved = app::write(ctx, [&](app::Change& change) {
      Response r = save_answers(change.db, v.access, v.draft, answers, std::string(i18n::code(ctx.lang)), change.now());
      if (submitting) {
        r = submit(change.db, v.access, v.draft, change.now());
        change.audit("surveys.response.submit", "surveys.survey", v.access.survey.id, r.id);
      }
      return r;
    });
    if (submitting) {
      auto res = thanks(ctx, v);
      if (v.new_draft) res.headers.emplace_back("Set-Cookie", draft_cookie(ctx, v));
      return res;
    }
    return render(ctx, v, raw_of(saved.answers), {}, 200, "surveys.respond.saved");
  } catch (const SurveyError& e) {
    if (e.key == "surveys.error.already_submitted") return thanks(ctx, v, 409);
    if (e.status == 409) return render(ctx, v, raw, {}, 409, e.key);
    // The stored answers with what was typed on top, so nothing is lost from the page.
    Raw shown_raw;
    {
      auto lease = ctx.app.db().acquire();
      if (auto r = response_for(*lease, v.access, v.draft)) shown_raw = raw_of(r->answers);
    }
    for (const auto& [qid, values] : raw) shown_raw[qid] = values;
    return render(ctx, v, shown_raw, e.problems, e.status, e.key);
  }
}

}  // namespace samen::surveys
