// Reads and writes of the toolbox's tables (store.hpp).
#include "toolbox/store.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <functional>

#include "accounts/audit.hpp"
#include "app/write.hpp"
#include "journal/store.hpp"
#include "util/uuid.hpp"

namespace samen::toolbox {

using nlohmann::json;

// ---- the writer ----------------------------------------------------------------------------

Writer::Writer(app::Change& c) : db(c.db), now(c.now()), change(&c) {
  if (auto u = c.ctx.user()) user_id = u->id;
}

void Writer::history(const std::string& id, const std::string& action, const std::vector<core::FieldChange>& changes) {
  if (change) return core::record_history(*change, "toolbox.method", id, action, changes);
  auto insert = [&](const std::string& field, const std::string& previous, const std::string& replacement) {
    db.exec("INSERT INTO record_history (at, record_type, record_id, action, field, previous, replacement, actor_label) "
            "VALUES (?, 'toolbox.method', ?, ?, ?, ?, ?, 'cli')",
            {now, id, action, field, previous, replacement});
  };
  if (changes.empty()) insert("", "", "");
  for (const auto& c : changes) insert(c.field, c.previous, c.replacement);
}

void Writer::audit(const std::string& action, const std::string& target_type, const std::string& id,
                   const std::string& detail) {
  if (change) return change->audit(action, target_type, id, detail);
  accounts::AuditEntry e;
  e.at = now;
  e.actor_label = "cli";
  e.action = action;
  e.target_type = target_type;
  e.target_id = id;
  e.detail = detail;
  accounts::record_audit(db, e);
}

namespace {

const char* kColumns =
    "id, version, created_at, updated_at, archived_at, status, phase, topics, group_min, group_max, duration_minutes, "
    "licence, adapted_from, adapted_by_team, adaptation_reason, created_by";

Method from_row(const store::Row& r) {
  Method m;
  m.id = r.text(0);
  m.version = r.int64(1);
  m.created_at = r.int64(2);
  m.updated_at = r.int64(3);
  m.archived_at = r.opt_int64(4);
  m.status = r.text(5);
  m.phase = r.text(6);
  m.topics = split_list(r.text(7));
  m.group_min = r.int64(8);
  m.group_max = r.int64(9);
  m.duration_minutes = r.int64(10);
  m.licence = r.text(11);
  m.adapted_from = r.text(12);
  m.adapted_by_team = r.text(13);
  m.adaptation_reason = r.text(14);
  m.created_by = r.opt_int64(15);
  return m;
}

store::Param opt_text(const std::string& v) { return v.empty() ? store::Param(nullptr) : store::Param(v); }

std::string steps_json(const std::vector<Step>& steps) {
  json a = json::array();
  for (const auto& s : steps) a.push_back({{"description", s.description}, {"minutes", s.minutes}});
  return a.dump();
}

std::vector<Step> steps_of(const std::string& text) {
  std::vector<Step> out;
  auto a = json::parse(text, nullptr, false);
  if (!a.is_array()) return out;
  for (const auto& s : a)
    if (s.is_object()) out.push_back({s.value("description", ""), s.value("minutes", std::int64_t{0})});
  return out;
}

void load_translations(store::Connection& c, std::map<std::string, Method*>& by_id) {
  if (by_id.empty()) return;
  store::Params ids;
  for (const auto& [id, m] : by_id) ids.push_back(id);
  for (const auto& r : c.exec("SELECT method_id, lang, name, aim, when_to_use, for_whom, preparation, steps, tips, "
                              "variations, pitfalls, source FROM toolbox_translations WHERE method_id IN (" +
                                  store::placeholder_list(ids.size()) + ")",
                              ids)
                           .rows) {
    Translation t;
    t.name = r.text(2);
    t.aim = r.text(3);
    t.when_to_use = r.text(4);
    t.for_whom = r.text(5);
    t.preparation = r.text(6);
    t.steps = steps_of(r.text(7));
    t.tips = r.text(8);
    t.variations = r.text(9);
    t.pitfalls = r.text(10);
    t.source = r.text(11);
    by_id.at(r.text(0))->translations[r.text(1)] = std::move(t);
  }
}

void write_translations(store::Connection& c, const Method& m) {
  c.exec("DELETE FROM toolbox_translations WHERE method_id = ?", {m.id});
  for (const auto& [lang, t] : m.translations) {
    if (t.name.empty()) continue;  // validate() refuses texts without a name; an empty language is absent
    c.exec("INSERT INTO toolbox_translations (method_id, lang, name, aim, when_to_use, for_whom, preparation, steps, "
           "tips, variations, pitfalls, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
           {m.id, lang, t.name, t.aim, t.when_to_use, t.for_whom, t.preparation, steps_json(t.steps), t.tips,
            t.variations, t.pitfalls, t.source});
  }
}

// Drops languages without a name, so what is stored and what is snapshotted agree.
void drop_empty_languages(Method& m) {
  std::erase_if(m.translations, [](const auto& kv) { return kv.second.name.empty(); });
}

void write_version(Writer& w, const Method& m, const std::string& action) {
  json snapshot = content_json(m);
  snapshot["id"] = m.id;
  snapshot["version"] = m.version;
  w.db.exec("INSERT INTO toolbox_method_versions (method_id, version, created_at, created_by, action, snapshot) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            {m.id, m.version, w.now, store::opt(w.user_id), action, snapshot.dump()});
}

// The adapted_from and team references exist (a field error otherwise, thrown by the caller).
void check_references(store::Connection& c, const Method& m) {
  if (!m.adapted_from.empty() && c.exec("SELECT 1 FROM toolbox_methods WHERE id = ?", {m.adapted_from}).empty())
    throw app::HttpError(422, "validation", "toolbox.error.adapted_from");
  if (!m.adapted_by_team.empty() && c.exec("SELECT 1 FROM teams WHERE id = ?", {m.adapted_by_team}).empty())
    throw app::HttpError(422, "validation", "toolbox.error.team");
}

// A cycle in the lineage (adapting a method from one of its own adaptations) is refused.
void check_no_cycle(store::Connection& c, const Method& m) {
  std::string at = m.adapted_from;
  for (int hops = 0; !at.empty() && hops < 1000; ++hops) {
    if (at == m.id) throw app::HttpError(422, "validation", "toolbox.error.adapted_from");
    auto r = c.exec("SELECT adapted_from FROM toolbox_methods WHERE id = ?", {at});
    at = r.empty() ? "" : r.rows[0].text(0);
  }
}

std::string visible_condition(const Reader& r, store::Params& args, const std::string& p = "m.") {
  if (is_reviewer(r.role)) return "1 = 1";
  args.push_back(r.user_id);
  return "(" + p + "status IN ('published', 'archived') OR " + p + "created_by = ?)";
}

}  // namespace

// ---- methods -------------------------------------------------------------------------------

std::optional<Method> load_method(store::Connection& c, const std::string& id) {
  auto all = load_methods(c, {id});
  if (all.empty()) return std::nullopt;
  return std::move(all[0]);
}

std::vector<Method> load_methods(store::Connection& c, const std::vector<std::string>& ids) {
  std::vector<Method> found;
  constexpr std::size_t kChunk = 500;
  for (std::size_t from = 0; from < ids.size(); from += kChunk) {
    std::vector<std::string> chunk(ids.begin() + from, ids.begin() + std::min(ids.size(), from + kChunk));
    for (const auto& r : c.exec(std::string("SELECT ") + kColumns + " FROM toolbox_methods WHERE id IN (" +
                                    store::placeholder_list(chunk.size()) + ")",
                                store::text_params(chunk))
                             .rows)
      found.push_back(from_row(r));
  }
  std::map<std::string, Method*> by_id;
  for (auto& m : found) by_id[m.id] = &m;
  load_translations(c, by_id);
  std::vector<Method> out;
  for (const auto& id : ids)
    if (auto it = by_id.find(id); it != by_id.end()) out.push_back(std::move(*it->second)), by_id.erase(it);
  return out;
}

Catalogue list_methods(store::Connection& c, const Reader& r, const std::string& lang, const CatalogueFilter& f) {
  store::Params args;
  std::string where = " WHERE " + visible_condition(r, args);
  if (f.status.empty()) where += " AND m.status = 'published'";
  else if (f.status != "all") {
    where += " AND m.status = ?";
    args.push_back(f.status);
  }
  if (!f.phase.empty()) {
    where += " AND m.phase = ?";
    args.push_back(f.phase);
  }
  if (!f.topic.empty()) {
    where += " AND (',' || m.topics || ',') LIKE ?";
    args.push_back("%," + f.topic + ",%");
  }
  if (f.group_size) {
    where += " AND m.group_min <= ? AND m.group_max >= ?";
    args.push_back(*f.group_size);
    args.push_back(*f.group_size);
  }
  if (f.max_duration) {
    where += " AND m.duration_minutes <= ?";
    args.push_back(*f.max_duration);
  }
  if (!f.lang.empty()) {
    where += " AND EXISTS (SELECT 1 FROM toolbox_translations t WHERE t.method_id = m.id AND t.lang = ?)";
    args.push_back(f.lang);
  }
  if (!f.q.empty()) {
    // Escaped for LIKE so a typed % or _ is a character, not a wildcard.
    std::string pattern = "%";
    for (char ch : f.q) {
      if (ch == '%' || ch == '_' || ch == '\\') pattern += '\\';
      pattern += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    pattern += "%";
    where += " AND EXISTS (SELECT 1 FROM toolbox_translations t WHERE t.method_id = m.id AND LOWER(t.name) LIKE ? ESCAPE '\\')";
    args.push_back(pattern);
  }
  Catalogue out;
  out.total = c.exec("SELECT COUNT(*) FROM toolbox_methods m" + where, args).rows.at(0).int64(0);

  // The figures are columns of the method's row (rating_count, rating_sum,
  // use_count: kept by the triggers of migration 0004), so no experience or
  // use row is read; the name is a join on the reader's language, and only a
  // method without that translation looks up another one.
  store::Params select_args{lang};
  select_args.insert(select_args.end(), args.begin(), args.end());
  std::string inner =
      "SELECT m.id, m.status, m.phase, m.topics, m.group_min, m.group_max, m.duration_minutes, m.version, m.updated_at, "
      "m.adapted_from, COALESCE(tl.name, (SELECT t.name FROM toolbox_translations t WHERE t.method_id = m.id ORDER BY "
      "CASE t.lang WHEN 'nl' THEN 0 WHEN 'fr' THEN 1 ELSE 2 END LIMIT 1)) AS name, "
      "m.rating_sum * 1.0 / NULLIF(m.rating_count, 0) AS rating, m.rating_count AS ratings, m.use_count AS uses "
      "FROM toolbox_methods m LEFT JOIN toolbox_translations tl ON tl.method_id = m.id AND tl.lang = ?" + where;
  std::string order = "LOWER(name), id";
  if (f.sort == "rating") order = "(rating IS NULL), rating DESC, LOWER(name), id";
  else if (f.sort == "use") order = "uses DESC, LOWER(name), id";
  else if (f.sort == "duration") order = "duration_minutes, LOWER(name), id";
  else if (f.sort == "updated") order = "updated_at DESC, id";
  std::string sql = "SELECT * FROM (" + inner + ") x ORDER BY " + order;
  if (f.limit > 0) {
    sql += " LIMIT ? OFFSET ?";
    select_args.push_back(f.limit);
    select_args.push_back(f.offset);
  }
  std::map<std::string, CatalogueRow*> by_id;
  for (const auto& row : c.exec(sql, select_args).rows) {
    CatalogueRow cr;
    cr.id = row.text(0);
    cr.status = row.text(1);
    cr.phase = row.text(2);
    cr.topics = split_list(row.text(3));
    cr.group_min = row.int64(4);
    cr.group_max = row.int64(5);
    cr.duration_minutes = row.int64(6);
    cr.version = row.int64(7);
    cr.updated_at = row.int64(8);
    cr.adapted_from = row.text(9);
    cr.name = row.text(10);
    cr.rating = row.opt_real(11);
    cr.ratings = row.int64(12);
    cr.uses = row.int64(13);
    out.rows.push_back(std::move(cr));
  }
  for (auto& row : out.rows) by_id[row.id] = &row;
  if (!by_id.empty()) {
    // The page's languages and aims in one query (the aim in the reader's language, else the first).
    store::Params ids;
    for (const auto& [id, row] : by_id) ids.push_back(id);
    std::map<std::string, std::map<std::string, std::string>> aims;
    for (const auto& row : c.exec("SELECT method_id, lang, aim FROM toolbox_translations WHERE method_id IN (" +
                                      store::placeholder_list(ids.size()) + ") ORDER BY method_id, lang",
                                  ids)
                               .rows)
      aims[row.text(0)][row.text(1)] = row.text(2);
    for (auto& [id, langs] : aims) {
      auto* cr = by_id.at(id);
      for (auto l : kLanguages)
        if (langs.count(std::string(l))) cr->languages += (cr->languages.empty() ? "" : " ") + std::string(l);
      if (langs.count(lang)) cr->aim = langs[lang];
      else
        for (auto l : kLanguages)
          if (langs.count(std::string(l))) {
            cr->aim = langs[std::string(l)];
            break;
          }
    }
  }
  return out;
}

void insert_method(Writer& w, Method& m, const std::string& action) {
  if (m.id.empty()) m.id = uuid::random();
  drop_empty_languages(m);
  check_references(w.db, m);
  m.version = 1;
  m.created_at = m.updated_at = w.now;
  if (!m.created_by) m.created_by = w.user_id;
  m.archived_at = m.status == "archived" ? std::optional<std::int64_t>(w.now) : std::nullopt;
  w.db.exec("INSERT INTO toolbox_methods (id, version, created_at, updated_at, archived_at, status, phase, topics, "
            "group_min, group_max, duration_minutes, licence, adapted_from, adapted_by_team, adaptation_reason, "
            "created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {m.id, m.version, m.created_at, m.updated_at, store::opt(m.archived_at), m.status, m.phase,
             join_list(m.topics), m.group_min, m.group_max, m.duration_minutes, m.licence, opt_text(m.adapted_from),
             opt_text(m.adapted_by_team), m.adaptation_reason, store::opt(m.created_by)});
  write_translations(w.db, m);
  write_version(w, m, action);
  auto changes = core::diff({}, flatten(m));
  w.history(m.id, "create", changes);
  w.audit("toolbox.method." + action, "toolbox.method", m.id);
}

namespace {

// The conditional UPDATE of every shared field and the version: touches no
// row when another write took the version first (StaleVersion), so two
// editors of one version cannot both win.
void write_update(Writer& w, const Method& before, Method& next, std::int64_t expected) {
  auto r = w.db.exec(
      "UPDATE toolbox_methods SET version = version + 1, updated_at = ?, archived_at = ?, status = ?, phase = ?, "
      "topics = ?, group_min = ?, group_max = ?, duration_minutes = ?, licence = ?, adapted_from = ?, "
      "adapted_by_team = ?, adaptation_reason = ? WHERE id = ? AND version = ?",
      {w.now, next.status == "archived" ? store::Param(before.archived_at.value_or(w.now)) : store::Param(nullptr),
       next.status, next.phase, join_list(next.topics), next.group_min, next.group_max, next.duration_minutes,
       next.licence, opt_text(next.adapted_from), opt_text(next.adapted_by_team), next.adaptation_reason, before.id,
       expected});
  if (r.affected != 1) {
    if (w.db.exec("SELECT 1 FROM toolbox_methods WHERE id = ?", {before.id}).empty())
      throw app::HttpError(404, "not_found", "error.not_found");
    throw app::StaleVersion();
  }
  next.id = before.id;
  next.version = expected + 1;
  next.created_at = before.created_at;
  next.created_by = before.created_by;
  next.updated_at = w.now;
}

}  // namespace

void update_method(Writer& w, const Method& before, Method& next, std::int64_t expected, const std::string& action) {
  // The editor's copy is checked against the stored one before anything else is looked at.
  if (before.version != expected) throw app::StaleVersion();
  if (before.status == "archived") throw app::ArchivedRecordError();
  drop_empty_languages(next);
  next.id = before.id;
  next.status = before.status;  // the lifecycle moves through move_status alone
  check_references(w.db, next);
  check_no_cycle(w.db, next);
  write_update(w, before, next, expected);
  write_translations(w.db, next);
  write_version(w, next, action);
  auto changes = core::diff(flatten(before), flatten(next));
  w.history(before.id, action, changes);
  w.audit("toolbox.method." + action, "toolbox.method", before.id, core::changed_field_list(changes));
}

std::string move_status(Writer& w, const Method& m, const std::string& move, const std::string& status,
                        std::int64_t expected, const std::string& comment) {
  if (m.version != expected) throw app::StaleVersion();
  Method next = m;
  next.status = status;
  write_update(w, m, next, expected);
  write_version(w, next, move);
  w.history(m.id, move, core::diff(flatten(m), flatten(next)));
  w.audit("toolbox.method." + move, "toolbox.method", m.id, m.status + "→" + status);
  std::string id = uuid::random();
  w.db.exec("INSERT INTO toolbox_review_comments (id, method_id, method_version, author_id, kind, body, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            {id, m.id, next.version, store::opt(w.user_id), move, comment, w.now});
  return id;
}

// ---- versions ------------------------------------------------------------------------------

std::vector<VersionInfo> versions_of(store::Connection& c, const std::string& method_id) {
  std::vector<VersionInfo> out;
  for (const auto& r : c.exec("SELECT v.version, v.created_at, v.action, COALESCE(u.name, '') FROM toolbox_method_versions v "
                              "LEFT JOIN users u ON u.id = v.created_by WHERE v.method_id = ? ORDER BY v.version DESC",
                              {method_id})
                           .rows)
    out.push_back({r.int64(0), r.int64(1), r.text(2), r.text(3)});
  return out;
}

namespace {

// A version's snapshot read back as the method it was.
Method method_of_snapshot(const std::string& snapshot, const std::string& method_id, std::int64_t version,
                          std::int64_t created_at) {
  auto j = json::parse(snapshot, nullptr, false);
  Method m;
  FieldErrors ignored;
  read_content_json(j, m, ignored);
  m.id = method_id;
  m.version = version;
  m.updated_at = created_at;
  return m;
}

}  // namespace

VersionPage version_page(store::Connection& c, const std::string& method_id, std::int64_t offset, std::int64_t limit) {
  VersionPage out;
  // COUNT(*) OVER () gives the total with the page's rows; a page past the
  // end has no row to carry it, so only then is it counted apart.
  for (const auto& r : c.exec("SELECT v.version, v.created_at, v.action, COALESCE(u.name, ''), v.snapshot, COUNT(*) OVER () "
                              "FROM toolbox_method_versions v LEFT JOIN users u ON u.id = v.created_by "
                              "WHERE v.method_id = ? ORDER BY v.version DESC LIMIT ? OFFSET ?",
                              {method_id, limit, offset})
                           .rows) {
    out.total = r.int64(5);
    VersionInfo info{r.int64(0), r.int64(1), r.text(2), r.text(3)};
    out.versions.emplace_back(info, method_of_snapshot(r.text(4), method_id, info.version, info.created_at));
  }
  if (out.versions.empty() && offset > 0)
    out.total = c.exec("SELECT COUNT(*) FROM toolbox_method_versions WHERE method_id = ?", {method_id}).rows.at(0).int64(0);
  return out;
}

std::optional<Method> load_version(store::Connection& c, const std::string& method_id, std::int64_t version) {
  auto r = c.exec("SELECT snapshot, created_at FROM toolbox_method_versions WHERE method_id = ? AND version = ?",
                  {method_id, version});
  if (r.empty()) return std::nullopt;
  return method_of_snapshot(r.rows[0].text(0), method_id, version, r.rows[0].int64(1));
}

void restore_version(Writer& w, const Method& current, std::int64_t version, std::int64_t expected) {
  auto old = load_version(w.db, current.id, version);
  if (!old) throw app::HttpError(404, "not_found", "error.not_found");
  // A lineage that no longer exists is not restored (the method it named may be gone).
  if (!old->adapted_from.empty() && w.db.exec("SELECT 1 FROM toolbox_methods WHERE id = ?", {old->adapted_from}).empty())
    old->adapted_from.clear();
  if (!old->adapted_by_team.empty() && w.db.exec("SELECT 1 FROM teams WHERE id = ?", {old->adapted_by_team}).empty())
    old->adapted_by_team.clear();
  update_method(w, current, *old, expected, "restore");
}

// ---- review comments -----------------------------------------------------------------------

std::vector<Comment> comments_of(store::Connection& c, const std::string& method_id) {
  std::vector<Comment> out;
  for (const auto& r : c.exec("SELECT k.id, k.kind, k.body, COALESCE(u.name, ''), k.method_version, k.created_at "
                              "FROM toolbox_review_comments k LEFT JOIN users u ON u.id = k.author_id "
                              "WHERE k.method_id = ? ORDER BY k.created_at, k.id",
                              {method_id})
                           .rows)
    out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.int64(4), r.int64(5)});
  return out;
}

std::string add_comment(Writer& w, const Method& m, const std::string& kind, const std::string& body) {
  std::string id = uuid::random();
  w.db.exec("INSERT INTO toolbox_review_comments (id, method_id, method_version, author_id, kind, body, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            {id, m.id, m.version, store::opt(w.user_id), kind, body, w.now});
  w.audit("toolbox.method.comment", "toolbox.method", m.id);
  return id;
}

// ---- family tree ---------------------------------------------------------------------------

Family family_of(store::Connection& c, const Reader& r, const std::string& lang, const Method& m) {
  Family f;
  auto member = [&](const Method& x, int depth) {
    return FamilyMember{depth, x.id, x.name_in(lang), x.status, x.adapted_by_team, x.adaptation_reason};
  };
  // Up: the chain of originals, each looked up once (a cycle cannot be stored, the bound is a safeguard).
  std::set<std::string> seen{m.id};
  std::string up = m.adapted_from;
  while (!up.empty() && !seen.count(up) && seen.size() < 200) {
    seen.insert(up);
    auto parent = load_method(c, up);
    if (!parent) break;
    if (may_see(r.role, r.user_id, *parent)) f.ancestors.insert(f.ancestors.begin(), member(*parent, 0));
    up = parent->adapted_from;
  }
  // Down: depth first, children by name.
  std::function<void(const std::string&, int)> down = [&](const std::string& id, int depth) {
    if (depth > 20) return;
    std::vector<std::string> ids;
    for (const auto& row : c.exec("SELECT id FROM toolbox_methods WHERE adapted_from = ? ORDER BY created_at, id", {id}).rows)
      if (!seen.count(row.text(0))) ids.push_back(row.text(0));
    for (auto& child : load_methods(c, ids)) {
      seen.insert(child.id);
      if (!may_see(r.role, r.user_id, child)) continue;
      f.descendants.push_back(member(child, depth));
      down(child.id, depth + 1);
    }
  };
  down(m.id, 1);
  return f;
}

// ---- use in the journal --------------------------------------------------------------------

std::vector<Use> uses_of(store::Connection& c, const Reader& r, const std::string& method_id, std::int64_t limit) {
  store::Params args{method_id};
  // journal::and_visible is the SQL twin of the journal's may_see: a partner
  // never learns of a facilitators-only activity through the toolbox.
  std::string visible = journal::and_visible(r.journal, args, "a");
  args.push_back(limit);
  std::vector<Use> out;
  for (const auto& row : c.exec("SELECT a.id, a.title, a.starts_at, COALESCE(a.team_id, ''), u.added_by FROM "
                                "toolbox_method_uses u JOIN journal_activities a ON a.id = u.activity_id WHERE u.method_id = ? "
                                "AND u.archived_at IS NULL AND a.archived_at IS NULL" + visible +
                                " ORDER BY a.starts_at DESC, a.id LIMIT ?",
                                args)
                             .rows)
    out.push_back({row.text(0), row.text(1), row.int64(2), row.text(3), row.opt_int64(4)});
  return out;
}

std::vector<Method> methods_of_activity(store::Connection& c, const Reader& r, const std::string& activity_id,
                                        bool archived) {
  std::vector<std::string> ids;
  for (const auto& row : c.exec(std::string("SELECT method_id FROM toolbox_method_uses WHERE activity_id = ? AND archived_at IS ") +
                                    (archived ? "NOT NULL" : "NULL") + " ORDER BY added_at, method_id",
                                {activity_id})
                             .rows)
    ids.push_back(row.text(0));
  std::vector<Method> out;
  for (auto& m : load_methods(c, ids))
    if (may_see(r.role, r.user_id, m)) out.push_back(std::move(m));
  return out;
}

bool add_use(Writer& w, const std::string& activity_id, const std::string& method_id) {
  if (!w.db.exec("SELECT 1 FROM toolbox_method_uses WHERE activity_id = ? AND method_id = ?", {activity_id, method_id}).empty())
    return false;
  w.db.exec("INSERT INTO toolbox_method_uses (activity_id, method_id, added_by, added_at) VALUES (?, ?, ?, ?)",
            {activity_id, method_id, store::opt(w.user_id), w.now});
  w.audit("toolbox.use.add", "journal.activity", activity_id, method_id);
  return true;
}

bool remove_use(Writer& w, const std::string& activity_id, const std::string& method_id) {
  auto r = w.db.exec("DELETE FROM toolbox_method_uses WHERE activity_id = ? AND method_id = ?", {activity_id, method_id});
  if (r.affected == 0) return false;
  w.audit("toolbox.use.remove", "journal.activity", activity_id, method_id);
  return true;
}

// ---- experiences ---------------------------------------------------------------------------

std::vector<Experience> experiences_of(store::Connection& c, const Reader& r, const std::string& method_id) {
  store::Params args{method_id};
  // An experience tied to an activity is read with that activity's visibility.
  std::string visible = journal::visible_sql(r.journal, args, "a");
  std::string condition = visible.empty() ? "" : " AND (e.activity_id IS NULL OR (" + visible + "))";
  std::vector<Experience> out;
  for (const auto& row : c.exec("SELECT e.id, e.method_id, COALESCE(e.activity_id, ''), e.worked, e.changed, "
                                "COALESCE(u.name, ''), COALESCE(a.title, ''), e.author_id, e.rating, e.version, "
                                "e.created_at, e.updated_at FROM toolbox_experiences e "
                                "LEFT JOIN users u ON u.id = e.author_id "
                                "LEFT JOIN journal_activities a ON a.id = e.activity_id "
                                "WHERE e.method_id = ? AND e.archived_at IS NULL" + condition +
                                " ORDER BY e.created_at DESC, e.id",
                                args)
                             .rows) {
    Experience e;
    e.id = row.text(0);
    e.method_id = row.text(1);
    e.activity_id = row.text(2);
    e.worked = row.text(3);
    e.changed = row.text(4);
    e.author = row.text(5);
    e.activity_title = row.text(6);
    e.author_id = row.opt_int64(7);
    e.rating = row.int64(8);
    e.version = row.int64(9);
    e.created_at = row.int64(10);
    e.updated_at = row.int64(11);
    out.push_back(std::move(e));
  }
  return out;
}

void insert_experience(Writer& w, Experience& e) {
  if (e.id.empty()) e.id = uuid::random();
  e.version = 1;
  e.created_at = e.updated_at = w.now;
  if (!e.author_id) e.author_id = w.user_id;
  w.db.exec("INSERT INTO toolbox_experiences (id, version, created_at, updated_at, method_id, activity_id, author_id, "
            "worked, changed, rating) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {e.id, e.version, e.created_at, e.updated_at, e.method_id, opt_text(e.activity_id), store::opt(e.author_id),
             e.worked, e.changed, e.rating});
  w.audit("toolbox.experience.create", "toolbox.method", e.method_id, e.id);
}

}  // namespace samen::toolbox
