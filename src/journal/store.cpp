// Reads and writes of the journal's tables (store.hpp).
#include "journal/store.hpp"

#include <algorithm>
#include <map>

#include "app/write.hpp"
#include "journal/coding_store.hpp"
#include "journal/search.hpp"
#include "util/uuid.hpp"

namespace samen::journal {

namespace {

const char* kColumns =
    "id, type, title, starts_at, duration_minutes, place, online_url, languages, team_id, visibility, "
    "facilitator_id, external_participants, agenda, notes, decisions, created_by, version, created_at, "
    "updated_at, archived_at";

Activity from_row(const store::Row& r) {
  Activity a;
  a.id = r.text(0);
  a.type = r.text(1);
  a.title = r.text(2);
  a.starts_at = r.int64(3);
  a.duration_minutes = r.int64(4);
  a.place = r.text(5);
  a.online_url = r.text(6);
  a.languages = split_list(r.text(7));
  a.team_id = r.text(8);
  a.visibility = r.text(9);
  a.facilitator_id = r.opt_int64(10);
  a.external_participants = r.int64(11);
  a.agenda = r.text(12);
  a.notes = r.text(13);
  a.decisions = r.text(14);
  a.created_by = r.opt_int64(15);
  a.version = r.int64(16);
  a.created_at = r.int64(17);
  a.updated_at = r.int64(18);
  a.archived_at = r.opt_int64(19);
  return a;
}

std::string placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i ? ",?" : "?";
  return out;
}

store::Param opt(const std::optional<std::int64_t>& v) { return v ? store::Param(*v) : store::Param(nullptr); }
store::Param opt(const std::string& v) { return v.empty() ? store::Param(nullptr) : store::Param(v); }

void write_participants(store::Connection& c, const Activity& a) {
  c.exec("DELETE FROM journal_activity_organizations WHERE activity_id = ?", {a.id});
  c.exec("DELETE FROM journal_activity_people WHERE activity_id = ?", {a.id});
  for (const auto& o : a.organization_ids)
    c.exec("INSERT INTO journal_activity_organizations (activity_id, organization_id) VALUES (?, ?)", {a.id, o});
  for (auto p : a.person_ids)
    c.exec("INSERT INTO journal_activity_people (activity_id, user_id) VALUES (?, ?)", {a.id, p});
}

std::string int_list(const std::vector<std::int64_t>& v) {
  std::vector<std::int64_t> sorted = v;
  std::sort(sorted.begin(), sorted.end());
  std::string out;
  for (auto i : sorted) out += (out.empty() ? "" : ",") + std::to_string(i);
  return out;
}

}  // namespace

std::vector<ActivityType> activity_types(store::Connection& c, bool include_archived) {
  std::vector<ActivityType> out;
  for (const auto& r : c.exec(std::string("SELECT code, label_nl, label_fr, label_en FROM journal_activity_types ") +
                              (include_archived ? "" : "WHERE archived_at IS NULL ") +
                              "ORDER BY archived_at IS NOT NULL, sort_order, code").rows)
    out.push_back({r.text(0), r.text(1), r.text(2), r.text(3)});
  return out;
}

std::vector<std::string> type_codes(const std::vector<ActivityType>& types) {
  std::vector<std::string> out;
  for (const auto& t : types) out.push_back(t.code);
  return out;
}

Viewer viewer_of(const accounts::User& u, const core::Network& n) {
  return {u.role, u.id, core::teams_of_organizations(n, u.organizations), u.organizations};
}

std::vector<core::Person> choosable_people(store::Connection& c, const Viewer& v) {
  auto people = core::network_people(c);
  if (sees_everything(v.role)) return people;
  std::vector<core::Person> out;
  for (const auto& p : people) {
    bool shared = p.id == v.user_id;
    for (const auto& o : p.organization_ids)
      shared |= std::find(v.organization_ids.begin(), v.organization_ids.end(), o) != v.organization_ids.end();
    if (shared) out.push_back(p);
  }
  return out;
}

