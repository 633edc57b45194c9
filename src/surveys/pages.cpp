// Surveys' coordinator pages (handlers.hpp): the list, a new survey, a
// survey's page (its texts, one plain form per question, publish, close, the
// public link, invitations with who has not answered, reminders) and the
// preview. Every change goes through app::write with an audit entry and the
// version the editor read (a stale one: 409 with the input kept).
#include <algorithm>
#include <cmath>

#include "app/app.hpp"
#include "app/write.hpp"
#include "core/network.hpp"
#include "notify/module.hpp"
#include "surveys/handlers.hpp"
#include "util/text.hpp"

namespace samen::surveys {

using app::Context;
using app::HttpError;

// ---- shared ----------------------------------------------------------------------------------

accounts::Access managers() {
  return accounts::Access::only({accounts::Role::admin, accounts::Role::coordinator, accounts::Role::facilitator});
}

bool manages(const accounts::User& u) {
  return u.role == accounts::Role::admin || u.role == accounts::Role::coordinator ||
         u.role == accounts::Role::facilitator;
}

bool may_read_results(store::Connection& c, const accounts::User& u, const Survey& s) {
  if (manages(u)) return true;
  if (s.status == "draft") return false;
  if (u.role == accounts::Role::parent_rep) return s.audience == Audience::parents;
  if (u.role == accounts::Role::partner && s.audience == Audience::partners) {
    for (const auto& org : u.organizations)
      if (!c.exec("SELECT 1 FROM survey_invitations WHERE survey_id = ? AND organization_id = ?", {s.id, org}).empty())
        return true;
  }
  return false;
}

Survey survey_of_path(store::Connection& c, const Context& ctx) {
  std::string id = ctx.param("id");
  std::optional<Survey> s;
  if (!id.empty() && id.size() <= 100) s = load_survey(c, id);
  if (!s) throw HttpError(404, "not_found", "error.not_found");
  return *s;
}

std::string link_base(const Context& ctx) {
  std::string base = notify::public_url(ctx.app);
  return base.empty() ? "" : base + "/s/";
}

void rethrow_http(const SurveyError& e) {
  throw HttpError(e.status, e.status == 404 ? "not_found" : e.status == 409 ? "conflict" : "validation", e.key);
}

std::int64_t over_limit(Context& ctx) {
  const std::string client = accounts::address_subject(http::client_address(ctx.req, ctx.app.options().behind_tls));
  return ctx.app.get<RespondState>().saves.admit("surveys-save:" + client, ctx.now);
}

namespace {

const char* const kLangCodes[] = {"nl", "fr", "en"};

std::optional<std::int64_t> form_version(const http::Form& f) {
  const std::string v = f.get("version");
  if (v.empty()) return std::nullopt;
  try {
    std::size_t used = 0;
    long long n = std::stoll(v, &used);
    if (used != v.size() || n < 0) throw std::invalid_argument(v);
    return n;
  } catch (const std::exception&) {
    throw HttpError(400, "bad_request", "error.bad_request");
  }
}

std::string status_label(const Context& ctx, const Survey& s) { return ctx.t("surveys.status." + s.status); }

// "where: message" lines of a refusal, in the reader's language.
void add_problems(const Context& ctx, web::Dict& d, const Problems& problems) {
  if (problems.empty()) return;
  d.ShowSection("HAS_ERRORS");
  for (const auto& p : problems) {
    auto* e = d.AddSectionDictionary("ERROR_LIST");
    e->SetValue("WHERE", p.where);
    e->SetValue("MESSAGE", ctx.t(p.key));
  }
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t end = s.find(sep, start);
    out.push_back(text::trimmed(s.substr(start, end == std::string::npos ? std::string::npos : end - start)));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

// "nl | fr | en" → a text per language (in the order nl, fr, en).
LangText langs_of_line(const std::string& line) {
  LangText t;
  auto parts = split(line, '|');
  for (std::size_t i = 0; i < parts.size() && i < 3; ++i)
    if (!parts[i].empty()) t[kLangCodes[i]] = parts[i];
  return t;
}

std::string line_of_langs(const LangText& t) {
  std::string out;
  for (const char* l : kLangCodes) {
    auto it = t.find(l);
    out += (out.empty() ? "" : " | ") + (it == t.end() ? std::string() : it->second);
  }
  return out;
}

std::optional<double> number_field(const std::string& v, const std::string& where, Problems& p) {
  std::string s = text::trimmed(v);
  if (s.empty()) return std::nullopt;
  std::replace(s.begin(), s.end(), ',', '.');
  try {
    std::size_t used = 0;
    double n = std::stod(s, &used);
    if (used == s.size() && std::isfinite(n)) return n;
  } catch (const std::exception&) {
  }
  p.push_back({where, "surveys.error.not_a_number"});
  return std::nullopt;
}

// A question from its plain form (one per question on the survey's page).
Question question_from_form(const http::Form& f, Problems& p) {
  Question q;
  q.id = text::trimmed(f.get("qid"));
  if (auto t = parse_type(f.get("type"))) q.type = *t;
  else p.push_back({"type", "surveys.error.type_unknown"});
  q.required = f.get("required") == "1";
  for (const char* l : kLangCodes) q.text[l] = text::trimmed(f.get(std::string("text_") + l));
  for (const auto& line : split(f.get("options"), '\n')) {
    if (line.empty()) continue;
    auto colon = line.find(':');
    if (colon == std::string::npos) {
      p.push_back({"options", "surveys.error.option_line"});
      continue;
    }
    q.options.push_back({text::trimmed(line.substr(0, colon)), langs_of_line(line.substr(colon + 1))});
  }
  for (const auto& line : split(f.get("scale"), '\n'))
    if (!line.empty()) q.scale.push_back(langs_of_line(line));
  q.min = number_field(f.get("min"), "min", p);
  q.max = number_field(f.get("max"), "max", p);
  q.integer = f.get("integer") == "1";
  if (auto n = number_field(f.get("max_length"), "max_length", p)) q.max_length = static_cast<std::int64_t>(*n);
  std::string on = text::trimmed(f.get("show_if_question"));
  if (!on.empty()) {
    ShowIf s{on, {}};
    for (const auto& c : split(f.get("show_if_codes"), ','))
      if (!c.empty()) s.any_of.push_back(c);
    q.show_if = std::move(s);
  }
  // Only the type's own fields count (a form shows them all).
  if (q.type != QuestionType::single && q.type != QuestionType::multiple) q.options.clear();
  if (q.type != QuestionType::likert) q.scale.clear();
  if (q.type != QuestionType::number) q.min = q.max = std::nullopt;
  return q;
}

// The form fields of a question (what question_from_form reads back).
http::Fields fields_of(const Question& q) {
  http::Fields f{{"qid", q.id}, {"type", std::string(type_name(q.type))}, {"required", q.required ? "1" : ""}};
  for (const char* l : kLangCodes) f.emplace_back(std::string("text_") + l, q.text.count(l) ? q.text.at(l) : "");
  std::string options, scale;
  for (const auto& o : q.options) options += o.code + ": " + line_of_langs(o.label) + "\n";
  for (const auto& s : q.scale) scale += line_of_langs(s) + "\n";
  f.emplace_back("options", options);
  f.emplace_back("scale", scale);
  auto num = [](const std::optional<double>& v) {
    if (!v) return std::string();
    std::string s = std::to_string(*v);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
  };
  f.emplace_back("min", num(q.min));
  f.emplace_back("max", num(q.max));
  f.emplace_back("integer", q.integer ? "1" : "");
  f.emplace_back("max_length", std::to_string(q.max_length));
  f.emplace_back("show_if_question", q.show_if ? q.show_if->question : "");
  std::string codes;
  if (q.show_if)
    for (const auto& c : q.show_if->any_of) codes += (codes.empty() ? "" : ", ") + c;
  f.emplace_back("show_if_codes", codes);
  return f;
}

// One question's form on the survey's page (also the "add a question" form, with action and prefix).
void fill_question_form(Context& ctx, web::Dict& q, const Survey& s, const http::Form& f, std::size_t index,
                        const std::string& action, const std::string& prefix) {
  q.SetValue("ACTION", action);
  q.SetValue("P", prefix);
  q.SetValue("QID", f.get("qid"));
  for (auto t : {QuestionType::single, QuestionType::multiple, QuestionType::likert, QuestionType::number,
                 QuestionType::text}) {
    auto* o = q.AddSectionDictionary("TYPE_OPTIONS");
    o->SetValue("VALUE", std::string(type_name(t)));
    o->SetValue("LABEL", ctx.t("surveys.type." + std::string(type_name(t))));
    if (f.get("type") == type_name(t)) o->ShowSection("SELECTED");
  }
  if (f.get("required") == "1") q.ShowSection("REQUIRED");
  if (f.get("integer") == "1") q.ShowSection("INTEGER");
  q.SetValue("TEXT_NL", f.get("text_nl"));
  q.SetValue("TEXT_FR", f.get("text_fr"));
  q.SetValue("TEXT_EN", f.get("text_en"));
  q.SetValue("OPTIONS", f.get("options"));
  q.SetValue("SCALE", f.get("scale"));
  q.SetValue("MIN", f.get("min"));
  q.SetValue("MAX", f.get("max"));
  q.SetValue("MAX_LENGTH", f.get("max_length").empty() ? "1000" : f.get("max_length"));
  q.SetValue("SHOW_IF_CODES", f.get("show_if_codes"));
  // A rule may only name an earlier question.
  for (std::size_t k = 0; k < index && k < s.definition.questions.size(); ++k) {
    const auto& earlier = s.definition.questions[k];
    if (earlier.type == QuestionType::number || earlier.type == QuestionType::text) continue;
    auto* o = q.AddSectionDictionary("SHOW_IF_OPTIONS");
    o->SetValue("VALUE", earlier.id);
    o->SetValue("LABEL", earlier.id + " — " + in_lang(earlier.text, ctx.lang));
    if (f.get("show_if_question") == earlier.id) o->ShowSection("SELECTED");
  }
  q.SetValue("VERSION", std::to_string(s.version));
}

struct Edit {
  std::string target;  // "settings", "new", a question id, "invite"
  http::Form form;
  Problems problems;
  bool stale = false;
};

http::Response render_survey(Context& ctx, store::Connection& c, const Survey& s, const Edit* edit, int status) {
  web::Dict d = ctx.content_dict();
  const Definition& def = s.definition;
  d.SetValue("ID", s.id);
  d.SetValue("VERSION", std::to_string(s.version));
  d.SetValue("TITLE", in_lang(def.title, ctx.lang));
  d.SetValue("STATUS", status_label(ctx, s));
  d.SetValue("AUDIENCE", ctx.t("surveys.audience." + std::string(audience_name(s.audience))));
  d.SetValue("RESPONSES", i18n::format_integer(ctx.lang, s.responses));
  if (s.status == "draft") d.ShowSection("DRAFT");
  if (s.status == "open") d.ShowSection("OPEN");
  if (s.status != "closed") d.ShowSection("NOT_CLOSED");
  if (s.responses > 0) d.ShowSection("LOCKED");
  if (edit && edit->stale) d.ShowSection("STALE");
  // Settings: languages, title, intro, audience.
  const bool settings_posted = edit && edit->target == "settings";
  const http::Form& sf = edit ? edit->form : http::Form();
  auto setting = [&](const std::string& name, const std::string& stored) {
    return settings_posted ? sf.get(name) : stored;
  };
  for (const char* l : kLangCodes) {
    std::string up(l);
    std::transform(up.begin(), up.end(), up.begin(), ::toupper);
    d.SetValue("TITLE_" + up, setting(std::string("title_") + l, def.title.count(l) ? def.title.at(l) : ""));
    d.SetValue("INTRO_" + up, setting(std::string("intro_") + l, def.intro.count(l) ? def.intro.at(l) : ""));
    const auto posted_langs = sf.all("languages");
    bool on = settings_posted ? std::count(posted_langs.begin(), posted_langs.end(), l) > 0
                              : std::count(def.languages.begin(), def.languages.end(), l) > 0;
    if (on) d.ShowSection("LANG_" + up);
  }
  for (auto a : {Audience::parents, Audience::partners}) {
    auto* o = d.AddSectionDictionary("AUDIENCE_OPTIONS");
    o->SetValue("VALUE", std::string(audience_name(a)));
    o->SetValue("LABEL", ctx.t("surveys.audience." + std::string(audience_name(a))));
    if ((settings_posted ? sf.get("audience") : std::string(audience_name(s.audience))) == audience_name(a))
      o->ShowSection("SELECTED");
  }
  if (edit && edit->target == "settings") add_problems(ctx, *d.AddSectionDictionary("SETTINGS_ERRORS"), edit->problems);
  // One form per question.
  for (std::size_t i = 0; i < def.questions.size(); ++i) {
    const Question& q = def.questions[i];
    auto* qd = d.AddSectionDictionary("QUESTIONS");
    qd->SetValue("NUMBER", std::to_string(i + 1));
    qd->SetValue("HEADING", in_lang(q.text, ctx.lang));
    bool posted = edit && edit->target == q.id;
    http::Form f = posted ? edit->form : http::Form(fields_of(q));
    fill_question_form(ctx, *qd, s, f, i, "/surveys/" + s.id + "/questions/" + q.id, "q" + std::to_string(i + 1) + "-");
    qd->SetValue("DELETE_ACTION", "/surveys/" + s.id + "/questions/" + q.id + "/delete");
    if (s.responses == 0) qd->ShowSection("MAY_DELETE");
    // Moving keeps answers (they are keyed by question id), so it stays possible once responses exist.
    qd->SetValue("MOVE_ACTION", "/surveys/" + s.id + "/questions/" + q.id + "/move");
    if (i > 0) qd->ShowSection("MAY_MOVE_UP");
    if (i + 1 < def.questions.size()) qd->ShowSection("MAY_MOVE_DOWN");
    if (posted) add_problems(ctx, *qd, edit->problems);
  }
  if (def.questions.empty()) d.ShowSection("NO_QUESTIONS");
  if (s.responses == 0) {
    auto* nd = d.AddSectionDictionary("NEW_QUESTION");
    bool posted = edit && edit->target == "new";
    http::Form f = posted ? edit->form : http::Form(http::Fields{{"type", "single"}, {"qid", "q" + std::to_string(def.questions.size() + 1)}});
    fill_question_form(ctx, *nd, s, f, def.questions.size(), "/surveys/" + s.id + "/questions", "new-");
    if (posted) add_problems(ctx, *nd, edit->problems);
  }
  // The public link and the invitations.
  std::string base = link_base(ctx);
  if (s.public_token) d.SetValueAndShowSection("PUBLIC_LINK", (base.empty() ? "/s/" : base) + *s.public_token, "HAS_PUBLIC_LINK");
  if (base.empty()) d.ShowSection("NO_PUBLIC_URL");
  auto invs = invitations(c, s.id);
  if (!invs.empty()) {
    // Invitees' addresses are personal data: their read is audited.
    ctx.audit("surveys.invitations.read", "surveys.survey", s.id, std::to_string(invs.size()));
    d.ShowSection("HAS_INVITATIONS");
  }
  const bool only_open = ctx.req.query_param("show").value_or("") == "not_answered";
  if (only_open) d.ShowSection("ONLY_NOT_ANSWERED");
  else d.ShowSection("ALL_SHOWN");
  if (!s.public_token) d.ShowSection("NO_PUBLIC_LINK");
  std::int64_t waiting = 0;
  for (const auto& inv : invs) {
    if (!inv.submitted_at) ++waiting;
    if (only_open && inv.submitted_at) continue;
    auto* r = d.AddSectionDictionary("INVITATIONS");
    r->SetValue("EMAIL", inv.email.empty() ? ctx.t("surveys.invitation.by_link") : inv.email);  // invite_link's
    r->SetValue("NAME", inv.name);
    r->SetValue("LANG", inv.lang);
    r->SetValue("INVITED", i18n::format_time(ctx.lang, inv.invited_at, i18n::DateStyle::medium_date));
    r->SetValue("REMINDERS", std::to_string(inv.reminders));
    r->SetValue("STATE", ctx.t(inv.submitted_at ? "surveys.invitation.submitted"
                                 : inv.started_at ? "surveys.invitation.started"
                                                  : "surveys.invitation.waiting"));
  }
  d.SetValue("WAITING", i18n::format_integer(ctx.lang, waiting));
  const bool invite_posted = edit && edit->target == "invite";
  d.SetValue("INVITE_EMAIL", invite_posted ? edit->form.get("email") : "");
  d.SetValue("INVITE_NAME", invite_posted ? edit->form.get("name") : "");
  for (const char* l : kLangCodes) {
    auto* o = d.AddSectionDictionary("INVITE_LANG_OPTIONS");
    o->SetValue("VALUE", l);
    o->SetValue("LABEL", ctx.t(std::string("surveys.language.") + l));
    if (invite_posted && edit->form.get("lang") == l) o->ShowSection("SELECTED");
  }
  auto network = core::load_network(c);
  for (const auto& org : network.organizations) {
    auto* o = d.AddSectionDictionary("ORG_OPTIONS");
    o->SetValue("VALUE", org.id);
    o->SetValue("LABEL", org.name.in(ctx.lang));
    if (invite_posted && edit->form.get("organization_id") == org.id) o->ShowSection("SELECTED");
  }
  if (invite_posted) add_problems(ctx, *d.AddSectionDictionary("INVITE_ERRORS"), edit->problems);
  return ctx.page("surveys_survey", in_lang(def.title, ctx.lang), d, status);
}

http::Response show(Context& ctx, const std::string& id, const Edit* edit, int status) {
  auto lease = ctx.app.db().acquire();
  auto s = load_survey(*lease, id);
  if (!s) throw HttpError(404, "not_found", "error.not_found");
  return render_survey(ctx, *lease, *s, edit, status);
}

// Runs a change of the survey's definition from a page: problems → 422 with
// the input kept, a stale version → 409 likewise.
template <class Fn>
http::Response change_definition(Context& ctx, const std::string& target, const std::string& audit_action, Fn&& fn) {
  const auto& f = ctx.form();
  std::string id = ctx.param("id");
  auto version = form_version(f);
  try {
    app::write(ctx, [&](app::Change& change) {
      Survey s = survey_of_path(change.db, ctx);
      Definition d = s.definition;
      std::optional<Audience> audience;
      fn(s, d, audience);
      update_survey(change.db, s.id, d, audience, version, change.now());
      change.audit(audit_action, "surveys.survey", s.id, target);
    });
  } catch (const app::StaleVersion&) {
    Edit e{target, f, {}, true};
    return show(ctx, id, &e, 409);
  } catch (const SurveyError& err) {
    Problems p = err.problems;
    if (p.empty()) p.push_back({target, err.key});
    Edit e{target, f, p};
    return show(ctx, id, &e, err.status == 404 ? 404 : err.status);
  }
  return http::Response::redirect("/surveys/" + id + "?done=surveys_saved#" + (target == "settings" ? "settings" : "questions"));
}

}  // namespace

// ---- the list ---------------------------------------------------------------------------------

http::Response list_page(Context& ctx) {
  const auto& me = *ctx.user();
  auto lease = ctx.app.db().acquire();
  web::Dict d = ctx.content_dict();
  if (manages(me)) d.ShowSection("MANAGER");
  std::size_t shown = 0;
  for (const auto& s : list_surveys(*lease)) {
    if (!manages(me) && !may_read_results(*lease, me, s)) continue;
    ++shown;
    auto* r = d.AddSectionDictionary("SURVEYS");
    r->SetValue("ID", s.id);
    r->SetValue("TITLE", in_lang(s.definition.title, ctx.lang));
    r->SetValue("STATUS", status_label(ctx, s));
    r->SetValue("AUDIENCE", ctx.t("surveys.audience." + std::string(audience_name(s.audience))));
    r->SetValue("QUESTIONS", std::to_string(s.definition.questions.size()));
    r->SetValue("RESPONSES", i18n::format_integer(ctx.lang, s.responses));
    if (manages(me)) r->ShowSection("MANAGE");
    else r->ShowSection("VIEW_ONLY");
    if (s.status != "draft" || manages(me)) r->ShowSection("RESULTS");
  }
  if (shown == 0) d.ShowSection("EMPTY");
  return ctx.page("surveys_list", ctx.t("surveys.title"), d);
}

// ---- a new survey -----------------------------------------------------------------------------

namespace {

http::Response new_form(Context& ctx, const http::Form& f, const Problems& problems, int status) {
  web::Dict d = ctx.content_dict();
  for (const char* l : kLangCodes) {
    std::string up(l);
    std::transform(up.begin(), up.end(), up.begin(), ::toupper);
    d.SetValue("TITLE_" + up, f.get(std::string("title_") + l));
    d.SetValue("INTRO_" + up, f.get(std::string("intro_") + l));
    auto langs = f.all("languages");
    if (f.fields().empty() || std::count(langs.begin(), langs.end(), l)) d.ShowSection("LANG_" + up);
  }
  for (auto a : {Audience::parents, Audience::partners}) {
    auto* o = d.AddSectionDictionary("AUDIENCE_OPTIONS");
    o->SetValue("VALUE", std::string(audience_name(a)));
    o->SetValue("LABEL", ctx.t("surveys.audience." + std::string(audience_name(a))));
    if (f.get("audience") == audience_name(a)) o->ShowSection("SELECTED");
  }
  add_problems(ctx, d, problems);
  return ctx.page("surveys_new", ctx.t("surveys.new"), d, status);
}

// Languages, title and intro of the settings forms.
void read_settings(const http::Form& f, Definition& d, Problems& p) {
  d.languages.clear();
  for (const auto& l : f.all("languages"))
    if (l == "nl" || l == "fr" || l == "en") d.languages.push_back(l);
  if (d.languages.empty()) p.push_back({"languages", "surveys.error.languages"});
  d.title.clear();
  d.intro.clear();
  for (const char* l : kLangCodes) {
    std::string t = text::trimmed(f.get(std::string("title_") + l));
    std::string i = text::trimmed(f.get(std::string("intro_") + l));
    if (!t.empty()) d.title[l] = t;
    if (!i.empty()) d.intro[l] = i;
  }
}

}  // namespace

http::Response new_page(Context& ctx) { return new_form(ctx, http::Form(), {}, 200); }

http::Response create_page(Context& ctx) {
  const auto& f = ctx.form();
  Definition d;
  Problems p;
  read_settings(f, d, p);
  auto audience = parse_audience(f.get("audience"));
  if (!audience) p.push_back({"audience", "surveys.error.audience"});
  if (!p.empty()) return new_form(ctx, f, p, 422);
  try {
    std::string id = app::write(ctx, [&](app::Change& change) {
      Survey s = create_survey(change.db, d, *audience, change.user().id, change.now());
      change.audit("surveys.survey.create", "surveys.survey", s.id, "");
      return s.id;
    });
    return http::Response::redirect("/surveys/" + id + "?done=surveys_created#questions");
  } catch (const SurveyError& e) {
    return new_form(ctx, f, e.problems.empty() ? Problems{{"title", e.key}} : e.problems, 422);
  }
}

// ---- a survey's page --------------------------------------------------------------------------

http::Response survey_page(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  Survey s = survey_of_path(*lease, ctx);
  return render_survey(ctx, *lease, s, nullptr, 200);
}

http::Response settings_post(Context& ctx) {
  return change_definition(ctx, "settings", "surveys.survey.update",
                           [&](const Survey&, Definition& d, std::optional<Audience>& audience) {
                             Problems p;
                             read_settings(ctx.form(), d, p);
                             audience = parse_audience(ctx.form().get("audience"));
                             if (!audience) p.push_back({"audience", "surveys.error.audience"});
                             if (!p.empty()) throw SurveyError(422, "surveys.error.definition", p);
                           });
}

http::Response question_add_post(Context& ctx) {
  return change_definition(ctx, "new", "surveys.question.add",
                           [&](const Survey&, Definition& d, std::optional<Audience>&) {
                             Problems p;
                             Question q = question_from_form(ctx.form(), p);
                             if (!p.empty()) throw SurveyError(422, "surveys.error.definition", p);
                             d.questions.push_back(std::move(q));
                           });
}

http::Response question_update_post(Context& ctx) {
  std::string qid = ctx.param("qid");
  return change_definition(ctx, qid, "surveys.question.update",
                           [&](const Survey&, Definition& d, std::optional<Audience>&) {
                             auto it = std::find_if(d.questions.begin(), d.questions.end(),
                                                    [&](const Question& q) { return q.id == qid; });
                             if (it == d.questions.end()) throw SurveyError(404, "surveys.error.question_unknown");
                             Problems p;
                             Question q = question_from_form(ctx.form(), p);
                             if (!p.empty()) throw SurveyError(422, "surveys.error.definition", p);
                             *it = std::move(q);
                           });
}

http::Response question_delete_post(Context& ctx) {
  std::string qid = ctx.param("qid");
  return change_definition(ctx, qid, "surveys.question.delete",
                           [&](const Survey&, Definition& d, std::optional<Audience>&) {
                             auto it = std::find_if(d.questions.begin(), d.questions.end(),
                                                    [&](const Question& q) { return q.id == qid; });
                             if (it == d.questions.end()) throw SurveyError(404, "surveys.error.question_unknown");
                             d.questions.erase(it);
                           });
}

http::Response question_move_post(Context& ctx) {
  std::string qid = ctx.param("qid");
  std::string direction = ctx.form().get("direction");
  return change_definition(ctx, qid, "surveys.question.move",
                           [&](const Survey&, Definition& d, std::optional<Audience>&) {
                             auto it = std::find_if(d.questions.begin(), d.questions.end(),
                                                    [&](const Question& q) { return q.id == qid; });
                             if (it == d.questions.end()) throw SurveyError(404, "surveys.error.question_unknown");
                             if (direction != "up" && direction != "down")
                               throw SurveyError(422, "surveys.error.definition", {{qid, "surveys.error.move_direction"}});
                             bool up = direction == "up";
                             if (up ? it == d.questions.begin() : std::next(it) == d.questions.end())
                               throw SurveyError(422, "surveys.error.definition", {{qid, "surveys.error.move_edge"}});
                             // A skip rule that would then point forward is refused by update_survey's validation (422).
                             std::iter_swap(it, up ? std::prev(it) : std::next(it));
                           });
}

namespace {

// A lifecycle step (publish, close, public link, reminders): a SurveyError is the page again with its message.
template <class Fn>
http::Response step(Context& ctx, const std::string& audit_action, const std::string& done, Fn&& fn) {
  std::string id = ctx.param("id");
  auto version = form_version(ctx.form());
  try {
    std::string detail = app::write(ctx, [&](app::Change& change) {
      Survey s = survey_of_path(change.db, ctx);
      app::check_version(version, s.version);
      std::string d = fn(change, s);
      change.audit(audit_action, "surveys.survey", s.id, d);
      return d;
    });
  } catch (const app::StaleVersion&) {
    Edit e{"settings", http::Form(), {}, true};
    return show(ctx, id, &e, 409);
  } catch (const SurveyError& err) {
    if (err.status == 404) throw HttpError(404, "not_found", "error.not_found");
    Edit e{"settings", http::Form(), err.problems.empty() ? Problems{{"status", err.key}} : err.problems};
    return show(ctx, id, &e, err.status);
  }
  return http::Response::redirect("/surveys/" + id + "?done=" + done);
}

}  // namespace

http::Response publish_post(Context& ctx) {
  bool public_link = ctx.form().get("public_link") == "1";
  return step(ctx, "surveys.survey.publish", "surveys_published", [&](app::Change& change, const Survey& s) {
    publish(change.db, s.id, public_link, change.now());
    return std::string(public_link ? "public_link" : "");
  });
}

http::Response close_post(Context& ctx) {
  return step(ctx, "surveys.survey.close", "surveys_closed", [&](app::Change& change, const Survey& s) {
    close(change.db, s.id, change.now());
    return std::string();
  });
}

http::Response public_link_post(Context& ctx) {
  return step(ctx, "surveys.survey.public_link", "surveys_public_link", [&](app::Change& change, const Survey& s) {
    make_public_link(change.db, s.id, change.now());
    return std::string();
  });
}

http::Response reminders_post(Context& ctx) {
  std::string base = link_base(ctx);
  std::size_t sent = 0;
  auto res = step(ctx, "surveys.survey.remind", "surveys_reminded", [&](app::Change& change, const Survey& s) {
    sent = remind(change.db, ctx.app.catalog(), s.id, base, change.now());
    return std::to_string(sent);
  });
  return res;
}

http::Response invitations_post(Context& ctx) {
  const auto& f = ctx.form();
  std::string id = ctx.param("id");
  Invitee who;
  who.email = f.get("email");
  who.name = f.get("name");
  who.lang = f.get("lang");
  if (!f.get("organization_id").empty()) who.organization_id = f.get("organization_id");
  std::string base = link_base(ctx);
  try {
    app::write(ctx, [&](app::Change& change) {
      Survey s = survey_of_path(change.db, ctx);
      invite(change.db, ctx.app.catalog(), s.id, who, base, change.now());
      change.audit("surveys.invitation.create", "surveys.survey", s.id, text::trimmed(who.email));
    });
  } catch (const SurveyError& err) {
    if (err.status == 404) throw HttpError(404, "not_found", "error.not_found");
    Edit e{"invite", f, {{"email", err.key}}};
    return show(ctx, id, &e, err.status);
  }
  return http::Response::redirect("/surveys/" + id + "?done=surveys_invited#invitations");
}

http::Response preview_page(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  Survey s = survey_of_path(*lease, ctx);
  web::Dict d = ctx.content_dict();
  d.ShowSection("PREVIEW");
  d.ShowSection("NOT_THANKS");
  d.SetValue("ID", s.id);
  d.SetValue("TITLE", in_lang(s.definition.title, ctx.lang));
  d.SetValueAndShowSection("INTRO", in_lang(s.definition.intro, ctx.lang), "HAS_INTRO");
  fill_questions(ctx, d, s.definition, {}, {});
  return ctx.page("surveys_respond", in_lang(s.definition.title, ctx.lang), d);
}

}  // namespace samen::surveys
