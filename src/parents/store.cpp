// Parents' voice's storage (store.hpp). Concerns and groups follow the
// record convention: versions through core::next_version, field history and
// audit entries written by the change's own transaction.
#include "parents/store.hpp"

#include <algorithm>
#include <cctype>

#include "journal/store.hpp"
#include "util/uuid.hpp"

namespace samen::parents {

namespace {

store::Param opt(const std::string& v) { return v.empty() ? store::Param(nullptr) : store::Param(v); }
store::Param opt(const std::optional<std::int64_t>& v) { return v ? store::Param(*v) : store::Param(nullptr); }

constexpr const char* kLangs[] = {"nl", "fr", "en"};

std::string placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i ? ",?" : "?";
  return out;
}

std::string joined(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

}  // namespace

// ---- themes ---------------------------------------------------------------------------------

std::vector<Theme> themes(store::Connection& c, bool include_archived) {
  std::vector<Theme> out;
  auto r = c.exec(std::string("SELECT code, label_nl, label_fr, label_en, archived_at FROM parents_themes") +
                  (include_archived ? "" : " WHERE archived_at IS NULL") + " ORDER BY sort_order, code");
  for (const auto& row : r.rows)
    out.push_back({row.text(0), row.text(1), row.text(2), row.text(3), !row.is_null(4)});
  return out;
}

std::vector<std::string> theme_codes(const std::vector<Theme>& t) {
  std::vector<std::string> out;
  for (const auto& x : t) out.push_back(x.code);
  return out;
}

bool add_theme(app::Change& change, Theme& t) {
  if (t.code.empty()) {
    // A code from the English label: lower-case ASCII letters and digits joined by '_'.
    for (unsigned char ch : t.label_en) {
      if (std::isalnum(ch)) t.code += static_cast<char>(std::tolower(ch));
      else if (!t.code.empty() && t.code.back() != '_') t.code += '_';
    }
    while (!t.code.empty() && t.code.back() == '_') t.code.pop_back();
    if (t.code.size() > 40) t.code.resize(40);
    if (t.code.empty()) t.code = "theme_" + uuid::random().substr(0, 8);
  }
  if (!change.db.exec("SELECT 1 FROM parents_themes WHERE code = ?", {t.code}).empty()) return false;
  auto max = change.db.exec("SELECT COALESCE(MAX(sort_order), 0) FROM parents_themes").rows.at(0).int64(0);
  change.db.exec("INSERT INTO parents_themes (code, label_nl, label_fr, label_en, sort_order) VALUES (?, ?, ?, ?, ?)",
                 {t.code, t.label_nl, t.label_fr, t.label_en, max + 10});
  change.audit("parents.theme.create", "parents.theme", t.code, "");
  return true;
}

void set_theme_archived(app::Change& change, const std::string& code, bool archived) {
  auto r = change.db.exec(std::string("UPDATE parents_themes SET archived_at = ") + (archived ? "?" : "NULL") +
                              " WHERE code = ?",
                          archived ? store::Params{change.now(), code} : store::Params{code});
  if (r.affected == 0) throw app::HttpError(404, "not_found", "error.not_found");
  change.audit(archived ? "parents.theme.archive" : "parents.theme.restore", "parents.theme", code, "");
}

// ---- groups ---------------------------------------------------------------------------------

namespace {

const char* kGroupColumns =
    "id, name, COALESCE(team_id, ''), COALESCE(service_id, ''), languages, description, version, created_at, "
    "updated_at, archived_at";

Group group_from_row(const store::Row& r) {
  Group g;
  g.id = r.text(0);
  g.name = r.text(1);
  g.team_id = r.text(2);
  g.service_id = r.text(3);
  g.languages = r.text(4);
  g.description = r.text(5);
  g.version = r.int64(6);
  g.created_at = r.int64(7);
  g.updated_at = r.int64(8);
  g.archived_at = r.opt_int64(9);
  return g;
}

core::Snapshot group_snapshot(const Group& g) {
  return {{"name", g.name}, {"team_id", g.team_id}, {"service_id", g.service_id}, {"languages", g.languages},
          {"description", g.description}};
}

}  // namespace

std::vector<Group> list_groups(store::Connection& c, bool include_archived) {
  std::vector<Group> out;
  for (const auto& row : c.exec(std::string("SELECT ") + kGroupColumns + " FROM parents_groups" +
                                (include_archived ? "" : " WHERE archived_at IS NULL") + " ORDER BY name, id")
                             .rows)
    out.push_back(group_from_row(row));
  return out;
}

std::optional<Group> load_group(store::Connection& c, const std::string& id) {
  auto r = c.exec(std::string("SELECT ") + kGroupColumns + " FROM parents_groups WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  return group_from_row(r.rows[0]);
}

std::vector<std::string> group_ids(store::Connection& c) {
  std::vector<std::string> out;
  for (const auto& row : c.exec("SELECT id FROM parents_groups WHERE archived_at IS NULL").rows) out.push_back(row.text(0));
  return out;
}

bool service_exists(store::Connection& c, const std::string& id) {
  return id.size() <= 100 && !c.exec("SELECT 1 FROM services WHERE id = ?", {id}).empty();
}

std::string service_name(store::Connection& c, const std::string& id) {
  auto r = c.exec("SELECT name FROM services WHERE id = ?", {id});
  return r.empty() ? id : r.rows[0].text(0);
}

void insert_group(app::Change& change, Group& g) {
  if (g.id.empty()) g.id = uuid::random();
  g.version = 1;
  g.created_at = g.updated_at = change.now();
  change.db.exec("INSERT INTO parents_groups (id, version, created_at, updated_at, name, team_id, service_id, "
                 "languages, description) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)",
                 {g.id, g.created_at, g.updated_at, g.name, opt(g.team_id), opt(g.service_id), g.languages,
                  g.description});
  auto changes = core::diff({}, group_snapshot(g));
  core::record_history(change, "parents.group", g.id, "create", changes);
  change.audit("parents.group.create", "parents.group", g.id, core::changed_field_list(changes));
}

void update_group(app::Change& change, const Group& before, Group& next, std::optional<std::int64_t> expected) {
  next.id = before.id;
  next.version = core::next_version(change, group_ref(before.id), expected);
  change.db.exec("UPDATE parents_groups SET name = ?, team_id = ?, service_id = ?, languages = ?, description = ? "
                 "WHERE id = ?",
                 {next.name, opt(next.team_id), opt(next.service_id), next.languages, next.description, next.id});
  auto changes = core::diff(group_snapshot(before), group_snapshot(next));
  core::record_history(change, "parents.group", next.id, "update", changes);
  change.audit("parents.group.update", "parents.group", next.id, core::changed_field_list(changes));
}

std::vector<journal::Activity> group_meetings(store::Connection& c, const journal::Viewer& v,
                                              const std::string& group_id) {
  store::Params args{group_id};
  std::string visible = journal::and_visible(v, args, "a");
  std::vector<std::string> ids;
  for (const auto& row : c.exec("SELECT a.id FROM parents_group_meetings m JOIN journal_activities a ON a.id = m.activity_id "
                                "WHERE m.group_id = ? AND a.archived_at IS NULL" + visible +
                                    " ORDER BY a.starts_at DESC, a.id LIMIT 500",
                                args)
                           .rows)
    ids.push_back(row.text(0));
  std::vector<journal::Activity> out;
  for (const auto& id : ids)
    if (auto a = journal::load_activity(c, id)) out.push_back(std::move(*a));
  return out;
}

bool link_meeting(app::Change& change, const std::string& group_id, const std::string& activity_id) {
  if (!change.db.exec("SELECT 1 FROM parents_group_meetings WHERE group_id = ? AND activity_id = ?",
                      {group_id, activity_id}).empty())
    return false;
  change.db.exec("INSERT INTO parents_group_meetings (group_id, activity_id, linked_at) VALUES (?, ?, ?)",
                 {group_id, activity_id, change.now()});
  change.audit("parents.group.meeting_link", "parents.group", group_id, activity_id);
  return true;
}

bool unlink_meeting(app::Change& change, const std::string& group_id, const std::string& activity_id) {
  auto r = change.db.exec("DELETE FROM parents_group_meetings WHERE group_id = ? AND activity_id = ?",
                          {group_id, activity_id});
  if (r.affected == 0) return false;
  change.audit("parents.group.meeting_unlink", "parents.group", group_id, activity_id);
  return true;
}

std::vector<Group> groups_of_activity(store::Connection& c, const std::string& activity_id) {
  std::vector<Group> out;
  for (const auto& row : c.exec("SELECT g.id, g.name, COALESCE(g.team_id, ''), COALESCE(g.service_id, ''), g.languages, "
                                "g.description, g.version, g.created_at, g.updated_at, g.archived_at "
                                "FROM parents_group_meetings m JOIN parents_groups g ON g.id = m.group_id "
                                "WHERE m.activity_id = ? AND g.archived_at IS NULL ORDER BY g.name",
                                {activity_id})
                           .rows)
    out.push_back(group_from_row(row));
  return out;
}

// ---- concerns -------------------------------------------------------------------------------

namespace {

const char* kConcernColumns =
    "id, text, theme, language, municipality, source, status, status_note, COALESCE(team_id, ''), "
    "COALESCE(group_id, ''), raised_on, public_text_nl, public_text_fr, public_text_en, response_nl, response_fr, "
    "response_en, published_at, published_by, created_by, version, created_at, updated_at, archived_at";

Concern concern_from_row(const store::Row& r) {
  Concern c;
  c.id = r.text(0);
  c.text = r.text(1);
  c.theme = r.text(2);
  c.language = r.text(3);
  c.municipality = r.text(4);
  c.source = r.text(5);
  c.status = r.text(6);
  c.status_note = r.text(7);
  c.team_id = r.text(8);
  c.group_id = r.text(9);
  c.raised_on = r.text(10);
  for (int i = 0; i < 3; ++i) {
    if (!r.text(11 + i).empty()) c.public_text[kLangs[i]] = r.text(11 + i);
    if (!r.text(14 + i).empty()) c.response[kLangs[i]] = r.text(14 + i);
  }
  c.published_at = r.opt_int64(17);
  c.published_by = r.opt_int64(18);
  c.created_by = r.opt_int64(19);
  c.version = r.int64(20);
  c.created_at = r.int64(21);
  c.updated_at = r.int64(22);
  c.archived_at = r.opt_int64(23);
  return c;
}

std::string text_in(const std::map<std::string, std::string>& m, const char* lang) {
  auto it = m.find(lang);
  return it == m.end() ? "" : it->second;
}

// The WHERE clause of a filter, its values appended to `args`.
std::string where_of(const ConcernFilter& f, store::Params& args) {
  std::string w = f.archived ? " WHERE archived_at IS NOT NULL" : " WHERE archived_at IS NULL";
  auto eq = [&](const char* column, const std::string& value) {
    if (value.empty()) return;
    w += std::string(" AND ") + column + " = ?";
    args.push_back(value);
  };
  eq("theme", f.theme);
  eq("status", f.status);
  eq("team_id", f.team_id);
  eq("municipality", f.municipality);
  eq("source", f.source);
  eq("group_id", f.group_id);
  if (f.published) w += *f.published ? " AND published_at IS NOT NULL" : " AND published_at IS NULL";
  return w;
}

// The linked action ids of listed concerns, a query per 500 concerns.
void load_action_ids(store::Connection& c, std::vector<Concern>& concerns) {
  constexpr std::size_t kChunk = 500;
  for (std::size_t from = 0; from < concerns.size(); from += kChunk) {
    std::size_t to = std::min(concerns.size(), from + kChunk);
    std::map<std::string, Concern*> by_id;
    store::Params ids;
    for (std::size_t i = from; i < to; ++i) {
      by_id[concerns[i].id] = &concerns[i];
      ids.push_back(concerns[i].id);
    }
    for (const auto& r : c.exec("SELECT concern_id, action_id FROM parents_concern_actions WHERE concern_id IN (" +
                                    placeholders(ids.size()) + ") ORDER BY concern_id, action_id",
                                ids).rows)
      by_id.at(r.text(0))->action_ids.push_back(r.text(1));
  }
}

// Makes the stored links of a concern `next` (inserts and deletes only the difference).
void write_action_links(app::Change& change, const std::string& concern_id, const std::vector<std::string>& before,
                        const std::vector<std::string>& next) {
  for (const auto& a : before)
    if (std::find(next.begin(), next.end(), a) == next.end())
      change.db.exec("DELETE FROM parents_concern_actions WHERE concern_id = ? AND action_id = ?", {concern_id, a});
  for (const auto& a : next)
    if (std::find(before.begin(), before.end(), a) == before.end())
      change.db.exec("INSERT INTO parents_concern_actions (concern_id, action_id, linked_at) VALUES (?, ?, ?) "
                     "ON CONFLICT DO NOTHING",
                     {concern_id, a, change.now()});
}

std::vector<std::string> sorted_unique(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

}  // namespace

core::Snapshot snapshot(const Concern& c) {
  core::Snapshot s{{"text", c.text},       {"theme", c.theme},         {"language", c.language},
                   {"municipality", c.municipality}, {"source", c.source}, {"status", c.status},
                   {"status_note", c.status_note},   {"team_id", c.team_id}, {"group_id", c.group_id},
                   {"raised_on", c.raised_on}};
  for (const char* l : kLangs) {
    s[std::string("public_text_") + l] = text_in(c.public_text, l);
    s[std::string("response_") + l] = text_in(c.response, l);
  }
  s["published"] = c.published() ? "yes" : "no";
  s["action_ids"] = joined(c.action_ids);
  return s;
}

ConcernList list_concerns(store::Connection& c, const ConcernFilter& f) {
  ConcernList out;
  store::Params args;
  std::string where = where_of(f, args);
  out.total = c.exec("SELECT COUNT(*) FROM parents_concerns" + where, args).rows.at(0).int64(0);
  std::string sql = std::string("SELECT ") + kConcernColumns + " FROM parents_concerns" + where +
                    " ORDER BY raised_on DESC, id DESC";
  if (f.limit > 0) {
    sql += " LIMIT ? OFFSET ?";
    args.push_back(f.limit);
    args.push_back(f.offset);
  }
  for (const auto& row : c.exec(sql, args).rows) out.items.push_back(concern_from_row(row));
  load_action_ids(c, out.items);
  return out;
}

std::optional<Concern> load_concern(store::Connection& c, const std::string& id) {
  if (id.empty() || id.size() > 100) return std::nullopt;
  auto r = c.exec(std::string("SELECT ") + kConcernColumns + " FROM parents_concerns WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  std::vector<Concern> one{concern_from_row(r.rows[0])};
  load_action_ids(c, one);
  return one[0];
}

void insert_concern(app::Change& change, Concern& c) {
  if (c.id.empty()) c.id = uuid::random();
  c.version = 1;
  c.created_at = c.updated_at = change.now();
  if (change.ctx.user()) c.created_by = change.ctx.user()->id;
  c.published_at.reset();
  c.published_by.reset();
  change.db.exec("INSERT INTO parents_concerns (id, version, created_at, updated_at, text, theme, language, municipality, "
                 "source, status, status_note, team_id, group_id, raised_on, created_by) "
                 "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 {c.id, c.created_at, c.updated_at, c.text, c.theme, c.language, c.municipality, c.source, c.status,
                  c.status_note, opt(c.team_id), opt(c.group_id), c.raised_on, opt(c.created_by)});
  c.action_ids = sorted_unique(c.action_ids);
  write_action_links(change, c.id, {}, c.action_ids);
  auto changes = core::diff({}, snapshot(c));
  core::record_history(change, "parents.concern", c.id, "create", changes);
  change.audit("parents.concern.create", "parents.concern", c.id, core::changed_field_list(changes));
}

void update_concern(app::Change& change, const Concern& before, Concern& next, std::optional<std::int64_t> expected) {
  next.id = before.id;
  // The publication is not this edit's: it stays as it was.
  next.public_text = before.public_text;
  next.response = before.response;
  next.published_at = before.published_at;
  next.published_by = before.published_by;
  next.created_by = before.created_by;
  next.created_at = before.created_at;
  next.version = core::next_version(change, concern_ref(before.id), expected);
  next.updated_at = change.now();
  change.db.exec("UPDATE parents_concerns SET text = ?, theme = ?, language = ?, municipality = ?, source = ?, status = ?, "
                 "status_note = ?, team_id = ?, group_id = ?, raised_on = ? WHERE id = ?",
                 {next.text, next.theme, next.language, next.municipality, next.source, next.status, next.status_note,
                  opt(next.team_id), opt(next.group_id), next.raised_on, next.id});
  next.action_ids = sorted_unique(next.action_ids);
  write_action_links(change, next.id, before.action_ids, next.action_ids);
  auto changes = core::diff(snapshot(before), snapshot(next));
  core::record_history(change, "parents.concern", next.id, "update", changes);
  change.audit("parents.concern.update", "parents.concern", next.id, core::changed_field_list(changes));
  if (before.status != next.status)
    change.audit("parents.concern.status", "parents.concern", next.id, before.status + " -> " + next.status);
}

void set_publication(app::Change& change, const Concern& before, Concern& next, bool publish,
                     std::optional<std::int64_t> expected) {
  Concern stored = before;
  stored.public_text = next.public_text;
  stored.response = next.response;
  if (publish) {
    stored.published_at = before.published_at ? before.published_at : std::optional<std::int64_t>(change.now());
    stored.published_by = change.user().id;
  } else {
    stored.published_at.reset();
    stored.published_by.reset();
  }
  stored.version = core::next_version(change, concern_ref(before.id), expected);
  stored.updated_at = change.now();
  change.db.exec("UPDATE parents_concerns SET public_text_nl = ?, public_text_fr = ?, public_text_en = ?, response_nl = ?, "
                 "response_fr = ?, response_en = ?, published_at = ?, published_by = ? WHERE id = ?",
                 {text_in(stored.public_text, "nl"), text_in(stored.public_text, "fr"), text_in(stored.public_text, "en"),
                  text_in(stored.response, "nl"), text_in(stored.response, "fr"), text_in(stored.response, "en"),
                  opt(stored.published_at), opt(stored.published_by), stored.id});
  auto changes = core::diff(snapshot(before), snapshot(stored));
  core::record_history(change, "parents.concern", stored.id, "update", changes);
  change.audit(publish ? "parents.concern.publish" : "parents.concern.withdraw", "parents.concern", stored.id,
               core::changed_field_list(changes));
  next = stored;
}

std::vector<core::HistoryEntry> status_history(store::Connection& c, const std::string& id) {
  std::vector<core::HistoryEntry> out;
  for (auto& h : core::history_of(c, "parents.concern", id, 500))
    if (h.field == "status") out.push_back(std::move(h));
  return out;
}

// ---- links to the plan's actions -------------------------------------------------------------

std::vector<LinkedAction> linked_actions(store::Connection& c, const std::string& concern_id) {
  std::vector<LinkedAction> out;
  for (const auto& r : c.exec("SELECT i.id, i.title, i.status, COALESCE(i.team_id, ''), i.archived_at "
                              "FROM parents_concern_actions l JOIN plan_items i ON i.id = l.action_id "
                              "WHERE l.concern_id = ? ORDER BY i.title, i.id",
                              {concern_id})
                           .rows)
    out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), !r.is_null(4)});
  return out;
}