std::optional<Activity> load_activity(store::Connection& c, const std::string& id) {
  auto r = c.exec(std::string("SELECT ") + kColumns + " FROM journal_activities WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  Activity a = from_row(r.rows[0]);
  for (const auto& row : c.exec("SELECT organization_id FROM journal_activity_organizations WHERE activity_id = ? "
                                "ORDER BY organization_id", {id}).rows)
    a.organization_ids.push_back(row.text(0));
  for (const auto& row : c.exec("SELECT user_id FROM journal_activity_people WHERE activity_id = ? ORDER BY user_id",
                                {id}).rows)
    a.person_ids.push_back(row.int64(0));
  return a;
}

std::vector<Activity> load_activities(store::Connection& c, const std::vector<std::string>& ids) {
  constexpr std::size_t kChunk = 500;
  std::map<std::string, Activity> by_id;
  for (std::size_t from = 0; from < ids.size(); from += kChunk) {
    store::Params chunk(ids.begin() + static_cast<std::ptrdiff_t>(from),
                        ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), from + kChunk)));
    for (const auto& r : c.exec(std::string("SELECT ") + kColumns + " FROM journal_activities WHERE id IN (" +
                                    placeholders(chunk.size()) + ")", chunk).rows) {
      Activity a = from_row(r);
      by_id.emplace(a.id, std::move(a));
    }
  }
  std::vector<Activity> out;
  for (const auto& id : ids)
    if (auto it = by_id.find(id); it != by_id.end()) out.push_back(it->second);
  return out;
}

std::vector<Activity> active_activities_after(store::Connection& c, const std::string& after_id, std::int64_t limit) {
  std::vector<Activity> out;
  for (const auto& r : c.exec(std::string("SELECT ") + kColumns +
                                  " FROM journal_activities WHERE archived_at IS NULL AND id > ? ORDER BY id LIMIT ?",
                              {after_id, limit}).rows)
    out.push_back(from_row(r));
  return out;
}

std::string visible_sql_columns(const Viewer& v, store::Params& args, const std::string& visibility,
                                const std::string& team_id) {
  if (sees_everything(v.role)) return "";
  // The same rule as may_see(), in SQL.
  std::string sql = "(" + visibility + " = 'network'";
  if (!v.team_ids.empty()) {
    sql += " OR (" + visibility + " = 'team' AND " + team_id + " IN (" + placeholders(v.team_ids.size()) + "))";
    for (const auto& t : v.team_ids) args.push_back(t);
  }
  return sql + ")";
}

std::string visible_sql(const Viewer& v, store::Params& args, const std::string& alias) {
  const std::string p = alias.empty() ? "" : alias + ".";
  return visible_sql_columns(v, args, p + "visibility", p + "team_id");
}

std::string and_visible(const Viewer& v, store::Params& args, const std::string& alias) {
  std::string visible = visible_sql(v, args, alias);
  return visible.empty() ? "" : " AND " + visible;
}

