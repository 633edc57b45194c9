// Toolbox packages (package.hpp): export, the import plan and its
// application, the compiled-in starter methods, the demo and the commands.
#include "toolbox/package.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <ctime>
#include <functional>

#include "app/api.hpp"
#include "i18n/i18n.hpp"
#include "toolbox/attachments.hpp"
#include "web/embedded.hpp"

namespace samen::toolbox {

using nlohmann::json;

namespace {

// Ids that are also page paths under /toolbox/ (a method named so could not be reached).
bool reserved_id(std::string_view id) {
  for (auto r : {"new", "export", "import", "starter", "booklet", "activity-methods"})
    if (id == r) return true;
  return false;
}

bool valid_id(std::string_view id) {
  if (id.empty() || id.size() > 100 || reserved_id(id)) return false;
  for (char ch : id)
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' || ch == '.')) return false;
  return true;
}

std::string lower(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// The content two methods are compared on (what an import would change).
json comparable(const Method& m) {
  json j = content_json(m);
  j.erase("status");
  return j;
}

}  // namespace

json export_package(const std::vector<Method>& methods, std::int64_t now) {
  json list = json::array();
  for (const auto& m : methods) {
    json j = content_json(m);
    j["id"] = m.id;
    j["version"] = m.version;
    j["updated_at"] = app::rfc3339(m.updated_at);
    list.push_back(std::move(j));
  }
  return {{"format", "samen-toolbox"},
          {"schema_version", kSchemaVersion},
          {"exported_at", app::rfc3339(now)},
          {"methods", std::move(list)}};
}

std::int64_t ImportPlan::count(PlanItem::Kind k) const {
  std::int64_t n = 0;
  for (const auto& i : items) n += i.kind == k;
  return n;
}

ImportPlan plan_import(store::Connection& c, std::string_view bytes) {
  ImportPlan plan;
  auto fail = [&](std::string key, std::string subject = "") {
    plan.errors.push_back({"toolbox.import.error." + key, std::move(subject)});
    return plan;
  };
  if (bytes.size() > kMaxPackageBytes) return fail("too_large");
  json doc = json::parse(bytes, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return fail("json");
  if (doc.value("format", "") != "samen-toolbox") return fail("format");
  auto sv = doc.find("schema_version");
  if (sv == doc.end() || !sv->is_number_integer() || sv->get<std::int64_t>() != kSchemaVersion)
    return fail("schema_version", sv == doc.end() ? "" : sv->dump());
  auto methods = doc.find("methods");
  if (methods == doc.end() || !methods->is_array()) return fail("methods");
  if (methods->size() > 20000) return fail("too_many");

  // Read and check each method on its own.
  std::vector<PlanItem> read;
  std::set<std::string> ids;
  for (const auto& j : *methods) {
    PlanItem item;
    std::string id = j.is_object() && j.contains("id") && j["id"].is_string() ? j["id"].get<std::string>() : "";
    if (!valid_id(id)) {
      plan.errors.push_back({"toolbox.import.error.id", id});
      continue;
    }
    if (!ids.insert(id).second) {
      plan.errors.push_back({"toolbox.import.error.duplicate_id", id});
      continue;
    }
    FieldErrors errors;
    read_content_json(j, item.method, errors);
    item.method.id = id;
    if (auto v = j.find("version"); v != j.end() && v->is_number_integer()) item.method.version = v->get<std::int64_t>();
    for (auto& [field, key] : validate(item.method)) errors.emplace(field, key);
    for (const auto& [field, key] : errors) plan.errors.push_back({"toolbox.import.error.invalid", id + ": " + field});
    read.push_back(std::move(item));
  }
  if (!plan.errors.empty()) return plan;

  // References: an original in the package or here; a team unknown here is left out.
  std::map<std::string, PlanItem*> by_id;
  for (auto& item : read) by_id[item.method.id] = &item;
  for (auto& item : read) {
    auto& m = item.method;
    if (!m.adapted_from.empty() && !by_id.count(m.adapted_from) &&
        c.exec("SELECT 1 FROM toolbox_methods WHERE id = ?", {m.adapted_from}).empty())
      plan.errors.push_back({"toolbox.import.error.broken_reference", m.id + " → " + m.adapted_from});
    if (!m.adapted_by_team.empty() && c.exec("SELECT 1 FROM teams WHERE id = ?", {m.adapted_by_team}).empty()) {
      plan.warnings.push_back({"toolbox.import.warning.team", m.id + ": " + m.adapted_by_team});
      m.adapted_by_team.clear();
    }
  }
  if (!plan.errors.empty()) return plan;

  // Originals before their adaptations (a cycle is an error: no order exists).
  std::set<std::string> placed;
  std::vector<PlanItem*> ordered;
  std::function<bool(PlanItem*, int)> place = [&](PlanItem* item, int depth) {
    if (placed.count(item->method.id)) return true;
    if (depth > static_cast<int>(read.size())) return false;
    if (auto parent = by_id.find(item->method.adapted_from); parent != by_id.end())
      if (!place(parent->second, depth + 1)) return false;
    placed.insert(item->method.id);
    ordered.push_back(item);
    return true;
  };
  for (auto& item : read)
    if (!place(&item, 0)) return fail("cycle", item.method.id);

  // Compare with what is here.
  for (auto* item : ordered) {
    auto& m = item->method;
    if (auto local = load_method(c, m.id)) {
      item->local_id = local->id;
      if (comparable(*local) == comparable(m)) item->kind = PlanItem::Kind::unchanged;
      else {
        item->kind = PlanItem::Kind::conflict;
        // Changed here after the version the package was made from.
        item->conflict = local->version > m.version ? "changed_since" : "same_id";
      }
    } else {
      for (const auto& [lang, t] : m.translations) {
        auto r = c.exec("SELECT method_id FROM toolbox_translations WHERE LOWER(name) = ? LIMIT 1", {lower(t.name)});
        if (!r.empty()) {
          item->kind = PlanItem::Kind::conflict;
          item->conflict = "same_name";
          item->local_id = r.rows[0].text(0);
          break;
        }
      }
    }
    plan.items.push_back(std::move(*item));
  }
  return plan;
}

std::int64_t apply_import(Writer& w, const ImportPlan& plan, bool take_theirs) {
  if (!plan.errors.empty()) throw std::logic_error("a package with errors is not imported");
  std::int64_t written = 0;
  std::set<std::string> present;
  for (const auto& item : plan.items) {
    Method m = item.method;
    // An original that was skipped (same name) is not here: the adaptation comes without its lineage.
    if (!m.adapted_from.empty() && w.db.exec("SELECT 1 FROM toolbox_methods WHERE id = ?", {m.adapted_from}).empty())
      m.adapted_from.clear();
    if (item.kind == PlanItem::Kind::create || (item.kind == PlanItem::Kind::conflict && item.conflict == "same_name" && take_theirs)) {
      m.version = 0;
      m.created_by.reset();
      insert_method(w, m, "import");
      ++written;
    } else if (item.kind == PlanItem::Kind::conflict && take_theirs) {
      auto local = load_method(w.db, item.local_id);
      if (!local || local->status == "archived") continue;  // an archived method is restored first, by hand
      update_method(w, *local, m, local->version, "import");
      ++written;
    }
  }
  w.audit("toolbox.import", "toolbox.method", "", std::to_string(written));
  return written;
}

std::string_view starter_package() {
  auto f = embedded::find("toolbox/starter/methods.json");
  if (!f) throw std::runtime_error("the starter methods are not compiled in");
  return *f;
}

std::int64_t load_starter(Writer& w) {
  ImportPlan plan = plan_import(w.db, starter_package());
  if (!plan.errors.empty())
    throw std::runtime_error("the starter package is invalid: " + plan.errors[0].key + " " + plan.errors[0].subject);
  return apply_import(w, plan, false);
}

// ---- commands ------------------------------------------------------------------------------

namespace {

std::string english(const PackageError& e) {
  const auto& catalog = i18n::Catalog::embedded();
  return catalog.text(i18n::Lang::en, e.key) + (e.subject.empty() ? "" : " (" + e.subject + ")");
}

struct CommandOptions {
  std::string file, out;
  bool dry_run = false, take_theirs = false, starter = false;
};

int import_command(store::Database& db, const CommandOptions& o) {
  std::string bytes;
  if (o.starter) bytes = std::string(starter_package());
  else {
    std::ifstream in(o.file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + o.file);
    std::ostringstream s;
    s << in.rdbuf();
    bytes = s.str();
  }
  return store::in_transaction(db, [&](store::Connection& c) {
    auto now = static_cast<std::int64_t>(std::time(nullptr));
    ImportPlan plan = plan_import(c, bytes);
    for (const auto& e : plan.errors) std::fprintf(stderr, "error: %s\n", english(e).c_str());
    if (!plan.errors.empty()) {
      std::fprintf(stderr, "nothing imported\n");
      return 2;
    }
    for (const auto& wn : plan.warnings) std::fprintf(stderr, "warning: %s\n", english(wn).c_str());
    for (const auto& i : plan.items)
      if (i.kind == PlanItem::Kind::conflict)
        std::printf("conflict: %s (%s with %s)\n", i.method.id.c_str(), i.conflict.c_str(), i.local_id.c_str());
    std::printf("%lld new, %lld unchanged, %lld conflicts\n", static_cast<long long>(plan.count(PlanItem::Kind::create)),
                static_cast<long long>(plan.count(PlanItem::Kind::unchanged)),
                static_cast<long long>(plan.count(PlanItem::Kind::conflict)));
    if (o.dry_run) {
      std::printf("dry run: nothing written\n");
      return 0;
    }
    Writer w(c, now);
    std::printf("%lld methods written\n", static_cast<long long>(apply_import(w, plan, o.take_theirs)));
    return 0;
  });
}

int export_command(store::Database& db, const CommandOptions& o) {
  auto lease = db.acquire();
  std::vector<std::string> ids;
  for (const auto& r : lease->exec("SELECT id FROM toolbox_methods ORDER BY id").rows) ids.push_back(r.text(0));
  auto doc = export_package(load_methods(*lease, ids), static_cast<std::int64_t>(std::time(nullptr)));
  add_attachment_metadata(*lease, doc);
  std::string text = doc.dump(2) + "\n";
  if (o.out.empty() || o.out == "-") std::fwrite(text.data(), 1, text.size(), stdout);
  else {
    std::ofstream out(o.out, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + o.out);
  }
  return 0;
}

}  // namespace

void add_bench_command(app::CommandLine& cl);  // bench_data.cpp

void add_commands(app::CommandLine& cl) {
  static CommandOptions options;
  auto* group = cl.group("toolbox", "The toolbox of methods: import and export packages");
  auto* imp = cl.add(group, "import", "Import a toolbox package (JSON); shows the plan and the conflicts first", 1,
                     [](store::Database& db, const app::CommandLine::Store&) { return import_command(db, options); });
  imp->add_option("file", options.file, "The package file (package.schema.json)");
  imp->add_flag("--starter", options.starter, "Import the compiled-in starter methods instead of a file");
  imp->add_flag("--dry-run", options.dry_run, "Show the plan and the conflicts, write nothing");
  imp->add_flag("--take-theirs", options.take_theirs,
                "On a conflict write the package's method (a new version of the one here, or a new method beside it)");
  auto* exp = cl.add(group, "export", "Write every method as a toolbox package (JSON)", 1,
                     [](store::Database& db, const app::CommandLine::Store&) { return export_command(db, options); });
  exp->add_option("--out", options.out, "The file to write (default: standard output)");
  add_bench_command(cl);
}

}  // namespace samen::toolbox
