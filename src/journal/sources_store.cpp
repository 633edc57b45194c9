// The sources' rules and the reads and writes of their tables (sources.hpp):
// guides and their questions, answer sets and answers, the
// expectations register, activity types, follow-up edits.
#include <algorithm>
#include <regex>

#include "app/write.hpp"
#include "journal/coding_store.hpp"
#include "journal/sources.hpp"
#include "util/dates.hpp"
#include "util/uuid.hpp"

namespace samen::journal {

using accounts::Role;

namespace {

store::Param opt(const std::optional<std::int64_t>& v) { return v ? store::Param(*v) : store::Param(nullptr); }
store::Param opt(const std::string& v) { return v.empty() ? store::Param(nullptr) : store::Param(v); }

int strictness(std::string_view visibility) {
  return visibility == "network" ? 0 : visibility == "team" ? 1 : visibility == "facilitators" ? 2 : -1;
}

}  // namespace

// ---- guides --------------------------------------------------------------------------------

bool may_manage_guides(Role r) { return sees_everything(r); }

FieldErrors validate_guide(const Guide& g) {
  FieldErrors e;
  if (g.title.empty()) e["title"] = "journal.sources.error.title_required";
  else if (g.title.size() > 300) e["title"] = "journal.error.too_long";
  if (std::find(std::begin(kGuideKinds), std::end(kGuideKinds), g.kind) == std::end(kGuideKinds))
    e["kind"] = "journal.sources.error.kind";
  if (std::find(std::begin(kLanguages), std::end(kLanguages), g.language) == std::end(kLanguages))
    e["language"] = "journal.error.language_unknown";
  if (g.introduction.size() > 20000) e["introduction"] = "journal.error.too_long";
  if (g.questions.empty()) e["questions"] = "journal.sources.error.questions_required";
  else if (g.questions.size() > 100) e["questions"] = "journal.sources.error.too_many_questions";
  for (const auto& q : g.questions)
    if (q.text.size() > 2000) e["questions"] = "journal.error.too_long";
  return e;
}

namespace {

const char* kGuideColumns =
    "id, kind, title, language, introduction, version, created_at, updated_at, archived_at, created_by";

Guide guide_from_row(const store::Row& r) {
  Guide g;
  g.id = r.text(0);
  g.kind = r.text(1);
  g.title = r.text(2);
  g.language = r.text(3);
  g.introduction = r.text(4);
  g.version = r.int64(5);
  g.created_at = r.int64(6);
  g.updated_at = r.int64(7);
  g.archived_at = r.opt_int64(8);
  g.created_by = r.opt_int64(9);
  return g;
}

void load_questions(store::Connection& c, Guide& g) {
  g.questions.clear();
  for (const auto& r : c.exec("SELECT id, text FROM journal_guide_questions WHERE guide_id = ? AND archived_at IS NULL "
                              "ORDER BY position, id", {g.id}).rows)
    g.questions.push_back({r.text(0), r.text(1)});
}

std::string question_list(const Guide& g) {
  std::string out;
  for (std::size_t i = 0; i < g.questions.size(); ++i)
    out += (i ? "\n" : "") + std::to_string(i + 1) + ". " + g.questions[i].text;
  return out;
}

void write_questions(app::Change& change, const Guide& before, Guide& next) {
  auto& c = change.db;
  std::vector<std::string> kept;
  for (std::size_t i = 0; i < next.questions.size(); ++i) {
    auto& q = next.questions[i];
    bool known = std::any_of(before.questions.begin(), before.questions.end(),
                             [&](const GuideQuestion& b) { return b.id == q.id; });
    if (q.id.empty() || !known) {
      q.id = uuid::random();
      c.exec("INSERT INTO journal_guide_questions (id, guide_id, position, text) VALUES (?, ?, ?, ?)",
             {q.id, next.id, static_cast<std::int64_t>(i + 1), q.text});
    } else {
      c.exec("UPDATE journal_guide_questions SET position = ?, text = ? WHERE id = ? AND guide_id = ?",
             {static_cast<std::int64_t>(i + 1), q.text, q.id, next.id});
    }
    kept.push_back(q.id);
  }
  for (const auto& b : before.questions)
    if (std::find(kept.begin(), kept.end(), b.id) == kept.end())
      c.exec("UPDATE journal_guide_questions SET archived_at = ? WHERE id = ?", {change.now(), b.id});
}

}  // namespace

std::vector<Guide> list_guides(store::Connection& c, bool archived) {
  std::vector<Guide> out;
  for (const auto& r : c.exec(std::string("SELECT ") + kGuideColumns + " FROM journal_guides WHERE archived_at IS " +
                              (archived ? "NOT NULL" : "NULL") + " ORDER BY language, title, id").rows)
    out.push_back(guide_from_row(r));
  for (auto& g : out) load_questions(c, g);
  return out;
}

std::optional<Guide> load_guide(store::Connection& c, const std::string& id) {
  auto r = c.exec(std::string("SELECT ") + kGuideColumns + " FROM journal_guides WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  Guide g = guide_from_row(r.rows[0]);
  load_questions(c, g);
  return g;
}

std::map<std::string, std::string> all_question_texts(store::Connection& c, const std::string& guide_id) {
  std::map<std::string, std::string> out;
  for (const auto& r : c.exec("SELECT id, text FROM journal_guide_questions WHERE guide_id = ?", {guide_id}).rows)
    out[r.text(0)] = r.text(1);
  return out;
}

core::Snapshot snapshot(const Guide& g) {
  return {{"kind", g.kind}, {"title", g.title}, {"language", g.language}, {"introduction", g.introduction},
          {"questions", question_list(g)}};
}

void insert_guide(app::Change& change, Guide& g) {
  g.id = uuid::random();
  g.version = 1;
  g.created_at = g.updated_at = change.now();
  if (change.ctx.user()) g.created_by = change.ctx.user()->id;
  change.db.exec("INSERT INTO journal_guides (id, version, created_at, updated_at, kind, title, language, introduction, "
                 "created_by) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)",
                 {g.id, g.created_at, g.updated_at, g.kind, g.title, g.language, g.introduction, opt(g.created_by)});
  write_questions(change, Guide{}, g);
  auto changes = core::diff({}, snapshot(g));
  core::record_history(change, "journal.guide", g.id, "create", changes);
  change.audit("journal.guide.create", "journal.guide", g.id, core::changed_field_list(changes));
}

void update_guide(app::Change& change, const Guide& before, Guide& next, std::optional<std::int64_t> expected) {
  next.id = before.id;
  next.version = core::next_version(change, guide_ref(before.id), expected);
  change.db.exec("UPDATE journal_guides SET kind = ?, title = ?, language = ?, introduction = ? WHERE id = ?",
                 {next.kind, next.title, next.language, next.introduction, next.id});
  write_questions(change, before, next);
  auto changes = core::diff(snapshot(before), snapshot(next));
  core::record_history(change, "journal.guide", next.id, "update", changes);
  change.audit("journal.guide.update", "journal.guide", next.id, core::changed_field_list(changes));
}

// ---- answer sets ---------------------------------------------------------------------------

bool at_least_as_strict(std::string_view set_visibility, std::string_view activity_visibility) {
  int s = strictness(set_visibility), a = strictness(activity_visibility);
  return s >= 0 && a >= 0 && s >= a;
}

bool valid_set_visibility(std::string_view set_visibility, const Activity& a) {
  if (!at_least_as_strict(set_visibility, a.visibility)) return false;
  return set_visibility != "team" || !a.team_id.empty();
}

std::string default_set_visibility(const Activity& a, const Viewer& v) {
  if (a.type == "interview" && may_choose_visibility(v, "facilitators")) return "facilitators";
  return a.visibility;
}

bool may_see_answers(const Viewer& v, const Activity& a, std::string_view set_visibility) {
  return may_see(v, a.visibility, a.team_id) && may_see(v, set_visibility, a.team_id);
}

const Answer* AnswerSet::answer_to(const std::string& question_id) const {
  for (const auto& a : answers)
    if (a.question_id == question_id) return &a;
  return nullptr;
}

namespace {

const char* kSetSelect =
    "SELECT s.id, s.activity_id, s.guide_id, s.visibility, g.title, g.kind, g.language, s.version, s.archived_at "
    "FROM journal_activity_guides s JOIN journal_guides g ON g.id = s.guide_id ";

AnswerSet set_from_row(const store::Row& r) {
  AnswerSet s;
  s.id = r.text(0);
  s.activity_id = r.text(1);
  s.guide_id = r.text(2);
  s.visibility = r.text(3);
  s.guide_title = r.text(4);
  s.guide_kind = r.text(5);
  s.guide_language = r.text(6);
  s.version = r.int64(7);
  s.archived_at = r.opt_int64(8);
  return s;
}

}  // namespace

std::vector<AnswerSet> answer_sets_of(store::Connection& c, const std::string& activity_id) {
  std::vector<AnswerSet> out;
  for (const auto& r : c.exec(std::string(kSetSelect) +
                                  "WHERE s.activity_id = ? AND s.archived_at IS NULL ORDER BY s.created_at, s.id",
                              {activity_id}).rows)
    out.push_back(set_from_row(r));
  return out;
}

std::optional<AnswerSet> load_answer_set(store::Connection& c, const std::string& id) {
  auto r = c.exec(std::string(kSetSelect) + "WHERE s.id = ?", {id});
  if (r.empty()) return std::nullopt;
  AnswerSet s = set_from_row(r.rows[0]);
  for (const auto& row : c.exec("SELECT id, question_id, text, version FROM journal_answers WHERE activity_guide_id = ? "
                                "AND archived_at IS NULL ORDER BY id", {id}).rows)
    s.answers.push_back({row.text(0), row.text(1), row.text(2), row.int64(3)});
  return s;
}

AnswerSet attach_guide(app::Change& change, const Activity& a, const Guide& g, const std::string& visibility) {
  auto existing = change.db.exec("SELECT id, archived_at FROM journal_activity_guides WHERE activity_id = ? AND guide_id = ?",
                                 {a.id, g.id});
  std::string id;
  if (!existing.empty()) {
    // Used before and taken off: the same set comes back with its answers.
    id = existing.rows[0].text(0);
    if (existing.rows[0].is_null(1)) throw app::HttpError(409, "conflict", "journal.sources.error.guide_already_used");
    core::set_archived(change, answer_set_ref(id), false, std::nullopt);
    std::string visibility_then = change.db.exec("SELECT visibility FROM journal_activity_guides WHERE id = ?", {id})
                                      .rows.at(0).text(0);
    answer_set_changed(change, id, visibility_then, false, visibility_then, true);  // its codings count again
  } else {
    id = uuid::random();
    change.db.exec("INSERT INTO journal_activity_guides (id, version, created_at, updated_at, activity_id, guide_id, "
                   "visibility) VALUES (?, 1, ?, ?, ?, ?, ?)",
                   {id, change.now(), change.now(), a.id, g.id, visibility});
    core::record_history(change, "journal.answer_set", id, "create",
                         {{"guide_id", "", g.id}, {"visibility", "", visibility}});
    change.audit("journal.answer_set.create", "journal.activity", a.id, g.id);
  }
  return *load_answer_set(change.db, id);
}

void save_answers(app::Change& change, const AnswerSet& before, const std::map<std::string, std::string>& texts,
                  const std::string& visibility, std::optional<std::int64_t> expected) {
  core::next_version(change, answer_set_ref(before.id), expected);
  std::vector<core::FieldChange> changes;
  if (visibility != before.visibility) {
    change.db.exec("UPDATE journal_activity_guides SET visibility = ? WHERE id = ?", {visibility, before.id});
    changes.push_back({"visibility", before.visibility, visibility});
    answer_set_changed(change, before.id, before.visibility, true, visibility, true);
  }
  for (const auto& [question_id, text] : texts) {
    const Answer* old = before.answer_to(question_id);
    if (old && old->text == text) continue;
    if (old) {
      // The answer keeps its id: the passages coded in it stay attached to it and follow the edit.
      change.db.exec("UPDATE journal_answers SET text = ?, version = version + 1, updated_at = ? WHERE id = ?",
                     {text, change.now(), old->id});
      answer_text_changed(change, old->id, old->text, text);
    } else {
      if (text.empty()) continue;
      change.db.exec("INSERT INTO journal_answers (id, version, created_at, updated_at, activity_guide_id, question_id, "
                     "text) VALUES (?, 1, ?, ?, ?, ?, ?)",
                     {uuid::random(), change.now(), change.now(), before.id, question_id, text});
    }
    changes.push_back({"answer:" + question_id, old ? old->text : "", text});
  }
  core::record_history(change, "journal.answer_set", before.id, "update", changes);
  change.audit("journal.answer_set.update", "journal.answer_set", before.id,
               std::to_string(changes.size()) + " fields");
}

// ---- the expectations register -------------------------------------------------------------

bool may_edit_expectations(const Viewer& v, std::string_view organization_id) {
  if (sees_everything(v.role)) return true;
  return v.role == Role::partner && !organization_id.empty() &&
         std::find(v.organization_ids.begin(), v.organization_ids.end(), organization_id) != v.organization_ids.end();
}

bool may_see_expectation(const Viewer& v, const Expectation& e) { return may_see(v, e.visibility, e.team_id); }

FieldErrors validate_expectation(const Expectation& e, const Viewer& v, const std::vector<std::string>& organization_teams) {
  FieldErrors errors;
  if (e.organization_id.empty()) errors["organization_id"] = "journal.sources.error.organization_required";
  else if (!may_edit_expectations(v, e.organization_id)) errors["organization_id"] = "journal.sources.error.not_your_organization";
  if (e.round.empty()) errors["round"] = "journal.sources.error.round_required";
  else if (e.round.size() > 100) errors["round"] = "journal.error.too_long";
  if (!dates::valid_iso(e.captured_on)) errors["captured_on"] = "journal.error.due_date";
  if (e.visibility != "network" && e.visibility != "team" && e.visibility != "facilitators")
    errors["visibility"] = "journal.error.visibility_unknown";
  else if (!may_choose_visibility(v, e.visibility)) errors["visibility"] = "journal.error.visibility_not_allowed";
  else if (e.visibility == "team" && e.team_id.empty()) errors["team_id"] = "journal.error.team_required";
  // As an activity's team: one the viewer may choose; here also one the entry's organisation is a member of.
  if (!e.team_id.empty() && !errors.count("team_id")) {
    if (e.visibility != "team") errors["team_id"] = "journal.sources.error.team_only_for_team";
    else if (std::find(organization_teams.begin(), organization_teams.end(), e.team_id) == organization_teams.end())
      errors["team_id"] = "journal.sources.error.team_not_of_organization";
    else if (!may_choose_team(v, e.team_id)) errors["team_id"] = "journal.error.team_not_yours";
  }
  if (e.expects.empty() && e.brings.empty() && e.worries.empty()) errors["expects"] = "journal.sources.error.empty_entry";
  for (const auto* f : {&e.expects, &e.brings, &e.worries})
    if (f->size() > 20000) errors[f == &e.expects ? "expects" : f == &e.brings ? "brings" : "worries"] = "journal.error.too_long";
  return errors;
}

namespace {

const char* kExpectationColumns =
    "id, organization_id, round, captured_on, COALESCE(activity_id, ''), visibility, expects, brings, worries, version, "
    "created_at, updated_at, archived_at, created_by, COALESCE(team_id, '')";

Expectation expectation_from_row(const store::Row& r) {
  Expectation e;
  e.id = r.text(0);
  e.organization_id = r.text(1);
  e.round = r.text(2);
  e.captured_on = r.text(3);
  e.activity_id = r.text(4);
  e.visibility = r.text(5);
  e.expects = r.text(6);
  e.brings = r.text(7);
  e.worries = r.text(8);
  e.version = r.int64(9);
  e.created_at = r.int64(10);
  e.updated_at = r.int64(11);
  e.archived_at = r.opt_int64(12);
  e.created_by = r.opt_int64(13);
  e.team_id = r.text(14);
  return e;
}

}  // namespace

std::vector<Expectation> list_expectations(store::Connection& c, const Viewer& v, const ExpectationFilter& f) {
  std::string sql = std::string("SELECT ") + kExpectationColumns + " FROM journal_expectations WHERE archived_at IS " +
                    (f.archived ? "NOT NULL" : "NULL");
  store::Params args;
  if (!f.organization_ids.empty()) {
    sql += " AND organization_id IN (";
    for (std::size_t i = 0; i < f.organization_ids.size(); ++i) {
      sql += i ? ",?" : "?";
      args.push_back(f.organization_ids[i]);
    }
    sql += ")";
  }
  sql += " ORDER BY organization_id, captured_on, round, id";
  std::vector<Expectation> out;
  // The register is small (a few entries per organisation): may_see() itself filters it.
  for (const auto& r : c.exec(sql, args).rows) {
    Expectation e = expectation_from_row(r);
    if (may_see_expectation(v, e)) out.push_back(std::move(e));
  }
  return out;
}

std::optional<Expectation> load_expectation(store::Connection& c, const std::string& id) {
  auto r = c.exec(std::string("SELECT ") + kExpectationColumns + " FROM journal_expectations WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  return expectation_from_row(r.rows[0]);
}

core::Snapshot snapshot(const Expectation& e) {
  return {{"organization_id", e.organization_id}, {"round", e.round}, {"captured_on", e.captured_on},
          {"activity_id", e.activity_id}, {"visibility", e.visibility}, {"team_id", e.team_id}, {"expects", e.expects},
          {"brings", e.brings}, {"worries", e.worries}};
}

void insert_expectation(app::Change& change, Expectation& e) {
  if (e.id.empty()) e.id = uuid::random();
  e.version = 1;
  e.created_at = e.updated_at = change.now();
  if (change.ctx.user()) e.created_by = change.ctx.user()->id;
  change.db.exec("INSERT INTO journal_expectations (id, version, created_at, updated_at, organization_id, round, "
                 "captured_on, activity_id, visibility, expects, brings, worries, created_by, team_id) "
                 "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 {e.id, e.created_at, e.updated_at, e.organization_id, e.round, e.captured_on, opt(e.activity_id),
                  e.visibility, e.expects, e.brings, e.worries, opt(e.created_by), opt(e.team_id)});
  auto changes = core::diff({}, snapshot(e));
  core::record_history(change, "journal.expectation", e.id, "create", changes);
  change.audit("journal.expectation.create", "journal.expectation", e.id, core::changed_field_list(changes));
}

void update_expectation(app::Change& change, const Expectation& before, Expectation& next,
                        std::optional<std::int64_t> expected) {
  next.id = before.id;
  next.version = core::next_version(change, expectation_ref(before.id), expected);
  change.db.exec("UPDATE journal_expectations SET organization_id = ?, round = ?, captured_on = ?, activity_id = ?, "
                 "visibility = ?, expects = ?, brings = ?, worries = ?, team_id = ? WHERE id = ?",
                 {next.organization_id, next.round, next.captured_on, opt(next.activity_id), next.visibility,
                  next.expects, next.brings, next.worries, opt(next.team_id), next.id});
  auto changes = core::diff(snapshot(before), snapshot(next));
  core::record_history(change, "journal.expectation", next.id, "update", changes);
  change.audit("journal.expectation.update", "journal.expectation", next.id, core::changed_field_list(changes));
}

// ---- activity types ------------------------------------------------------------------------

std::vector<TypeRow> all_activity_types(store::Connection& c) {
  std::vector<TypeRow> out;
  for (const auto& r : c.exec("SELECT t.code, t.label_nl, t.label_fr, t.label_en, t.sort_order, t.archived_at, "
                              "(SELECT COUNT(*) FROM journal_activities a WHERE a.type = t.code) "
                              "FROM journal_activity_types t ORDER BY t.archived_at IS NOT NULL, t.sort_order, t.code").rows)
    out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.int64(4), r.opt_int64(5), r.int64(6)});
  return out;
}

bool valid_type_code(std::string_view code) {
  static const std::regex re("[a-z][a-z0-9_]{1,39}");
  return std::regex_match(code.begin(), code.end(), re);
}

// ---- follow-ups ----------------------------------------------------------------------------

void update_follow_up(app::Change& change, const std::string& id, const FollowUpEdit& before, const FollowUpEdit& next,
                      std::optional<std::int64_t> expected) {
  core::next_version(change, {"journal_follow_ups", "journal.follow_up", id}, expected);
  change.db.exec("UPDATE journal_follow_ups SET text = ?, owner_id = ?, due_date = ? WHERE id = ?",
                 {next.text, opt(next.owner_id), opt(next.due_date), id});
  auto owner = [](const FollowUpEdit& f) { return f.owner_id ? std::to_string(*f.owner_id) : std::string(); };
  auto changes = core::diff({{"text", before.text}, {"owner_id", owner(before)}, {"due_date", before.due_date}},
                            {{"text", next.text}, {"owner_id", owner(next)}, {"due_date", next.due_date}});
  core::record_history(change, "journal.follow_up", id, "update", changes);
  change.audit("journal.follow_up.update", "journal.follow_up", id, core::changed_field_list(changes));
}

}  // namespace samen::journal