ActivityList list_activities(store::Connection& c, const Viewer& v, const ListFilter& f) {
  std::string where = f.archived ? " WHERE archived_at IS NOT NULL" : " WHERE archived_at IS NULL";
  store::Params args;
  where += and_visible(v, args);
  if (f.team_id == "brussels") where += " AND team_id IS NULL";
  else if (!f.team_id.empty()) {
    where += " AND team_id = ?";
    args.push_back(f.team_id);
  }
  if (!f.type.empty()) {
    where += " AND type = ?";
    args.push_back(f.type);
  }
  if (f.year) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d-01-01T00:00", *f.year);
    auto from = parse_local_date_time(buf);
    std::snprintf(buf, sizeof buf, "%04d-01-01T00:00", *f.year + 1);
    auto to = parse_local_date_time(buf);
    where += " AND starts_at >= ? AND starts_at < ?";
    args.push_back(from.value_or(0));
    args.push_back(to.value_or(0));
  }
  // The rows a list reads: the active (or archived) activities, or for a rare code only those its codings point at.
  std::string from = " FROM journal_activities";
  if (!f.code_id.empty()) {
    // coding: activities with a passage coded with the code or one of its descendants (resolved
    // once here, so the test per activity is a probe of journal_codings_activity), in the notes
    // or in an active answer set the viewer may see (the answer set's own visibility).
    store::Params codes;
    for (const auto& r : c.exec("WITH RECURSIVE sub(id) AS (SELECT CAST(? AS TEXT) UNION SELECT k.id FROM journal_codes k "
                                "JOIN sub ON k.parent_id = sub.id) SELECT id FROM sub", {f.code_id}).rows)
      codes.push_back(r.text(0));
    const std::string in_codes = "code_id IN (" + placeholders(codes.size()) + ")";
    where += " AND EXISTS (SELECT 1 FROM journal_codings k LEFT JOIN journal_answers ans ON ans.id = k.answer_id "
             "LEFT JOIN journal_activity_guides s ON s.id = ans.activity_guide_id "
             "WHERE k.activity_id = journal_activities.id AND k." + in_codes;
    args.insert(args.end(), codes.begin(), codes.end());
    std::string set_visible = visible_sql_columns(v, args, "s.visibility", "journal_activities.team_id");
    where += " AND (k.answer_id IS NULL OR (s.archived_at IS NULL" + (set_visible.empty() ? "" : " AND " + set_visible) + ")))";
    // A rare code: its few codings (counted up to the limit on the index journal_codings_code) name
    // the activities to test, instead of testing every activity until the page and the count cap are
    // full, which for a code on a few of 50,000 activities means testing them all. CROSS JOIN keeps
    // that order on SQLite; the EXISTS above still applies the visibility of answer sets.
    store::Params probe = codes;
    probe.push_back(f.rare_code_codings + 1);
    std::int64_t codings = c.exec("SELECT COUNT(*) FROM (SELECT 1 FROM journal_codings WHERE " + in_codes + " LIMIT ?) n",
                                  probe).rows.at(0).int64(0);
    if (codings <= f.rare_code_codings) {
      from = " FROM (SELECT DISTINCT activity_id FROM journal_codings WHERE " + in_codes +
             ") coded CROSS JOIN journal_activities";
      where += " AND journal_activities.id = coded.activity_id";
      args.insert(args.begin(), codes.begin(), codes.end());
    }
  }
  if (f.from) {
    where += " AND starts_at >= ?";
    args.push_back(*f.from);
  }
  if (f.to) {
    where += " AND starts_at < ?";
    args.push_back(*f.to);
  }
  ActivityList out;
  if (f.count_cap > 0) {
    store::Params capped = args;
    capped.push_back(f.count_cap + 1);
    out.total = c.exec("SELECT COUNT(*) FROM (SELECT 1" + from + where + " LIMIT ?) capped", capped).rows.at(0).int64(0);
    out.total_capped = out.total > f.count_cap;
    if (out.total_capped) out.total = f.count_cap;
  } else {
    out.total = c.exec("SELECT COUNT(*)" + from + where, args).rows.at(0).int64(0);
  }
  std::string sql = std::string("SELECT ") + kColumns + from + where + " ORDER BY starts_at DESC, id";
  if (f.limit > 0) {
    sql += " LIMIT ? OFFSET ?";
    args.push_back(f.limit);
    args.push_back(f.offset);
  }
  for (const auto& r : c.exec(sql, args).rows) out.items.push_back(from_row(r));
  return out;
}

