// The JSON API of the journal's guides, answer sets and expectations register
// (openapi.json; ARCHITECTURE.md's API conventions): lists are pages, every
// record carries its version as the ETag, an update names the version it read
// in If-Match (412) or in the body (409). The rules are the pages' (sources.hpp):
// guides are read by every signed-in role and written by staff; an answer set
// is seen only by who may see its activity and the set (404 otherwise), written
// by who may edit the activity, and reads of facilitators-only sets are
// audited; the register shows each caller the entries may_see_expectation lets
// it see, partners write their own organisations' entries.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/api.hpp"
#include "app/app.hpp"
#include "app/write.hpp"
#include "journal/handlers.hpp"
#include "journal/sources.hpp"
#include "journal/sources_handlers.hpp"
#include "util/dates.hpp"
#include "util/text.hpp"

namespace samen::journal {

using app::Context;
using app::HttpError;
using nlohmann::json;

namespace {

struct Invalid {
  FieldErrors errors;
};

// A path id: 404 for one no record can have.
std::string path_id(const Context& ctx, const char* name) {
  std::string id = ctx.param(name);
  if (id.empty() || id.size() > 100) throw HttpError(404, "not_found", "error.not_found");
  return id;
}

http::Response with_etag(http::Response res, std::int64_t version) {
  res.set_header("ETag", app::etag(version));
  return res;
}

bool archived_param(const Context& ctx) {
  std::string archived = ctx.req.query_param("archived").value_or("false");
  if (archived != "true" && archived != "false") throw HttpError(400, "bad_request", "error.bad_request");
  return archived == "true";
}

// ---- guides --------------------------------------------------------------------------------

json guide_json(const Guide& g) {
  json questions = json::array();
  for (const auto& q : g.questions) questions.push_back({{"id", q.id}, {"text", q.text}});
  return {{"id", g.id},
          {"kind", g.kind},
          {"title", g.title},
          {"language", g.language},
          {"introduction", g.introduction},
          {"questions", questions},
          {"version", g.version},
          {"created_at", app::rfc3339(g.created_at)},
          {"updated_at", app::rfc3339(g.updated_at)},
          {"archived_at", app::rfc3339_or_null(g.archived_at)}};
}

// A guide from a body: questions keep their ids when given (an update rewords or moves them).
Guide guide_from_json(const json& j, FieldErrors& errors) {
  Guide g;
  g.kind = string_of(j, "kind", errors);
  g.title = string_of(j, "title", errors);
  g.language = string_of(j, "language", errors);
  g.introduction = string_of(j, "introduction", errors);
  auto qs = j.find("questions");
  if (qs != j.end() && !qs->is_array()) errors["questions"] = "journal.error.type_mismatch";
  else if (qs != j.end())
    for (const auto& q : *qs) {
      if (!q.is_object()) {
        errors["questions"] = "journal.error.type_mismatch";
        continue;
      }
      GuideQuestion gq{string_of(q, "id", errors), string_of(q, "text", errors)};
      if (gq.text.empty()) continue;
      g.questions.push_back(std::move(gq));
    }
  return g;
}

void require_guide_writer(const Context& ctx) {
  if (!ctx.user()) throw HttpError(401, "unauthorized", "error.unauthorized");
  if (!may_manage_guides(ctx.user()->role)) throw HttpError(403, "forbidden", "error.forbidden");
}

// ---- answer sets ---------------------------------------------------------------------------

struct VisibleSet {
  Activity activity;
  AnswerSet set;
  bool editable = false;
};

// The activity of the path if the caller may see it (404).
Activity activity_of_path(Context& ctx, store::Connection& c, const Viewer& v) {
  std::string id = path_id(ctx, "id");
  auto a = load_activity(c, id);
  if (!a || !may_see(v, a->visibility, a->team_id)) throw HttpError(404, "not_found", "error.not_found");
  return *a;
}

// The active answer set of the path, when the caller may see both it and its activity (404).
VisibleSet set_of_path(Context& ctx, store::Connection& c) {
  Viewer v = viewer(ctx, core::load_network(c));
  Activity a = activity_of_path(ctx, c, v);
  auto s = load_answer_set(c, path_id(ctx, "set_id"));
  if (!s || s->activity_id != a.id || s->archived_at || !may_see_answers(v, a, s->visibility))
    throw HttpError(404, "not_found", "error.not_found");
  return {a, *s, may_edit(v, a)};
}

json answer_set_json(store::Connection& c, const AnswerSet& s) {
  // The guide's questions in order, then removed ones that still hold an answer here.
  auto g = load_guide(c, s.guide_id);
  std::vector<GuideQuestion> questions = g ? g->questions : std::vector<GuideQuestion>{};
  auto texts = all_question_texts(c, s.guide_id);
  for (const auto& a : s.answers)
    if (std::none_of(questions.begin(), questions.end(), [&](const GuideQuestion& q) { return q.id == a.question_id; }))
      questions.push_back({a.question_id, texts[a.question_id]});
  json answers = json::array();
  for (const auto& q : questions) {
    const Answer* a = s.answer_to(q.id);
    answers.push_back({{"question_id", q.id},
                       {"question", q.text},
                       {"answer_id", a ? json(a->id) : json(nullptr)},
                       {"text", a ? a->text : ""},
                       {"answer_version", a ? json(a->version) : json(nullptr)}});
  }
  return {{"id", s.id},
          {"activity_id", s.activity_id},
          {"guide_id", s.guide_id},
          {"guide_title", s.guide_title},
          {"guide_kind", s.guide_kind},
          {"language", s.guide_language},
          {"visibility", s.visibility},
          {"answers", answers},
          {"version", s.version},
          {"archived_at", app::rfc3339_or_null(s.archived_at)}};
}

void audit_set_read(Context& ctx, const Activity& a, const AnswerSet& s) {
  if (s.visibility == "facilitators" || a.visibility == "facilitators")
    ctx.audit("journal.answer_set.read", "journal.answer_set", s.id, "api");
}

// ---- the expectations register -------------------------------------------------------------

json expectation_json(const Expectation& e) {
  return {{"id", e.id},
          {"organization_id", e.organization_id},
          {"round", e.round},
          {"captured_on", e.captured_on},
          {"activity_id", e.activity_id.empty() ? json(nullptr) : json(e.activity_id)},
          {"visibility", e.visibility},
          {"team_id", e.team_id.empty() ? json(nullptr) : json(e.team_id)},
          {"expects", e.expects},
          {"brings", e.brings},
          {"worries", e.worries},
          {"version", e.version},
          {"created_at", app::rfc3339(e.created_at)},
          {"updated_at", app::rfc3339(e.updated_at)},
          {"archived_at", app::rfc3339_or_null(e.archived_at)}};
}

Expectation expectation_from_json(const json& j, FieldErrors& errors) {
  Expectation e;
  e.organization_id = string_of(j, "organization_id", errors);
  e.round = string_of(j, "round", errors);
  e.captured_on = string_of(j, "captured_on", errors);
  e.activity_id = string_of(j, "activity_id", errors);
  e.visibility = string_of(j, "visibility", errors);
  if (e.visibility.empty()) e.visibility = "network";
  e.team_id = string_of(j, "team_id", errors);
  e.expects = string_of(j, "expects", errors);
  e.brings = string_of(j, "brings", errors);
  e.worries = string_of(j, "worries", errors);
  return e;
}

// The checks the entry form makes: the organisation and the linked activity exist and are
// visible, a team is one of the organisation's, then validate_expectation.
void check_expectation(store::Connection& c, const core::Network& n, const Viewer& v, const Expectation& e,
                       FieldErrors& errors) {
  if (!e.organization_id.empty() && !n.organization(e.organization_id))
    errors.emplace("organization_id", "journal.error.organization_unknown");
  if (!e.activity_id.empty()) {
    auto a = e.activity_id.size() > 100 ? std::nullopt : load_activity(c, e.activity_id);
    if (!a || !may_see(v, a->visibility, a->team_id)) errors.emplace("activity_id", "journal.sources.error.activity_unknown");
  }
  std::vector<std::string> org_teams;
  for (const auto& t : n.teams)
    if (std::find(t.member_ids.begin(), t.member_ids.end(), e.organization_id) != t.member_ids.end())
      org_teams.push_back(t.id);
  for (auto& [field, key] : validate_expectation(e, v, org_teams)) errors.emplace(field, key);
}

void require_expectation_writer(const Context& ctx) {
  if (!ctx.user()) throw HttpError(401, "unauthorized", "error.unauthorized");
  auto r = ctx.user()->role;
  if (!sees_everything(r) && r != accounts::Role::partner) throw HttpError(403, "forbidden", "error.forbidden");
}

}  // namespace

// ---- guides --------------------------------------------------------------------------------

http::Response api_guides_list(Context& ctx) {
  auto page = app::page_request(ctx);
  bool archived = archived_param(ctx);
  auto lease = ctx.app.db().acquire();
  auto guides = list_guides(*lease, archived);
  json items = json::array();
  for (std::size_t i = static_cast<std::size_t>(page.offset());
       i < guides.size() && items.size() < static_cast<std::size_t>(page.per_page); ++i)
    items.push_back(guide_json(guides[i]));
  return app::json_response(200, app::page_json(page, static_cast<std::int64_t>(guides.size()), std::move(items)));
}

http::Response api_guide_get(Context& ctx) {
  auto g = load_guide(*ctx.app.db().acquire(), path_id(ctx, "guide_id"));
  if (!g) throw HttpError(404, "not_found", "error.not_found");
  return with_etag(app::json_response(200, guide_json(*g)), g->version);
}

http::Response api_guide_create(Context& ctx) {
  require_guide_writer(ctx);
  json j = app::json_body(ctx);
  if (!j.is_object()) throw HttpError(400, "bad_request", "error.bad_request");
  FieldErrors errors;
  Guide g = guide_from_json(j, errors);
  for (auto& q : g.questions) q.id.clear();  // a new guide's questions are new
  try {
    app::write(ctx, [&](app::Change& change) {
      for (auto& [f, k] : validate_guide(g)) errors.emplace(f, k);
      if (!errors.empty()) throw Invalid{errors};
      insert_guide(change, g);
    });
  } catch (const Invalid& e) {
    return validation_error(ctx, e.errors);
  }
  auto stored = load_guide(*ctx.app.db().acquire(), g.id);
  auto res = with_etag(app::json_response(201, guide_json(*stored)), stored->version);
  res.set_header("Location", "/api/v1/guides/" + g.id);
  return res;
}

http::Response api_guide_put(Context& ctx) {
  require_guide_writer(ctx);
  std::string id = path_id(ctx, "guide_id");
  json j = app::json_body(ctx);
  if (!j.is_object()) throw HttpError(400, "bad_request", "error.bad_request");
  FieldErrors errors;
  app::UpdateVersion version = app::update_version(ctx, j, errors, "journal.error.type_mismatch");
  auto expected = version.expected;
  Guide next = guide_from_json(j, errors);
  try {
    app::write_update(ctx, version, [&](app::Change& change) {
      auto before = load_guide(change.db, id);
      if (!before) throw HttpError(404, "not_found", "error.not_found");
      if (before->archived_at) throw app::ArchivedRecordError();
      // A question id must be one of this guide's (or none: a new question).
      auto known = all_question_texts(change.db, id);
      for (const auto& q : next.questions)
        if (!q.id.empty() && !known.contains(q.id)) errors.emplace("questions", "journal.sources.error.question_unknown");
      for (auto& [f, k] : validate_guide(next)) errors.emplace(f, k);
      if (!errors.empty()) throw Invalid{errors};
      update_guide(change, *before, next, expected);
    });
  } catch (const Invalid& e) {
    return validation_error(ctx, e.errors);
  }
  auto stored = load_guide(*ctx.app.db().acquire(), id);
  return with_etag(app::json_response(200, guide_json(*stored)), stored->version);
}

// ---- answer sets ---------------------------------------------------------------------------

http::Response api_answer_sets_list(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  Viewer v = viewer(ctx, core::load_network(*lease));
  Activity a = activity_of_path(ctx, *lease, v);
  json items = json::array();
  for (const auto& s : answer_sets_of(*lease, a.id)) {
    if (!may_see_answers(v, a, s.visibility)) continue;
    auto full = load_answer_set(*lease, s.id);
    audit_set_read(ctx, a, *full);
    items.push_back(answer_set_json(*lease, *full));
  }
  auto page = app::page_request(ctx);
  auto total = static_cast<std::int64_t>(items.size());
  json contents = json::array();
  for (std::int64_t i = page.offset(); i < total && static_cast<std::int64_t>(contents.size()) < page.per_page; ++i)
    contents.push_back(items[static_cast<std::size_t>(i)]);
  return app::json_response(200, app::page_json(page, total, std::move(contents)));
}

http::Response api_answer_set_get(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  VisibleSet s = set_of_path(ctx, *lease);
  audit_set_read(ctx, s.activity, s.set);
  return with_etag(app::json_response(200, answer_set_json(*lease, s.set)), s.set.version);
}

http::Response api_answer_set_create(Context& ctx) {
  json j = app::json_body(ctx);
  if (!j.is_object()) throw HttpError(400, "bad_request", "error.bad_request");
  FieldErrors errors;
  std::string guide_id = string_of(j, "guide_id", errors), visibility = string_of(j, "visibility", errors);
  std::string set_id;
  try {
    set_id = app::write(ctx, [&](app::Change& change) {
      Viewer v = viewer(ctx, core::load_network(change.db));
      Activity a = activity_of_path(ctx, change.db, v);
      if (!may_edit(v, a)) throw HttpError(403, "forbidden", "journal.error.not_yours");
      if (a.archived_at) throw app::ArchivedRecordError();
      auto g = guide_id.empty() || guide_id.size() > 100 ? std::nullopt : load_guide(change.db, guide_id);
      if (!g || g->archived_at) errors.emplace("guide_id", "journal.sources.error.guide_unknown");
      if (visibility.empty()) visibility = default_set_visibility(a, v);
      if (!valid_set_visibility(visibility, a) || !may_choose_visibility(v, visibility))
        errors.emplace("visibility", "journal.sources.error.set_visibility");
      if (!errors.empty()) throw Invalid{errors};
      return attach_guide(change, a, *g, visibility).id;
    });
  } catch (const Invalid& e) {
    return validation_error(ctx, e.errors);
  }
  auto lease = ctx.app.db().acquire();
  auto s = load_answer_set(*lease, set_id);
  auto res = with_etag(app::json_response(201, answer_set_json(*lease, *s)), s->version);
  res.set_header("Location", "/api/v1/activities/" + s->activity_id + "/answer-sets/" + set_id);
  return res;
}

http::Response api_answer_set_put(Context& ctx) {
  json j = app::json_body(ctx);
  if (!j.is_object()) throw HttpError(400, "bad_request", "error.bad_request");
  FieldErrors errors;
  app::UpdateVersion version = app::update_version(ctx, j, errors, "journal.error.type_mismatch");
  auto expected = version.expected;
  std::string visibility = string_of(j, "visibility", errors);
  // answers: {question_id: Markdown text}; a question left out keeps its answer.
  std::map<std::string, std::string> texts;
  if (auto it = j.find("answers"); it != j.end()) {
    if (!it->is_object()) errors["answers"] = "journal.error.type_mismatch";
    else
      for (const auto& [question_id, text] : it->items()) {
        if (!text.is_string()) errors["answers"] = "journal.error.type_mismatch";
        else if (text.get<std::string>().size() > 200000) errors["answers"] = "journal.error.too_long";
        else texts[question_id] = text.get<std::string>();
      }
  }
  std::string set_id;
  try {
    app::write_update(ctx, version, [&](app::Change& change) {
      VisibleSet s = set_of_path(ctx, change.db);
      set_id = s.set.id;
      if (!s.editable) throw HttpError(403, "forbidden", "journal.error.not_yours");
      if (s.activity.archived_at) throw app::ArchivedRecordError();
      Viewer v = viewer(ctx, core::load_network(change.db));
      if (visibility.empty()) visibility = s.set.visibility;
      if (!valid_set_visibility(visibility, s.activity) || !may_choose_visibility(v, visibility))
        errors.emplace("visibility", "journal.sources.error.set_visibility");
      // Every named question is one of the guide's (archived ones too: their answers stay editable).
      auto known = all_question_texts(change.db, s.set.guide_id);
      std::map<std::string, std::string> all;
      for (const auto& a : s.set.answers) all[a.question_id] = a.text;
      for (const auto& [q, text] : texts) {
        if (!known.contains(q)) errors.emplace("answers", "journal.sources.error.question_unknown");
        all[q] = text;
      }
      if (!errors.empty()) throw Invalid{errors};
      save_answers(change, s.set, all, visibility, expected);
    });
  } catch (const Invalid& e) {
    return validation_error(ctx, e.errors);
  }
  auto lease = ctx.app.db().acquire();
  auto s = load_answer_set(*lease, set_id);
  return with_etag(app::json_response(200, answer_set_json(*lease, *s)), s->version);
}

// ---- the expectations register -------------------------------------------------------------

http::Response api_expectations_list(Context& ctx) {
  auto page = app::page_request(ctx);
  ExpectationFilter f;
  f.archived = archived_param(ctx);
  auto lease = ctx.app.db().acquire();
  core::Network n = core::load_network(*lease);
  std::string org = text::trimmed(ctx.req.query_param("organization").value_or(""));
  std::string team = text::trimmed(ctx.req.query_param("team").value_or(""));
  if (!org.empty()) f.organization_ids = {org.substr(0, 100)};
  if (!team.empty()) {  // the organisations that are members of the team
    auto t = n.team(team.substr(0, 100));
    if (!t) throw HttpError(400, "bad_request", "journal.error.team_unknown");
    std::vector<std::string> members = t->member_ids;
    if (!f.organization_ids.empty()) {
      bool in = std::find(members.begin(), members.end(), f.organization_ids[0]) != members.end();
      members = in ? f.organization_ids : std::vector<std::string>{};
    }
    if (members.empty()) return app::json_response(200, app::page_json(page, 0, json::array()));
    f.organization_ids = members;
  }
  auto entries = list_expectations(*lease, viewer(ctx, n), f);
  json items = json::array();
  for (std::size_t i = static_cast<std::size_t>(page.offset());
       i < entries.size() && items.size() < static_cast<std::size_t>(page.per_page); ++i)
    items.push_back(expectation_json(entries[i]));
  return app::json_response(200, app::page_json(page, static_cast<std::int64_t>(entries.size()), std::move(items)));
}

http::Response api_expectation_get(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  Viewer v = viewer(ctx, core::load_network(*lease));
  auto e = load_expectation(*lease, path_id(ctx, "entry_id"));
  if (!e || !may_see_expectation(v, *e)) throw HttpError(404, "not_found", "error.not_found");
  return with_etag(app::json_response(200, expectation_json(*e)), e->version);
}

http::Response api_expectation_create(Context& ctx) {
  require_expectation_writer(ctx);
  json j = app::json_body(ctx);
  if (!j.is_object()) throw HttpError(400, "bad_request", "error.bad_request");
  FieldErrors errors;
  Expectation e = expectation_from_json(j, errors);
  try {
    app::write(ctx, [&](app::Change& change) {
      core::Network n = core::load_network(change.db);
      check_expectation(change.db, n, viewer(ctx, n), e, errors);
      if (!errors.empty()) throw Invalid{errors};
      insert_expectation(change, e);
    });
  } catch (const Invalid& err) {
    return validation_error(ctx, err.errors);
  }
  auto stored = load_expectation(*ctx.app.db().acquire(), e.id);
  auto res = with_etag(app::json_response(201, expectation_json(*stored)), stored->version);
  res.set_header("Location", "/api/v1/expectations/" + e.id);
  return res;
}

http::Response api_expectation_put(Context& ctx) {
  require_expectation_writer(ctx);
  std::string id = path_id(ctx, "entry_id");
  json j = app::json_body(ctx);
  if (!j.is_object()) throw HttpError(400, "bad_request", "error.bad_request");
  FieldErrors errors;
  app::UpdateVersion version = app::update_version(ctx, j, errors, "journal.error.type_mismatch");
  auto expected = version.expected;
  Expectation next = expectation_from_json(j, errors);
  try {
    app::write_update(ctx, version, [&](app::Change& change) {
      core::Network n = core::load_network(change.db);
      Viewer v = viewer(ctx, n);
      auto before = load_expectation(change.db, id);
      if (!before || !may_see_expectation(v, *before)) throw HttpError(404, "not_found", "error.not_found");
      if (!may_edit_expectations(v, before->organization_id))
        throw HttpError(403, "forbidden", "journal.sources.error.not_your_organization");
      if (before->archived_at) throw app::ArchivedRecordError();
      check_expectation(change.db, n, v, next, errors);
      if (!errors.empty()) throw Invalid{errors};
      update_expectation(change, *before, next, expected);
    });
  } catch (const Invalid& e) {
    return validation_error(ctx, e.errors);
  }
  auto stored = load_expectation(*ctx.app.db().acquire(), id);
  return with_etag(app::json_response(200, expectation_json(*stored)), stored->version);
}

}  // namespace samen::journal