std::string action_ids_error(store::Connection& c, const std::vector<std::string>& ids,
                             const std::vector<std::string>& linked_before) {
  for (const auto& id : ids) {
    if (id.empty() || id.size() > 100) return "parents.error.action_unknown";
    auto r = c.exec("SELECT kind, archived_at FROM plan_items WHERE id = ?", {id});
    if (r.empty() || r.rows[0].text(0) != "action") return "parents.error.action_unknown";
    bool kept = std::find(linked_before.begin(), linked_before.end(), id) != linked_before.end();
    if (!r.rows[0].is_null(1) && !kept) return "parents.error.action_archived";
  }
  return "";
}

bool link_action(app::Change& change, const std::string& concern_id, const std::string& action_id) {
  auto r = change.db.exec("INSERT INTO parents_concern_actions (concern_id, action_id, linked_at) VALUES (?, ?, ?) "
                          "ON CONFLICT DO NOTHING",
                          {concern_id, action_id, change.now()});
  if (r.affected != 1) return false;
  core::record_history(change, "parents.concern", concern_id, "update", {{"action_ids", "", "+" + action_id}});
  change.audit("parents.concern.link_action", "parents.concern", concern_id, "plan.item " + action_id);
  return true;
}

bool unlink_action(app::Change& change, const std::string& concern_id, const std::string& action_id) {
  auto r = change.db.exec("DELETE FROM parents_concern_actions WHERE concern_id = ? AND action_id = ?",
                          {concern_id, action_id});
  if (r.affected != 1) return false;
  core::record_history(change, "parents.concern", concern_id, "update", {{"action_ids", action_id, ""}});
  change.audit("parents.concern.unlink_action", "parents.concern", concern_id, "plan.item " + action_id);
  return true;
}