void load_participants(store::Connection& c, std::vector<Activity>& activities) {
  constexpr std::size_t kChunk = 500;
  for (std::size_t from = 0; from < activities.size(); from += kChunk) {
    std::size_t to = std::min(activities.size(), from + kChunk);
    std::map<std::string, Activity*> by_id;
    store::Params ids;
    for (std::size_t i = from; i < to; ++i) {
      by_id[activities[i].id] = &activities[i];
      activities[i].organization_ids.clear();
      activities[i].person_ids.clear();
      ids.push_back(activities[i].id);
    }
    std::string in = " IN (" + placeholders(ids.size()) + ")";
    for (const auto& r : c.exec("SELECT activity_id, organization_id FROM journal_activity_organizations WHERE activity_id" +
                                    in + " ORDER BY activity_id, organization_id", ids).rows)
      by_id.at(r.text(0))->organization_ids.push_back(r.text(1));
    for (const auto& r : c.exec("SELECT activity_id, user_id FROM journal_activity_people WHERE activity_id" + in +
                                    " ORDER BY activity_id, user_id", ids).rows)
      by_id.at(r.text(0))->person_ids.push_back(r.int64(1));
  }
}

core::Snapshot snapshot(const Activity& a) {
  std::vector<std::string> orgs = a.organization_ids;
  std::sort(orgs.begin(), orgs.end());
  return {{"type", a.type},
          {"title", a.title},
          {"starts_at", std::to_string(a.starts_at)},
          {"duration_minutes", std::to_string(a.duration_minutes)},
          {"place", a.place},
          {"online_url", a.online_url},
          {"languages", join_list(a.languages)},
          {"team_id", a.team_id},
          {"visibility", a.visibility},
          {"facilitator_id", a.facilitator_id ? std::to_string(*a.facilitator_id) : ""},
          {"external_participants", std::to_string(a.external_participants)},
          {"agenda", a.agenda},
          {"notes", a.notes},
          {"decisions", a.decisions},
          {"organization_ids", join_list(orgs)},
          {"person_ids", int_list(a.person_ids)}};
}

void insert_activity(app::Change& change, Activity& a) {
  if (a.id.empty()) a.id = uuid::random();
  a.version = 1;
  if (!a.created_at) a.created_at = change.now();
  a.updated_at = change.now();
  if (!a.created_by && change.ctx.user()) a.created_by = change.ctx.user()->id;
  change.db.exec(
      "INSERT INTO journal_activities (id, type, title, starts_at, duration_minutes, place, online_url, languages, "
      "team_id, visibility, facilitator_id, external_participants, agenda, notes, decisions, created_by, version, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {a.id, a.type, a.title, a.starts_at, a.duration_minutes, a.place, a.online_url, join_list(a.languages),
       opt(a.team_id), a.visibility, opt(a.facilitator_id), a.external_participants, a.agenda, a.notes, a.decisions,
       opt(a.created_by), a.version, a.created_at, a.updated_at});
  write_participants(change.db, a);
  auto changes = core::diff({}, snapshot(a));
  core::record_history(change, "journal.activity", a.id, "create", changes);
  change.audit("journal.activity.create", "journal.activity", a.id, core::changed_field_list(changes));
  reindex_after_commit(change, a.id);  // lookback: the search index
}

void update_activity(app::Change& change, const Activity& before, Activity& next, std::optional<std::int64_t> expected) {
  next.id = before.id;
  next.version = core::next_version(change, activity_ref(before.id), expected);
  next.created_at = before.created_at;
  next.created_by = before.created_by;
  next.updated_at = change.now();
  change.db.exec(
      "UPDATE journal_activities SET type = ?, title = ?, starts_at = ?, duration_minutes = ?, place = ?, "
      "online_url = ?, languages = ?, team_id = ?, visibility = ?, facilitator_id = ?, external_participants = ?, "
      "agenda = ?, notes = ?, decisions = ? WHERE id = ?",
      {next.type, next.title, next.starts_at, next.duration_minutes, next.place, next.online_url,
       join_list(next.languages), opt(next.team_id), next.visibility, opt(next.facilitator_id),
       next.external_participants, next.agenda, next.notes, next.decisions, next.id});
  write_participants(change.db, next);
  activity_changed(change, before, next);  // coding: passages follow the notes, frequencies the activity
  auto changes = core::diff(snapshot(before), snapshot(next));
  core::record_history(change, "journal.activity", next.id, "update", changes);
  change.audit("journal.activity.update", "journal.activity", next.id, core::changed_field_list(changes));
  reindex_after_commit(change, next.id);  // lookback: the search index
}

