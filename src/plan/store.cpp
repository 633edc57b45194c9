// Reads and writes of the plan's tables (store.hpp).
#include "plan/store.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "app/write.hpp"
#include "core/network.hpp"
#include "journal/store.hpp"
#include "util/uuid.hpp"

namespace samen::plan {

namespace {

std::string placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i ? ",?" : "?";
  return out;
}

store::Param opt(const std::string& v) { return v.empty() ? store::Param(nullptr) : store::Param(v); }
store::Param opt(const std::optional<std::int64_t>& v) { return v ? store::Param(*v) : store::Param(nullptr); }
store::Param opt(const std::optional<double>& v) { return v ? store::Param(*v) : store::Param(nullptr); }

// The shortest text that reads back as the same number ("12.5", "40").
std::string number_text(double v) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}
std::string number_text(const std::optional<double>& v) { return v ? number_text(*v) : ""; }

std::string joined(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

// ---- items ----

const char* kItemColumns =
    "id, kind, COALESCE(parent_id, ''), COALESCE(team_id, ''), title, description, status, status_reason, "
    "COALESCE(starts_on, ''), COALESCE(ends_on, ''), budget_cents, created_by, version, created_at, updated_at, "
    "archived_at";

Item item_from_row(const store::Row& r) {
  Item i;
  i.id = r.text(0);
  i.kind = r.text(1);
  i.parent_id = r.text(2);
  i.team_id = r.text(3);
  i.title = r.text(4);
  i.description = r.text(5);
  i.status = r.text(6);
  i.status_reason = r.text(7);
  i.starts_on = r.text(8);
  i.ends_on = r.text(9);
  i.budget_cents = r.opt_int64(10);
  i.created_by = r.opt_int64(11);
  i.version = r.int64(12);
  i.created_at = r.int64(13);
  i.updated_at = r.int64(14);
  i.archived_at = r.opt_int64(15);
  return i;
}

// Owners and contributions of listed items, a query each per 500 items.
void load_links(store::Connection& c, std::vector<Item>& items) {
  constexpr std::size_t kChunk = 500;
  for (std::size_t from = 0; from < items.size(); from += kChunk) {
    std::size_t to = std::min(items.size(), from + kChunk);
    std::map<std::string, Item*> by_id;
    store::Params ids;
    for (std::size_t i = from; i < to; ++i) {
      by_id[items[i].id] = &items[i];
      ids.push_back(items[i].id);
    }
    std::string in = " IN (" + placeholders(ids.size()) + ")";
    for (const auto& r : c.exec("SELECT item_id, organization_id FROM plan_item_owners WHERE item_id" + in +
                                    " ORDER BY item_id, organization_id", ids).rows)
      by_id.at(r.text(0))->owner_ids.push_back(r.text(1));
    for (const auto& r : c.exec("SELECT item_id, objective_id FROM plan_contributions WHERE item_id" + in +
                                    " ORDER BY item_id, objective_id", ids).rows)
      by_id.at(r.text(0))->contributes_to.push_back(r.text(1));
    for (const auto& r : c.exec("SELECT item_id, method_id FROM plan_action_methods WHERE item_id" + in +
                                    " ORDER BY item_id, method_id", ids).rows)
      by_id.at(r.text(0))->method_ids.push_back(r.text(1));
  }
}

// The same for every item a WHERE clause of plan_items selects (a list without a limit, such as the
// whole active plan): one query per table instead of one per 500 items with 500 parameters each.
void load_links_where(store::Connection& c, std::vector<Item>& items, const std::string& where, const store::Params& args) {
  std::map<std::string, Item*> by_id;
  for (auto& i : items) by_id[i.id] = &i;
  const std::string in = " IN (SELECT id FROM plan_items" + where + ")";
  auto each = [&](const char* sql, std::vector<std::string> Item::*field) {
    for (const auto& r : c.exec(std::string(sql) + in + " ORDER BY 1, 2", args).rows)
      if (auto it = by_id.find(r.text(0)); it != by_id.end()) (it->second->*field).push_back(r.text(1));
  };
  each("SELECT item_id, organization_id FROM plan_item_owners WHERE item_id", &Item::owner_ids);
  each("SELECT item_id, objective_id FROM plan_contributions WHERE item_id", &Item::contributes_to);
  each("SELECT item_id, method_id FROM plan_action_methods WHERE item_id", &Item::method_ids);
}

// Makes an item's stored method links `next` (only the difference is written, so links keep their date).
void write_methods(store::Connection& c, const std::string& item_id, const std::vector<std::string>& before,
                   const std::vector<std::string>& next, std::int64_t now) {
  for (const auto& m : before)
    if (std::find(next.begin(), next.end(), m) == next.end())
      c.exec("DELETE FROM plan_action_methods WHERE item_id = ? AND method_id = ?", {item_id, m});
  for (const auto& m : next)
    if (std::find(before.begin(), before.end(), m) == before.end())
      c.exec("INSERT INTO plan_action_methods (item_id, method_id, linked_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
             {item_id, m, now});
}

std::vector<std::string> sorted_unique(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

void write_links(store::Connection& c, const Item& i) {
  c.exec("DELETE FROM plan_item_owners WHERE item_id = ?", {i.id});
  c.exec("DELETE FROM plan_contributions WHERE item_id = ?", {i.id});
  for (const auto& o : i.owner_ids)
    c.exec("INSERT INTO plan_item_owners (item_id, organization_id) VALUES (?, ?) ON CONFLICT DO NOTHING", {i.id, o});
  for (const auto& o : i.contributes_to)
    c.exec("INSERT INTO plan_contributions (item_id, objective_id) VALUES (?, ?) ON CONFLICT DO NOTHING", {i.id, o});
}

void record_status(app::Change& change, const std::string& item_id, const std::string& previous,
                   const std::string& status, const std::string& reason) {
  change.db.exec("INSERT INTO plan_status_changes (item_id, changed_at, previous, status, reason, actor_label) "
                 "VALUES (?, ?, ?, ?, ?, ?)",
                 {item_id, change.now(), previous, status, reason, change.actor_label()});
}

// ---- indicators ----

const char* kIndicatorColumns =
    "id, item_id, name, unit, value_type, baseline, target, COALESCE(target_on, ''), version, created_at, updated_at, "
    "archived_at";

Indicator indicator_from_row(const store::Row& r) {
  Indicator i;
  i.id = r.text(0);
  i.item_id = r.text(1);
  i.name = r.text(2);
  i.unit = r.text(3);
  i.value_type = r.text(4);
  i.baseline = r.opt_real(5);
  i.target = r.opt_real(6);
  i.target_on = r.text(7);
  i.version = r.int64(8);
  i.created_at = r.int64(9);
  i.updated_at = r.int64(10);
  i.archived_at = r.opt_int64(11);
  return i;
}

core::Snapshot indicator_snapshot(const Indicator& i) {
  return {{"item_id", i.item_id},       {"name", i.name},
          {"unit", i.unit},             {"value_type", i.value_type},
          {"baseline", number_text(i.baseline)}, {"target", number_text(i.target)},
          {"target_on", i.target_on}};
}

const char* kValueColumns = "id, indicator_id, measured_on, value, note, version, created_at, updated_at, archived_at";

IndicatorValue value_from_row(const store::Row& r) {
  IndicatorValue v;
  v.id = r.text(0);
  v.indicator_id = r.text(1);
  v.measured_on = r.text(2);
  v.value = r.real(3);
  v.note = r.text(4);
  v.version = r.int64(5);
  v.created_at = r.int64(6);
  v.updated_at = r.int64(7);
  v.archived_at = r.opt_int64(8);
  return v;
}

}  // namespace

// ---- the vision ----

VisionVersion current_vision(store::Connection& c) {
  auto r = c.exec("SELECT v.version, v.text_nl, v.text_fr, COALESCE(h.note, ''), COALESCE(h.saved_by, ''), v.updated_at "
                  "FROM plan_vision v LEFT JOIN plan_vision_versions h ON h.vision_id = v.id AND h.version = v.version "
                  "WHERE v.id = ?", {std::string(kVisionId)});
  if (r.empty()) return {};
  const auto& row = r.rows[0];
  return {row.int64(0), row.text(1), row.text(2), row.text(3), row.text(4), row.int64(5)};
}

std::vector<VisionVersion> vision_versions(store::Connection& c) {
  std::vector<VisionVersion> out;
  for (const auto& row : c.exec("SELECT version, text_nl, text_fr, note, saved_by, saved_at FROM plan_vision_versions "
                                "WHERE vision_id = ? ORDER BY version DESC", {std::string(kVisionId)}).rows)
    out.push_back({row.int64(0), row.text(1), row.text(2), row.text(3), row.text(4), row.int64(5)});
  return out;
}

std::optional<VisionVersion> vision_version(store::Connection& c, std::int64_t version) {
  auto r = c.exec("SELECT version, text_nl, text_fr, note, saved_by, saved_at FROM plan_vision_versions "
                  "WHERE vision_id = ? AND version = ?", {std::string(kVisionId), version});
  if (r.empty()) return std::nullopt;
  const auto& row = r.rows[0];
  return VisionVersion{row.int64(0), row.text(1), row.text(2), row.text(3), row.text(4), row.int64(5)};
}

std::int64_t save_vision(app::Change& change, const std::string& text_nl, const std::string& text_fr,
                         const std::string& note, std::optional<std::int64_t> expected) {
  auto& c = change.db;
  VisionVersion before = current_vision(c);
  std::int64_t version = 1;
  if (before.version == 0) {
    // The first save: someone else's first save since the editor read the empty vision is a conflict too.
    app::check_version(expected.value_or(0), 0);
    auto r = c.exec("INSERT INTO plan_vision (id, version, created_at, updated_at, text_nl, text_fr) "
                    "VALUES (?, 1, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                    {std::string(kVisionId), change.now(), change.now(), text_nl, text_fr});
    if (r.affected != 1) throw app::StaleVersion();
  } else {
    version = core::next_version(change, vision_ref(), expected);
    c.exec("UPDATE plan_vision SET text_nl = ?, text_fr = ? WHERE id = ?", {text_nl, text_fr, std::string(kVisionId)});
  }
  c.exec("INSERT INTO plan_vision_versions (vision_id, version, text_nl, text_fr, note, saved_at, saved_by) "
         "VALUES (?, ?, ?, ?, ?, ?, ?)",
         {std::string(kVisionId), version, text_nl, text_fr, note, change.now(), change.actor_label()});
  auto changes = core::diff({{"text_nl", before.text_nl}, {"text_fr", before.text_fr}},
                            {{"text_nl", text_nl}, {"text_fr", text_fr}});
  core::record_history(change, "plan.vision", kVisionId, version == 1 ? "create" : "update", changes);
  change.audit("plan.vision.update", "plan.vision", kVisionId, "version " + std::to_string(version));
  return version;
}

// ---- objectives and actions ----

std::optional<Item> load_item(store::Connection& c, const std::string& id) {
  auto r = c.exec(std::string("SELECT ") + kItemColumns + " FROM plan_items WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  std::vector<Item> items{item_from_row(r.rows[0])};
  load_links(c, items);
  return items[0];
}

ItemList list_items(store::Connection& c, const ItemFilter& f) {
  std::string where = f.archived ? " WHERE archived_at IS NOT NULL" : " WHERE archived_at IS NULL";
  store::Params args;
  if (!f.kind.empty()) {
    where += " AND kind = ?";
    args.push_back(f.kind);
  }
  if (f.team_id == "brussels") where += " AND team_id IS NULL";
  else if (!f.team_id.empty()) {
    where += " AND team_id = ?";
    args.push_back(f.team_id);
  }
  if (!f.parent_id.empty()) {
    where += " AND parent_id = ?";
    args.push_back(f.parent_id);
  }
  ItemList out;
  std::string sql = std::string("SELECT ") + kItemColumns + " FROM plan_items" + where +
                    " ORDER BY COALESCE(starts_on, '9999-12-31'), title, id";
  if (f.limit <= 0) {
    // Everything that matches (the roll-up, dashboard, timeline, exports): no count, links in one query each.
    for (const auto& r : c.exec(sql, args).rows) out.items.push_back(item_from_row(r));
    out.total = static_cast<std::int64_t>(out.items.size());
    load_links_where(c, out.items, where, args);
    return out;
  }
  out.total = c.exec("SELECT COUNT(*) FROM plan_items" + where, args).rows.at(0).int64(0);
  store::Params page_args = args;
  sql += " LIMIT ? OFFSET ?";
  page_args.push_back(f.limit);
  page_args.push_back(f.offset);
  for (const auto& r : c.exec(sql, page_args).rows) out.items.push_back(item_from_row(r));
  load_links(c, out.items);
  return out;
}

std::vector<Item> active_items(store::Connection& c) { return list_items(c, {}).items; }

std::vector<Item> contributors_of(store::Connection& c, const std::string& objective_id) {
  std::vector<Item> out;
  for (const auto& r : c.exec(std::string("SELECT ") + kItemColumns + " FROM plan_items WHERE archived_at IS NULL AND "
                                  "id IN (SELECT item_id FROM plan_contributions WHERE objective_id = ?) "
                                  "ORDER BY team_id, title, id", {objective_id}).rows)
    out.push_back(item_from_row(r));
  load_links(c, out);
  return out;
}

core::Snapshot snapshot(const Item& i) {
  return {{"kind", i.kind},
          {"parent_id", i.parent_id},
          {"team_id", i.team_id},
          {"title", i.title},
          {"description", i.description},
          {"status", i.status},
          {"status_reason", i.status_reason},
          {"starts_on", i.starts_on},
          {"ends_on", i.ends_on},
          {"budget", i.budget_cents ? budget_decimal(*i.budget_cents) : ""},
          {"owner_ids", joined(i.owner_ids)},
          {"contributes_to", joined(i.contributes_to)},
          {"method_ids", joined(i.method_ids)}};
}

void check_references(store::Connection& c, const Item& i) {
  FieldErrors e;
  core::Network n = core::load_network(c);
  if (!i.team_id.empty() && !n.team(i.team_id)) e["team_id"] = "plan.error.team_unknown";
  for (const auto& o : i.owner_ids)
    if (!n.organization(o)) e["owner_ids"] = "plan.error.organization_unknown";
  std::optional<Item> parent;
  if (!i.parent_id.empty()) parent = load_item(c, i.parent_id);
  check_parent(i, parent ? &*parent : nullptr, e);
  if (!e.count("parent_id") && !i.parent_id.empty()) {
    std::map<std::string, std::string> parent_of;
    for (const auto& r : c.exec("SELECT id, COALESCE(parent_id, '') FROM plan_items").rows)
      parent_of[r.text(0)] = r.text(1);
    if (makes_cycle(parent_of, i.id, i.parent_id)) e["parent_id"] = "plan.error.cycle";
  }
  if (!i.id.empty()) {
    // Children stay in their parent's team: a team change with children elsewhere is refused.
    if (c.exec("SELECT COUNT(*) FROM plan_items WHERE parent_id = ? AND archived_at IS NULL AND "
               "COALESCE(team_id, '') <> ?", {i.id, i.team_id}).rows.at(0).int64(0) > 0)
      e["team_id"] = "plan.error.children_team";
  }
  for (const auto& o : i.contributes_to) {
    auto target = load_item(c, o);
    if (!target || target->archived_at || target->kind != "objective" || !target->team_id.empty())
      e["contributes_to"] = "plan.error.contributes_unknown";
  }
  if (!i.method_ids.empty() && i.kind != "action") e["method_ids"] = "plan.error.methods_action_only";
  else if (!i.method_ids.empty()) {
    std::vector<std::string> before;
    if (!i.id.empty())
      for (const auto& r : c.exec("SELECT method_id FROM plan_action_methods WHERE item_id = ?", {i.id}).rows)
        before.push_back(r.text(0));
    if (auto m = method_ids_error(c, i.method_ids, before); !m.empty()) e["method_ids"] = m;
  }
  if (!e.empty()) throw Invalid{e};
}

void insert_item(app::Change& change, Item& i) {
  if (i.id.empty()) i.id = uuid::random();
  i.version = 1;
  i.created_at = i.updated_at = change.now();
  if (!i.created_by && change.ctx.user()) i.created_by = change.ctx.user()->id;
  change.db.exec(
      "INSERT INTO plan_items (id, version, created_at, updated_at, kind, parent_id, team_id, title, description, "
      "status, status_reason, starts_on, ends_on, budget_cents, created_by) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?)",
      {i.id, i.created_at, i.updated_at, i.kind, opt(i.parent_id), opt(i.team_id), i.title, i.description, i.status,
       i.status_reason, opt(i.starts_on), opt(i.ends_on), opt(i.budget_cents), opt(i.created_by)});
  write_links(change.db, i);
  i.method_ids = sorted_unique(i.method_ids);
  write_methods(change.db, i.id, {}, i.method_ids, change.now());
  record_status(change, i.id, "", i.status, i.status_reason);
  auto changes = core::diff({}, snapshot(i));
  core::record_history(change, "plan.item", i.id, "create", changes);
  change.audit("plan.item.create", "plan.item", i.id, i.kind);
}

void update_item(app::Change& change, const Item& before, Item& next, std::optional<std::int64_t> expected) {
  next.id = before.id;
  next.status = before.status;
  next.status_reason = before.status_reason;
  next.version = core::next_version(change, item_ref(before.id), expected);
  next.created_at = before.created_at;
  next.created_by = before.created_by;
  next.updated_at = change.now();
  change.db.exec("UPDATE plan_items SET kind = ?, parent_id = ?, team_id = ?, title = ?, description = ?, "
                 "starts_on = ?, ends_on = ?, budget_cents = ? WHERE id = ?",
                 {next.kind, opt(next.parent_id), opt(next.team_id), next.title, next.description, opt(next.starts_on),
                  opt(next.ends_on), opt(next.budget_cents), next.id});
  write_links(change.db, next);
  next.method_ids = sorted_unique(next.method_ids);
  write_methods(change.db, next.id, before.method_ids, next.method_ids, change.now());
  auto changes = core::diff(snapshot(before), snapshot(next));
  core::record_history(change, "plan.item", next.id, "update", changes);
  change.audit("plan.item.update", "plan.item", next.id, core::changed_field_list(changes));
}

void change_status(app::Change& change, const Item& before, const std::string& status, const std::string& reason,
                   std::optional<std::int64_t> expected) {
  core::next_version(change, item_ref(before.id), expected);
  change.db.exec("UPDATE plan_items SET status = ?, status_reason = ? WHERE id = ?", {status, reason, before.id});
  record_status(change, before.id, before.status, status, reason);
  core::record_history(change, "plan.item", before.id, "update",
                       core::diff({{"status", before.status}, {"status_reason", before.status_reason}},
                                  {{"status", status}, {"status_reason", reason}}));
  change.audit("plan.item.status", "plan.item", before.id, before.status + " -> " + status);
}

std::vector<StatusChange> status_changes_of(store::Connection& c, const std::string& item_id) {
  std::vector<StatusChange> out;
  for (const auto& r : c.exec("SELECT changed_at, previous, status, reason, actor_label FROM plan_status_changes "
                              "WHERE item_id = ? ORDER BY changed_at, id", {item_id}).rows)
    out.push_back({r.int64(0), r.text(1), r.text(2), r.text(3), r.text(4)});
  return out;
}

// ---- indicators ----

std::optional<Indicator> load_indicator(store::Connection& c, const std::string& id) {
  auto r = c.exec(std::string("SELECT ") + kIndicatorColumns + " FROM plan_indicators WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  return indicator_from_row(r.rows[0]);
}

IndicatorList list_indicators(store::Connection& c, const IndicatorFilter& f) {
  std::string where = f.archived ? " WHERE archived_at IS NOT NULL" : " WHERE archived_at IS NULL";
  store::Params args;
  if (!f.item_id.empty()) {
    where += " AND item_id = ?";
    args.push_back(f.item_id);
  }
  IndicatorList out;
  std::string sql = std::string("SELECT ") + kIndicatorColumns + " FROM plan_indicators" + where + " ORDER BY name, id";
  if (f.limit > 0) {
    out.total = c.exec("SELECT COUNT(*) FROM plan_indicators" + where, args).rows.at(0).int64(0);
    sql += " LIMIT ? OFFSET ?";
    args.push_back(f.limit);
    args.push_back(f.offset);
  }
  for (const auto& r : c.exec(sql, args).rows) out.items.push_back(indicator_from_row(r));
  if (f.limit <= 0) out.total = static_cast<std::int64_t>(out.items.size());
  return out;
}

namespace {

void check_indicator_item(store::Connection& c, const Indicator& i) {
  auto item = load_item(c, i.item_id);
  if (!item || item->archived_at) throw Invalid{{{"item_id", "plan.error.item_unknown"}}};
}

}  // namespace

void insert_indicator(app::Change& change, Indicator& i) {
  check_indicator_item(change.db, i);
  if (i.id.empty()) i.id = uuid::random();
  i.version = 1;
  i.created_at = i.updated_at = change.now();
  change.db.exec("INSERT INTO plan_indicators (id, version, created_at, updated_at, item_id, name, unit, value_type, "
                 "baseline, target, target_on) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 {i.id, i.created_at, i.updated_at, i.item_id, i.name, i.unit, i.value_type, opt(i.baseline),
                  opt(i.target), opt(i.target_on)});
  auto changes = core::diff({}, indicator_snapshot(i));
  core::record_history(change, "plan.indicator", i.id, "create", changes);
  change.audit("plan.indicator.create", "plan.indicator", i.id, i.item_id);
}

void update_indicator(app::Change& change, const Indicator& before, Indicator& next, std::optional<std::int64_t> expected) {
  next.id = before.id;
  check_indicator_item(change.db, next);
  // Values already measured must fit a new type.
  if (next.value_type != before.value_type)
    for (const auto& v : values_of(change.db, before.id))
      if (!fits(next.value_type, v.value)) throw Invalid{{{"value_type", "plan.error.values_do_not_fit"}}};
  next.version = core::next_version(change, indicator_ref(before.id), expected);
  next.created_at = before.created_at;
  next.updated_at = change.now();
  change.db.exec("UPDATE plan_indicators SET item_id = ?, name = ?, unit = ?, value_type = ?, baseline = ?, target = ?, "
                 "target_on = ? WHERE id = ?",
                 {next.item_id, next.name, next.unit, next.value_type, opt(next.baseline), opt(next.target),
                  opt(next.target_on), next.id});
  auto changes = core::diff(indicator_snapshot(before), indicator_snapshot(next));
  core::record_history(change, "plan.indicator", next.id, "update", changes);
  change.audit("plan.indicator.update", "plan.indicator", next.id, core::changed_field_list(changes));
}

std::vector<IndicatorValue> values_of(store::Connection& c, const std::string& indicator_id) {
  std::vector<IndicatorValue> out;
  for (const auto& r : c.exec(std::string("SELECT ") + kValueColumns + " FROM plan_indicator_values "
                                  "WHERE indicator_id = ? AND archived_at IS NULL ORDER BY measured_on, id",
                              {indicator_id}).rows)
    out.push_back(value_from_row(r));
  return out;
}

std::map<std::string, IndicatorValue> latest_values(store::Connection& c) {
  // One grouped pass: the newest date per indicator, then its row (a correlated MAX per value row
  // cost one index probe per stored value: 12,000 at the benchmark's size).
  std::map<std::string, IndicatorValue> out;
  for (const auto& r : c.exec(std::string("SELECT ") + kValueColumns + " FROM plan_indicator_values v JOIN "
                                  "(SELECT indicator_id AS latest_id, MAX(measured_on) AS latest_on FROM plan_indicator_values "
                                  "WHERE archived_at IS NULL GROUP BY indicator_id) m ON v.indicator_id = m.latest_id AND "
                                  "v.measured_on = m.latest_on WHERE v.archived_at IS NULL").rows) {
    auto v = value_from_row(r);
    out[v.indicator_id] = std::move(v);
  }
  return out;
}

std::map<std::string, std::vector<IndicatorValue>> values_of(store::Connection& c, const std::vector<std::string>& ids) {
  std::map<std::string, std::vector<IndicatorValue>> out;
  if (ids.empty()) return out;
  store::Params args(ids.begin(), ids.end());
  for (const auto& r : c.exec(std::string("SELECT ") + kValueColumns + " FROM plan_indicator_values WHERE indicator_id IN (" +
                                  placeholders(ids.size()) + ") AND archived_at IS NULL ORDER BY indicator_id, measured_on, id",
                              args).rows) {
    auto v = value_from_row(r);
    out[v.indicator_id].push_back(std::move(v));
  }
  return out;
}

std::vector<IndicatorValue> all_values(store::Connection& c) {
  std::vector<IndicatorValue> out;
  c.each(std::string("SELECT v.id, v.indicator_id, v.measured_on, v.value, v.note, v.version, v.created_at, "
                     "v.updated_at, v.archived_at FROM plan_indicator_values v JOIN plan_indicators i "
                     "ON i.id = v.indicator_id WHERE v.archived_at IS NULL AND i.archived_at IS NULL "
                     "ORDER BY v.indicator_id, v.measured_on"),
         {}, [&](const store::Row& r) {
           out.push_back(value_from_row(r));
           return true;
         });
  return out;
}

std::optional<IndicatorValue> load_value(store::Connection& c, const std::string& id) {
  auto r = c.exec(std::string("SELECT ") + kValueColumns + " FROM plan_indicator_values WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  return value_from_row(r.rows[0]);
}

void insert_value(app::Change& change, const Indicator& indicator, IndicatorValue& v) {
  if (indicator.archived_at) throw app::ArchivedRecordError();
  if (change.db.exec("SELECT COUNT(*) FROM plan_indicator_values WHERE indicator_id = ? AND measured_on = ? AND "
                     "archived_at IS NULL", {indicator.id, v.measured_on}).rows.at(0).int64(0) > 0)
    throw Invalid{{{"measured_on", "plan.error.value_date_taken"}}};
  if (v.id.empty()) v.id = uuid::random();
  v.indicator_id = indicator.id;
  v.version = 1;
  v.created_at = v.updated_at = change.now();
  change.db.exec("INSERT INTO plan_indicator_values (id, version, created_at, updated_at, indicator_id, measured_on, "
                 "value, note) VALUES (?, 1, ?, ?, ?, ?, ?, ?)",
                 {v.id, v.created_at, v.updated_at, v.indicator_id, v.measured_on, v.value, v.note});
  core::record_history(change, "plan.indicator_value", v.id, "create",
                       core::diff({}, {{"indicator_id", v.indicator_id},
                                       {"measured_on", v.measured_on},
                                       {"value", number_text(v.value)},
                                       {"note", v.note}}));
  change.audit("plan.indicator_value.create", "plan.indicator", indicator.id, v.measured_on);
}

// ---- links to journal activities ----

std::vector<LinkedActivity> linked_activities(store::Connection& c, const std::string& item_id, const Viewer& v) {
  store::Params args{item_id};
  std::string visible = journal::and_visible(v, args, "a");
  std::vector<LinkedActivity> out;
  for (const auto& r : c.exec("SELECT a.id, a.title, a.type, a.visibility, COALESCE(a.team_id, ''), a.starts_at "
                              "FROM plan_activity_links l JOIN journal_activities a ON a.id = l.activity_id "
                              "WHERE l.item_id = ? AND a.archived_at IS NULL" + visible +
                                  " ORDER BY a.starts_at DESC, a.id", args).rows)
    out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.int64(5)});
  return out;
}

std::vector<Item> items_of_activity(store::Connection& c, const std::string& activity_id) {
  std::vector<Item> out;
  for (const auto& r : c.exec(std::string("SELECT ") + kItemColumns + " FROM plan_items WHERE archived_at IS NULL AND "
                                  "id IN (SELECT item_id FROM plan_activity_links WHERE activity_id = ?) "
                                  "ORDER BY title, id", {activity_id}).rows)
    out.push_back(item_from_row(r));
  load_links(c, out);
  return out;
}

bool link_activity(app::Change& change, const std::string& item_id, const std::string& activity_id) {
  std::optional<std::int64_t> by;
  if (change.ctx.user()) by = change.ctx.user()->id;
  auto r = change.db.exec("INSERT INTO plan_activity_links (item_id, activity_id, created_at, created_by) "
                          "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                          {item_id, activity_id, change.now(), opt(by)});
  if (r.affected != 1) return false;
  core::record_history(change, "plan.item", item_id, "update", {{"activity_ids", "", "+" + activity_id}});
  change.audit("plan.item.link", "plan.item", item_id, "journal.activity " + activity_id);
  return true;
}

bool unlink_activity(app::Change& change, const std::string& item_id, const std::string& activity_id) {
  auto r = change.db.exec("DELETE FROM plan_activity_links WHERE item_id = ? AND activity_id = ?", {item_id, activity_id});
  if (r.affected != 1) return false;
  core::record_history(change, "plan.item", item_id, "update", {{"activity_ids", activity_id, ""}});
  change.audit("plan.item.unlink", "plan.item", item_id, "journal.activity " + activity_id);
  return true;
}

// ---- links to toolbox methods ----

std::string method_ids_error(store::Connection& c, const std::vector<std::string>& ids,
                             const std::vector<std::string>& linked_before) {
  for (const auto& id : ids) {
    if (id.empty() || id.size() > 100) return "plan.error.method_unknown";
    auto r = c.exec("SELECT status FROM toolbox_methods WHERE id = ?", {id});
    if (r.empty()) return "plan.error.method_unknown";
    bool kept = std::find(linked_before.begin(), linked_before.end(), id) != linked_before.end();
    if (r.rows[0].text(0) != "published" && !kept) return "plan.error.method_not_published";
  }
  return "";
}

std::vector<Item> items_of_method(store::Connection& c, const std::string& method_id) {
  std::vector<Item> out;
  for (const auto& r : c.exec(std::string("SELECT ") + kItemColumns + " FROM plan_items WHERE archived_at IS NULL AND "
                                  "id IN (SELECT item_id FROM plan_action_methods WHERE method_id = ?) "
                                  "ORDER BY title, id LIMIT 500", {method_id}).rows)
    out.push_back(item_from_row(r));
  return out;
}

bool link_method(app::Change& change, const std::string& item_id, const std::string& method_id) {
  auto r = change.db.exec("INSERT INTO plan_action_methods (item_id, method_id, linked_at) VALUES (?, ?, ?) "
                          "ON CONFLICT DO NOTHING",
                          {item_id, method_id, change.now()});
  if (r.affected != 1) return false;
  core::record_history(change, "plan.item", item_id, "update", {{"method_ids", "", "+" + method_id}});
  change.audit("plan.item.link", "plan.item", item_id, "toolbox.method " + method_id);
  return true;
}

bool unlink_method(app::Change& change, const std::string& item_id, const std::string& method_id) {
  auto r = change.db.exec("DELETE FROM plan_action_methods WHERE item_id = ? AND method_id = ?", {item_id, method_id});
  if (r.affected != 1) return false;
  core::record_history(change, "plan.item", item_id, "update", {{"method_ids", method_id, ""}});
  change.audit("plan.item.unlink", "plan.item", item_id, "toolbox.method " + method_id);
  return true;
}

}  // namespace samen::plan