std::vector<Concern> concerns_of_action(store::Connection& c, const std::string& action_id) {
  std::vector<Concern> out;
  for (const auto& row : c.exec(std::string("SELECT ") + kConcernColumns +
                                    " FROM parents_concerns WHERE archived_at IS NULL AND id IN "
                                    "(SELECT concern_id FROM parents_concern_actions WHERE action_id = ?) "
                                    "ORDER BY raised_on DESC, id DESC LIMIT 500",
                                {action_id})
                             .rows)
    out.push_back(concern_from_row(row));
  return out;
}

std::map<std::string, std::vector<LinkedAction>> public_actions(store::Connection& c,
                                                                const std::vector<std::string>& concern_ids) {
  std::map<std::string, std::vector<LinkedAction>> out;
  constexpr std::size_t kChunk = 500;
  for (std::size_t from = 0; from < concern_ids.size(); from += kChunk) {
    std::size_t to = std::min(concern_ids.size(), from + kChunk);
    store::Params ids(concern_ids.begin() + static_cast<std::ptrdiff_t>(from),
                      concern_ids.begin() + static_cast<std::ptrdiff_t>(to));
    // Only what a reader of the public page may know: an active action's title and status.
    for (const auto& r : c.exec("SELECT l.concern_id, i.title, i.status FROM parents_concern_actions l "
                                "JOIN plan_items i ON i.id = l.action_id WHERE i.archived_at IS NULL AND l.concern_id IN (" +
                                    placeholders(ids.size()) + ") ORDER BY i.title, i.id",
                                ids).rows)
      out[r.text(0)].push_back({"", r.text(1), r.text(2), "", false});
  }
  return out;
}