namespace {

const char* kFollowUpSelect =
    "SELECT f.id, f.activity_id, f.text, COALESCE(f.due_date, ''), f.status, f.owner_id, COALESCE(u.name, ''), "
    "a.title, a.visibility, COALESCE(a.team_id, ''), f.version FROM journal_follow_ups f "
    "JOIN journal_activities a ON a.id = f.activity_id LEFT JOIN users u ON u.id = f.owner_id ";

FollowUp follow_up_from_row(const store::Row& r) {
  FollowUp f;
  f.id = r.text(0);
  f.activity_id = r.text(1);
  f.text = r.text(2);
  f.due_date = r.text(3);
  f.status = r.text(4);
  f.owner_id = r.opt_int64(5);
  f.owner_name = r.text(6);
  f.activity_title = r.text(7);
  f.activity_visibility = r.text(8);
  f.activity_team_id = r.text(9);
  f.version = r.int64(10);
  return f;
}

}  // namespace

std::vector<FollowUp> follow_ups_of(store::Connection& c, const std::string& activity_id) {
  std::vector<FollowUp> out;
  for (const auto& r : c.exec(std::string(kFollowUpSelect) +
                                  "WHERE f.activity_id = ? AND f.archived_at IS NULL ORDER BY f.created_at, f.id",
                              {activity_id}).rows)
    out.push_back(follow_up_from_row(r));
  return out;
}

std::vector<FollowUp> open_follow_ups_of(store::Connection& c, std::int64_t owner_id) {
  std::vector<FollowUp> out;
  for (const auto& r : c.exec(std::string(kFollowUpSelect) +
                                  "WHERE f.owner_id = ? AND f.status = 'open' AND f.archived_at IS NULL "
                                  "AND a.archived_at IS NULL ORDER BY COALESCE(f.due_date, '9999'), f.created_at LIMIT 50",
                              {owner_id}).rows)
    out.push_back(follow_up_from_row(r));
  return out;
}

std::optional<FollowUp> load_follow_up(store::Connection& c, const std::string& id) {
  auto r = c.exec(std::string(kFollowUpSelect) + "WHERE f.id = ?", {id});
  if (r.empty()) return std::nullopt;
  return follow_up_from_row(r.rows[0]);
}

void insert_follow_up(app::Change& change, FollowUp& f) {
  if (f.id.empty()) f.id = uuid::random();
  f.status = "open";
  f.version = 1;
  change.db.exec("INSERT INTO journal_follow_ups (id, version, created_at, updated_at, activity_id, text, owner_id, "
                 "due_date, status) VALUES (?, 1, ?, ?, ?, ?, ?, ?, 'open')",
                 {f.id, change.now(), change.now(), f.activity_id, f.text, opt(f.owner_id), opt(f.due_date)});
  auto changes = core::diff({}, {{"activity_id", f.activity_id},
                                 {"text", f.text},
                                 {"owner_id", f.owner_id ? std::to_string(*f.owner_id) : ""},
                                 {"due_date", f.due_date},
                                 {"status", "open"}});
  core::record_history(change, "journal.follow_up", f.id, "create", changes);
  change.audit("journal.follow_up.create", "journal.follow_up", f.id, f.activity_id);
}

void set_follow_up_status(app::Change& change, const FollowUp& f, const std::string& status) {
  core::next_version(change, follow_up_ref(f.id), std::nullopt);
  change.db.exec("UPDATE journal_follow_ups SET status = ? WHERE id = ?", {status, f.id});
  core::record_history(change, "journal.follow_up", f.id, "update", {{"status", f.status, status}});
  change.audit("journal.follow_up.update", "journal.follow_up", f.id, "status");
}

}  // namespace samen::journal