std::vector<Concern> published_concerns(store::Connection& c, const std::string& team_id) {
  std::vector<Concern> out;
  store::Params args;
  std::string sql = std::string("SELECT ") + kConcernColumns +
                    " FROM parents_concerns WHERE published_at IS NOT NULL AND archived_at IS NULL";
  if (!team_id.empty()) {
    sql += " AND team_id = ?";
    args.push_back(team_id);
  }
  sql += " ORDER BY published_at DESC, id";
  for (const auto& row : c.exec(sql, args).rows) out.push_back(concern_from_row(row));
  return out;
}

// ---- suggestions ----------------------------------------------------------------------------

std::int64_t count_suggestions(store::Connection& c) {
  return c.exec("SELECT COUNT(*) FROM parents_suggestions").rows.at(0).int64(0);
}

bool insert_suggestion(store::Connection& c, Suggestion& s, std::int64_t now) {
  return store::run_in_transaction(c, [&] {
    // The count and the insert in one transaction, so concurrent posts cannot overshoot by much.
    if (count_suggestions(c) >= kSuggestionCap) return false;
    s.id = uuid::random();
    s.created_at = now;
    c.exec("INSERT INTO parents_suggestions (id, created_at, text, language, municipality, team_id) "
           "VALUES (?, ?, ?, ?, ?, ?)",
           {s.id, now, s.text, s.language, s.municipality, opt(s.team_id)});
    return true;
  });
}

std::vector<Suggestion> list_suggestions(store::Connection& c, std::int64_t limit) {
  std::vector<Suggestion> out;
  for (const auto& row : c.exec("SELECT id, text, language, municipality, COALESCE(team_id, ''), created_at "
                                "FROM parents_suggestions ORDER BY created_at, id LIMIT ?",
                                {limit})
                           .rows)
    out.push_back({row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.int64(5)});
  return out;
}

std::optional<Suggestion> load_suggestion(store::Connection& c, const std::string& id) {
  if (id.empty() || id.size() > 100) return std::nullopt;
  auto r = c.exec("SELECT id, text, language, municipality, COALESCE(team_id, ''), created_at FROM parents_suggestions "
                  "WHERE id = ?",
                  {id});
  if (r.empty()) return std::nullopt;
  const auto& row = r.rows[0];
  return Suggestion{row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.int64(5)};
}

bool delete_suggestion(store::Connection& c, const std::string& id) {
  return c.exec("DELETE FROM parents_suggestions WHERE id = ?", {id}).affected > 0;
}

std::int64_t expire_suggestions(store::Connection& c, std::int64_t before) {
  return c.exec("DELETE FROM parents_suggestions WHERE created_at < ?", {before}).affected;
}

}  // namespace samen::parents
