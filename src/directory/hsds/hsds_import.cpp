// HSDS 3.0 import: reading CSV packages and JSON, validation, and the
// upsert of the valid records (see hsds_import.hpp).
#include "directory/hsds/hsds_import.hpp"

#include <algorithm>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "directory/hsds/hsds_objects.hpp"
#include "http/forms.hpp"
#include "util/csv.hpp"
#include "util/text.hpp"

namespace samen::directory::hsds {

namespace fs = std::filesystem;

namespace {

constexpr int kMaxJsonDepth = 16;
constexpr std::size_t kChunk = 500;

// The JSON files of an export folder, with the kind of object they hold.
constexpr std::pair<std::string_view, std::string_view> kJsonFiles[] = {
    {"taxonomies.json", "taxonomies"},
    {"taxonomy_terms.json", "taxonomy_terms"},
    {"organizations.json", "organizations"},
    {"services.json", "services"},
    {"service_at_locations.json", "service_at_locations"},
};

// A value quoted for a message: at most 60 bytes, cut on a character boundary.
std::string excerpt(std::string_view v) {
  std::string_view shown = text::utf8_prefix(v, 60);
  std::string out = "\"";
  for (char c : shown) {
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out.push_back(c);
  }
  return out + (shown.size() < v.size() ? "…\"" : "\"");
}

std::string megabytes(std::uintmax_t bytes) {
  std::ostringstream o;
  o.precision(1);
  o << std::fixed << static_cast<double>(bytes) / (1024.0 * 1024.0) << " MB";
  return o.str();
}

void rank_file(ImportPackage& pkg, const std::string& file) {
  pkg.file_rank.emplace(file, pkg.file_rank.size());
}

void file_problem(ImportPackage& pkg, const std::string& file, std::string where, std::string field, std::string reason,
                  bool blocking = true) {
  rank_file(pkg, file);
  pkg.problems.push_back({file, std::move(where), std::move(field), std::move(reason), blocking, 0});
}

void record_problem(ImportPackage& pkg, ImportRecord& rec, std::string field, std::string reason) {
  rec.invalid = true;
  pkg.problems.push_back({rec.file, rec.where, std::move(field), std::move(reason), true, rec.seq});
}

ImportRecord new_record(ImportPackage& pkg, const Table& t, const std::string& file, std::string where) {
  ImportRecord rec;
  rec.table = &t;
  rec.values.resize(t.fields.size());
  rec.file = file;
  rec.where = std::move(where);
  rec.seq = pkg.next_seq++;
  return rec;
}

// The line of the first byte that is not UTF-8.
std::size_t first_bad_utf8_line(std::string_view text) {
  std::size_t line = 1, start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (!text::valid_utf8(text.substr(start, end - start))) return line;
    ++line;
    start = end + 1;
  }
  return line;
}

bool too_big(ImportPackage& pkg, const fs::path& p, std::size_t max_bytes) {
  std::error_code ec;
  auto size = fs::file_size(p, ec);
  if (ec) {
    file_problem(pkg, p.filename().string(), "-", "-", "cannot be read: " + ec.message());
    return true;
  }
  if (size <= max_bytes) return false;
  file_problem(pkg, p.filename().string(), "-", "-",
               "the file is " + megabytes(size) + "; files over " + megabytes(max_bytes) +
                   " are not imported (split the data, or raise the limit with --max-file-mb)");
  return true;
}

std::string row_label(const csv::Reader& r) {
  std::string s = "row " + std::to_string(r.records());
  if (r.record_line() != r.records()) s += " (line " + std::to_string(r.record_line()) + ")";
  return s;
}

// `file`: the name problems are reported under (the package's own file name).
void read_csv_stream(ImportPackage& pkg, std::istream& in, const Table& t, const std::string& file) {
  rank_file(pkg, file);
  csv::Reader reader(in);
  std::vector<csv::Field> fields;
  std::vector<std::optional<std::size_t>> columns;
  try {
    if (!reader.next(fields)) return;  // an empty file: no rows
    std::set<std::string> seen;
    for (const auto& f : fields) {
      if (!text::valid_utf8(f.text)) return file_problem(pkg, file, "row 1", "-", "the header is not valid UTF-8");
      if (!seen.insert(f.text).second)
        return file_problem(pkg, file, "row 1", f.text, "the column appears twice in the header");
      auto idx = t.index_of(f.text);
      if (!idx)
        file_problem(pkg, file, "row 1", f.text,
                     "ignored: not a column of the " + std::string(t.extension ? "Samen extension" : "HSDS 3.0") +
                         " table " + t.name,
                     false);
      columns.push_back(idx);
    }
    for (const auto& k : t.key)  // the required columns of the key (a team area's neighbourhood may be left out)
      if (t.field(k)->required && !seen.count(k)) return file_problem(pkg, file, "row 1", k, "the header has no " + k + " column");
    while (reader.next(fields)) {
      ImportRecord rec = new_record(pkg, t, file, row_label(reader));
      if (fields.size() != columns.size())
        record_problem(pkg, rec, "-",
                       "has " + std::to_string(fields.size()) + " fields where the header has " +
                           std::to_string(columns.size()));
      for (std::size_t i = 0; i < std::min(fields.size(), columns.size()); ++i) {
        if (!columns[i]) continue;
        if (!text::valid_utf8(fields[i].text)) record_problem(pkg, rec, t.fields[*columns[i]].name, "is not valid UTF-8");
        rec.values[*columns[i]] = fields[i].value();
      }
      pkg.records.push_back(std::move(rec));
    }
  } catch (const csv::Error& e) {
    file_problem(pkg, file, "line " + std::to_string(e.line), "-",
                 std::string(e.what()) + "; the rest of the file is not read");
  }
}

// Reads nested HSDS JSON objects into records, filling link columns from
// the nesting (a phone inside a service gets service_id) and merging the
// repeats of one record (the same phone under a service and its location).
class JsonReader {
 public:
  JsonReader(ImportPackage& pkg, std::string file) : pkg_(pkg), file_(std::move(file)) {}

  using Defaults = std::vector<std::pair<std::string_view, std::string>>;

  std::optional<std::string> read(const nlohmann::json& j, const Table& t, const std::string& path,
                                  const Defaults& defaults, int depth) {
    if (depth > kMaxJsonDepth) {
      file_problem(pkg_, file_, path, "-", "objects are nested too deeply (more than 16 levels)");
      return std::nullopt;
    }
    if (!j.is_object()) {
      file_problem(pkg_, file_, path, "-", "expected an object (an HSDS " + t.resource + ")");
      return std::nullopt;
    }
    ImportRecord rec = new_record(pkg_, t, file_, path);
    std::vector<std::pair<const Relation*, const nlohmann::json*>> children;
    const nlohmann::json* attributes = nullptr;
    const nlohmann::json* metadata = nullptr;
    auto relations = relations_of(t.name);
    for (const auto& item : j.items()) {
      // Plain names rather than a structured binding: clang 14 cannot capture bindings in lambdas.
      const std::string& key = item.key();
      const nlohmann::json& value = item.value();
      if (auto idx = t.index_of(key)) {
        read_value(rec, t.fields[*idx], *idx, value);
      } else if (key == "attributes" && has_attributes(t.name)) {
        attributes = &value;
      } else if (key == "metadata" && has_metadata(t.name)) {
        metadata = &value;
      } else if (auto r = std::find_if(relations.begin(), relations.end(), [&](const Relation* x) { return x->key == key; });
                 r != relations.end()) {
        children.emplace_back(*r, &value);
      } else {
        file_problem(pkg_, file_, path, key, "ignored: not a field of an HSDS 3.0 " + t.resource, false);
      }
    }
    for (const auto& [column, value] : defaults)
      if (auto i = t.index_of(column); i && !rec.values[*i]) rec.values[*i] = value;
    std::optional<std::string> id = rec.values[0];
    // A one-to-one child that belongs to an organisation (a service's
    // program) takes the enclosing record's organisation when it names none,
    // so it is read after the children that may give that (the organization).
    std::stable_partition(children.begin(), children.end(), [](const auto& child) {
      return child.first->many || !table_named(child.first->table)->index_of("organization_id");
    });
    const auto own_org = t.index_of("organization_id");
    for (const auto& child : children) {
      const Relation* rel = child.first;
      const nlohmann::json* value = child.second;
      const Table& ct = *table_named(rel->table);
      std::string at = path + "." + std::string(rel->key);
      if (rel->many) {
        each_in_list(*value, at, [&](const nlohmann::json& item, const std::string& p) {
          read(item, ct, p, id ? Defaults{{rel->link, *id}} : Defaults{}, depth + 1);
        });
      } else if (auto child_id = read(*value, ct, at, inherited_organization(rec, own_org, ct), depth + 1)) {
        auto li = *t.index_of(rel->link);
        if (!rec.values[li]) rec.values[li] = *child_id;
      }
    }
    // Attributes name their record's type: HSDS's resource name, or for one
    // of Samen's extension tables (x_samen_team) the type translations use (team).
    std::string resource = t.extension ? t.resource.substr(kExtensionResourcePrefix.size()) : t.resource;
    if (attributes)
      each_in_list(*attributes, path + ".attributes", [&](const nlohmann::json& item, const std::string& p) {
        read(item, *table_named("attributes"), p, id ? Defaults{{"link_id", *id}, {"link_entity", resource}} : Defaults{},
             depth + 1);
      });
    if (metadata)
      each_in_list(*metadata, path + ".metadata", [&](const nlohmann::json& item, const std::string& p) {
        read(item, *table_named("metadata"), p,
             id ? Defaults{{"resource_id", *id}, {"resource_type", resource}} : Defaults{}, depth + 1);
      });
    add(std::move(rec));
    return id;
  }

 private:
  // {organization_id: the record's own} for a child table that has the column.
  static Defaults inherited_organization(const ImportRecord& rec, std::optional<std::size_t> own_org, const Table& child) {
    if (!own_org || !rec.values[*own_org] || !child.index_of("organization_id")) return {};
    return {{"organization_id", *rec.values[*own_org]}};
  }

  void each_in_list(const nlohmann::json& list, const std::string& path,
                    const std::function<void(const nlohmann::json&, const std::string&)>& fn) {
    if (!list.is_array()) {
      file_problem(pkg_, file_, path, "-", "expected a list");
      return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) fn(list[i], path + "[" + std::to_string(i) + "]");
  }

  void read_value(ImportRecord& rec, const Field& f, std::size_t idx, const nlohmann::json& v) {
    bool number = f.type == FieldType::number;
    if (v.is_null()) return;
    if (v.is_string()) {
      if (number) return record_problem(pkg_, rec, f.name, "must be a number, not a string (" + excerpt(v.get_ref<const std::string&>()) + ")");
      rec.values[idx] = v.get<std::string>();
    } else if (v.is_number()) {
      if (!number) return record_problem(pkg_, rec, f.name, "must be a string, not a number (" + v.dump() + ")");
      rec.values[idx] = format_number(v.get<double>());
    } else {
      record_problem(pkg_, rec, f.name, std::string("must be a ") + (number ? "number" : "string") + ", not " + v.type_name());
    }
  }

  void add(ImportRecord rec) {
    if (!rec.id()) {
      pkg_.records.push_back(std::move(rec));
      return;
    }
    std::string key = rec.table->name + "/" + *rec.id();
    auto it = pkg_.json_ids.find(key);
    if (it == pkg_.json_ids.end()) {
      pkg_.json_ids.emplace(key, pkg_.records.size());
      pkg_.records.push_back(std::move(rec));
      return;
    }
    ImportRecord& first = pkg_.records[it->second];
    for (std::size_t i = 0; i < rec.values.size(); ++i) {
      if (!rec.values[i]) continue;
      if (!first.values[i]) {
        first.values[i] = rec.values[i];
      } else if (*first.values[i] != *rec.values[i]) {
        record_problem(pkg_, rec, rec.table->fields[i].name,
                       "differs from the same " + rec.table->resource + " at " + first.where + " (" +
                           excerpt(*rec.values[i]) + " vs " + excerpt(*first.values[i]) + ")");
      }
    }
    if (rec.invalid) first.invalid = true;
  }

  ImportPackage& pkg_;
  std::string file_;
};

const Table* kind_table(std::string_view kind) {
  if (kind == "services") return table_named("services");
  if (kind == "organizations") return table_named("organizations");
  if (kind == "service_at_locations") return table_named("service_at_location");
  if (kind == "locations") return table_named("locations");
  if (kind == "taxonomies") return table_named("taxonomies");
  if (kind == "taxonomy_terms") return table_named("taxonomy_terms");
  for (const auto& t : tables())  // Samen's extension tables: flat rows
    if (t.extension && kind == t.name) return &t;
  return nullptr;
}

// Fields and tables of HSDS 1.x and 2.0 that 3.0 renamed: their presence
// names the version rather than leaving the reader with unknown fields.
constexpr std::string_view kOldHsdsNames[] = {"regular_schedules", "holiday_schedules", "physical_addresses",
                                              "postal_addresses",  "service_taxonomy",  "service_taxonomys",
                                              "payment_accepted",  "payment_accepteds", "eligibility",
                                              "eligibilitys"};

std::string old_version_problem(std::string_view found) {
  return "written in HSDS 1.x or 2.0 (it has " + std::string(found) +
         "): Samen reads HSDS 3.0; convert it first (e.g. with Open Referral's HSDS transformer)";
}

// What an object is when the file does not say, and why: by the fields only
// one kind has. `refusal` instead when it is no HSDS 3.0 record at all.
struct Detected {
  const Table* table = nullptr;
  std::string why;      // "it has service and location"
  std::string refusal;  // set when the object is not read
};

Detected found(const Table* t, std::string why) { return {t, std::move(why), ""}; }
Detected refused(std::string why) { return {nullptr, "", std::move(why)}; }

Detected detect_table(const nlohmann::json& j) {
  if (!j.is_object()) return refused("expected an object (an HSDS service or organization)");
  auto first_of = [&](std::initializer_list<const char*> keys) -> std::string {
    for (auto k : keys)
      if (j.contains(k)) return k;
    return "";
  };
  for (auto old : kOldHsdsNames)
    if (j.contains(old)) return refused(old_version_problem(old));
  if (j.contains("openapi_url") || (j.contains("profile") && !j.contains("id")))
    return refused("an HSDS API description (api_details: version, profile, openapi_url), not a record: "
                 "nothing to import");
  // service_at_location first: it may carry service_areas and other fields of a service.
  if (auto k = first_of({"service", "location"}); !k.empty())
    return found(table_named("service_at_location"), "it has " + k);
  if (j.contains("service_id") && j.contains("location_id"))
    return found(table_named("service_at_location"), "it has service_id and location_id");
  if (auto k = first_of({"status", "service_at_locations", "program_id", "eligibility_description", "service_areas"});
      !k.empty())
    return found(table_named("services"), "it has " + k);
  if (auto k = first_of({"location_type", "latitude", "longitude", "addresses"}); !k.empty())
    return found(table_named("locations"), "it has " + k);
  if (auto k = first_of({"taxonomy_detail", "parent_id", "term_uri", "taxonomy_id", "code"}); !k.empty())
    return found(table_named("taxonomy_terms"), "it has " + k);
  if (j.contains("version") && first_of({"services", "locations", "programs", "email", "website"}).empty())
    return found(table_named("taxonomies"), "it has version");
  return found(table_named("organizations"), "no field of another kind");
}

void read_json_file(ImportPackage& pkg, const fs::path& p, const std::string& kind, std::size_t max_bytes) {
  std::string file = p.filename().string();
  rank_file(pkg, file);
  if (too_big(pkg, p, max_bytes)) return;
  std::ifstream in(p, std::ios::binary);
  if (!in) return file_problem(pkg, file, "-", "-", "cannot be opened");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  read_json_text(pkg, text, file, kind);
}

// The resources a datapackage descriptor lists: table and file (relative to
// the package folder). Every resource that cannot be read as a table of HSDS
// 3.0 or Samen's extensions is a blocking problem: a package whose tables
// are silently lost must not import as if complete.
struct PackageFile {
  const Table* table = nullptr;
  std::string path;
};

std::vector<PackageFile> descriptor_files(ImportPackage& pkg, const nlohmann::json& resources) {
  std::vector<PackageFile> files;
  std::set<const Table*> seen;
  constexpr const char* kDp = "datapackage.json";
  for (std::size_t i = 0; i < resources.size(); ++i) {
    const auto& r = resources[i];
    const std::string where = "resources[" + std::to_string(i) + "]";
    if (!r.is_object()) {
      file_problem(pkg, kDp, where, "-", "is not a resource (an object with name and path)");
      continue;
    }
    const std::string name = r.contains("name") && r["name"].is_string() ? r["name"].get<std::string>() : "";
    if (std::find(std::begin(kOldHsdsNames), std::end(kOldHsdsNames), name) != std::end(kOldHsdsNames)) {
      file_problem(pkg, kDp, where, "name", "the package is " + old_version_problem("the resource " + name));
      continue;
    }
    const Table* t = table_for_resource(name);
    if (!t) t = table_named(name);
    if (!t) {
      file_problem(pkg, kDp, where, "name",
                   "unknown resource " + excerpt(name) + ": not a table of HSDS 3.0 or Samen, not read");
      continue;
    }
    if (!r.contains("path") || !r["path"].is_string()) {
      file_problem(pkg, kDp, where, "path",
                   "resource " + name + " has no single file path (inline data and lists of files are not read)");
      continue;
    }
    const std::string path = r["path"].get<std::string>();
    const fs::path rel(path);
    if (path.find("://") != std::string::npos || rel.is_absolute() || path.find("..") != std::string::npos ||
        rel.extension() != ".csv") {
      file_problem(pkg, kDp, where, "path",
                   "resource " + name + ": " + excerpt(path) + " is not a CSV file inside the package folder, not read");
      continue;
    }
    if (!seen.insert(t).second) {
      file_problem(pkg, kDp, where, "name", "resource " + name + " is listed twice");
      continue;
    }
    files.push_back({t, path});
  }
  return files;
}

// The files of a tabular package: those its descriptor lists (`described`),
// or (without a descriptor, or one listing nothing) HSDS's own file names.
struct PackageFiles {
  std::vector<PackageFile> files;
  bool described = false;
};

PackageFiles package_files(ImportPackage& pkg, const fs::path& dir, std::size_t max_bytes) {
  auto dp = dir / "datapackage.json";
  if (!fs::exists(dp)) {
    file_problem(pkg, "datapackage.json", "-", "-", "missing: the CSV files are read as HSDS 3.0 tables", false);
  } else {
    rank_file(pkg, "datapackage.json");
    if (!too_big(pkg, dp, max_bytes)) {
      std::ifstream in(dp, std::ios::binary);
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      auto doc = nlohmann::json::parse(text, nullptr, false);
      const bool listed = !doc.is_discarded() && doc.is_object() && doc.contains("resources") && doc["resources"].is_array();
      if (listed && !doc["resources"].empty()) return {descriptor_files(pkg, doc["resources"]), true};
      if (listed)
        file_problem(pkg, "datapackage.json", "-", "-", "lists no resources: the CSV files are read as HSDS 3.0 tables",
                     false);
      else
        file_problem(pkg, "datapackage.json", "-", "-",
                     "is not a datapackage descriptor (JSON with a list of \"resources\")");
    }
  }
  PackageFiles found;
  for (const auto& t : tables()) found.files.push_back({&t, t.file});
  return found;
}

void read_tabular(ImportPackage& pkg, const fs::path& dir, std::size_t max_bytes) {
  const auto [files, described] = package_files(pkg, dir, max_bytes);
  std::set<std::string> known;
  for (const auto& [table, path] : files) {
    known.insert(fs::path(path).lexically_normal().string());
    auto p = dir / path;
    if (!fs::exists(p)) {
      // A listed resource must be there; without a descriptor an absent table is empty.
      if (described) file_problem(pkg, path, "-", "-", "listed in datapackage.json (" + table->resource + ") but missing");
      continue;
    }
    rank_file(pkg, path);
    if (too_big(pkg, p, max_bytes)) continue;
    std::ifstream in(p, std::ios::binary);
    if (!in || fs::is_directory(p)) {
      file_problem(pkg, path, "-", "-", "cannot be opened");
      continue;
    }
    read_csv_stream(pkg, in, *table, path);
  }
  for (const auto& entry : fs::directory_iterator(dir)) {
    auto name = entry.path().filename().string();
    if (entry.path().extension() != ".csv" || known.count(name)) continue;
    const std::string stem = entry.path().stem().string();
    if (std::find(std::begin(kOldHsdsNames), std::end(kOldHsdsNames), stem) != std::end(kOldHsdsNames))
      file_problem(pkg, name, "-", "-", "the package is " + old_version_problem("the table " + stem));
    else
      file_problem(pkg, name, "-", "-",
                   described ? "ignored: not listed in datapackage.json" : "ignored: not a table of HSDS 3.0", false);
  }
}

bool has_json_files(const fs::path& dir) {
  for (const auto& [name, kind] : kJsonFiles)
    if (fs::exists(dir / name)) return true;
  return false;
}

bool has_csv_tables(const fs::path& dir) {
  for (const auto& t : tables())
    if (fs::exists(dir / t.file)) return true;
  return false;
}

// The JSON file of one of Samen's extension tables: x_samen_teams.json.
std::string extension_json_file(const Table& t) { return fs::path(t.file).replace_extension(".json").string(); }

void read_json_folder(ImportPackage& pkg, const fs::path& dir, std::size_t max_bytes) {
  for (const auto& [name, kind] : kJsonFiles)
    if (fs::exists(dir / name)) read_json_file(pkg, dir / name, std::string(kind), max_bytes);
  for (const auto& t : tables())
    if (t.extension && fs::exists(dir / extension_json_file(t)))
      read_json_file(pkg, dir / extension_json_file(t), t.name, max_bytes);
}

// ---- validation ---------------------------------------------------------

// An empty value in an optional field that has a form (uri, url, e-mail,
// date, number, a list of values) says "nothing": publishers write "uri": ""
// in JSON where CSV leaves the cell empty. It is read as absent, with a warning.
bool empty_means_absent(const Field& f, const std::optional<std::string>& v) {
  return v && v->empty() && !f.required &&
         (f.format != Format::none || f.type != FieldType::string || !f.allowed.empty());
}

void check_fields(ImportPackage& pkg, ImportRecord& rec) {
  const Table& t = *rec.table;
  for (std::size_t i = 0; i < t.fields.size(); ++i) {
    const Field& f = t.fields[i];
    auto& v = rec.values[i];
    if (empty_means_absent(f, v)) {
      v.reset();
      pkg.problems.push_back({rec.file, rec.where, f.name, "is empty: read as absent", false, rec.seq});
      continue;
    }
    if (!v) {
      if (f.required) record_problem(pkg, rec, f.name, "is required");
      continue;
    }
    if (!text::valid_utf8(*v)) continue;  // reported when read
    if (auto why = value_problem(t, f, *v)) record_problem(pkg, rec, f.name, *why + " (" + excerpt(*v) + ")");
  }
}

// The record's primary key as text: its id, or "(a, b, c)" of a link table's columns.
std::string key_text(const ImportRecord& r) {
  if (r.table->has_id()) return r.id().value_or("");
  std::string out;
  for (const auto& k : r.table->key) {
    auto i = r.table->index_of(k);
    out += (out.empty() ? "(" : ", ") + (i && r.values[*i] ? *r.values[*i] : std::string());
  }
  return out + ")";
}

void check_duplicates(ImportPackage& pkg) {
  std::unordered_map<std::string, std::vector<std::size_t>> by_key;
  for (std::size_t i = 0; i < pkg.records.size(); ++i) {
    const auto& r = pkg.records[i];
    if (!r.table->has_id() || r.id()) by_key[r.table->name + "/" + key_text(r)].push_back(i);
  }
  for (const auto& [key, group] : by_key) {
    if (group.size() < 2) continue;
    for (auto i : group) {
      std::string others;
      for (auto k : group)
        if (k != i) others += (others.empty() ? "" : ", ") + pkg.records[k].where;
      const auto& r = pkg.records[i];
      if (r.table->has_id()) {
        record_problem(pkg, pkg.records[i], "id", "the id " + *r.id() + " is used again at " + others);
      } else {
        std::string columns;
        for (const auto& k : r.table->key) columns += (columns.empty() ? "" : ", ") + k;
        record_problem(pkg, pkg.records[i], columns,
                       "the row " + key_text(r) + " is given again at " + others);
      }
    }
  }
}

std::string value_of(const ImportRecord& r, std::string_view field) {
  auto i = r.table->index_of(field);
  return i && r.values[*i] ? *r.values[*i] : std::string();
}

void mark_translations(ImportPackage& pkg) {
  for (auto& rec : pkg.records) {
    const std::string& t = rec.table->name;
    if (t == "taxonomies" && rec.id() == std::string(kTranslationTaxonomyId)) rec.synthetic = true;
    if (t == "taxonomy_terms" && rec.id() && translation_term(*rec.id())) rec.synthetic = true;
    if (t != "attributes" || !translation_term(value_of(rec, "taxonomy_term_id"))) continue;
    rec.translation = true;
    for (auto field : {"link_type", "link_entity"})
      if (value_of(rec, field).empty())
        record_problem(pkg, rec, field, "a translation needs the field name (link_type) and record type (link_entity)");
    if (!rec.values[*rec.table->index_of("value")]) record_problem(pkg, rec, "value", "a translation needs its text");
  }
}

// The field of a table that names a row of the same table (a term's or a team's parent), if any.
const Reference* self_reference(const Table& t) {
  for (const auto& ref : t.references)
    if (ref.table == t.name) return &ref;
  return nullptr;
}

// Terms and teams whose parents (within the package) lead back to themselves.
void check_parent_cycles(ImportPackage& pkg, const Table& table) {
  const Reference* parent = self_reference(table);
  if (!parent) return;
  std::string what = table.name == "taxonomy_terms" ? "term" : "team";
  std::unordered_map<std::string, std::size_t> rows;
  for (std::size_t i = 0; i < pkg.records.size(); ++i) {
    const auto& r = pkg.records[i];
    if (r.table == &table && r.id() && !r.invalid) rows.emplace(*r.id(), i);
  }
  std::unordered_map<std::string, int> state;  // 1 = on the current path, 2 = done
  for (const auto& [start, idx] : rows) {
    std::vector<std::string> path;
    std::string at = start;
    while (rows.count(at) && !state.count(at)) {
      state[at] = 1;
      path.push_back(at);
      at = value_of(pkg.records[rows[at]], parent->field);
    }
    if (state.count(at) && state[at] == 1) {
      auto from = std::find(path.begin(), path.end(), at);
      for (auto it = from; it != path.end(); ++it)
        record_problem(pkg, pkg.records[rows[*it]], parent->field,
                       "the parents of this " + what + " lead back to it (a cycle)");
    }
    for (const auto& p : path) state[p] = 2;
  }
}

// Samen's own rules for a closure or special opening, beyond the types of its fields.
void check_schedule_exceptions(ImportPackage& pkg) {
  for (auto& r : pkg.records) {
    if (r.table->name != "schedule_exceptions") continue;
    if (value_of(r, "service_id").empty() && value_of(r, "location_id").empty())
      record_problem(pkg, r, "service_id", "an exception belongs to a service or a location (service_id or location_id)");
    auto starts = value_of(r, "starts_on"), ends = value_of(r, "ends_on");
    if (is_date(starts) && is_date(ends) && ends < starts)
      record_problem(pkg, r, "ends_on", "is before starts_on (" + ends + " < " + starts + ")");
    if (value_of(r, "closed") != "0") continue;
    auto opens = value_of(r, "opens_at"), closes = value_of(r, "closes_at");
    if (opens.empty() || closes.empty())
      record_problem(pkg, r, opens.empty() ? "opens_at" : "closes_at", "special hours (closed = 0) need opens_at and closes_at");
    else if (is_time(opens) && is_time(closes) && closes <= opens)
      record_problem(pkg, r, "closes_at", "is not after opens_at (" + closes + " <= " + opens + ")");
  }
}

// Which referenced ids already exist in the database, looked up in batches.
class ExistingRows {
 public:
  explicit ExistingRows(store::Connection& c) : c_(c) {}
  void prefetch(const std::string& table, std::vector<std::string> ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    auto& known = known_[table];
    std::erase_if(ids, [&](const std::string& id) { return known.count(id) > 0; });
    for (std::size_t at = 0; at < ids.size(); at += kChunk) {
      std::size_t n = std::min(kChunk, ids.size() - at);
      std::string sql = "SELECT id FROM \"" + table + "\" WHERE id IN (";
      store::Params params;
      for (std::size_t i = 0; i < n; ++i) {
        sql += i ? ", ?" : "?";
        params.emplace_back(ids[at + i]);
        known[ids[at + i]] = false;
      }
      for (const auto& row : c_.exec(sql + ")", params).rows) known[row.text(0)] = true;
    }
  }
  bool has(const std::string& table, const std::string& id) {
    auto& known = known_[table];
    if (auto it = known.find(id); it != known.end()) return it->second;
    prefetch(table, {id});
    return known_[table][id];
  }

 private:
  store::Connection& c_;
  std::unordered_map<std::string, std::unordered_map<std::string, bool>> known_;
};

bool is_synthetic_target(const std::string& table, const std::string& id) {
  return (table == "taxonomies" && id == kTranslationTaxonomyId) || (table == "taxonomy_terms" && translation_term(id));
}

void check_references(ImportPackage& pkg, store::Connection& c) {
  // Every id of the package per table, with whether that record is valid.
  std::unordered_map<std::string, std::unordered_map<std::string, std::size_t>> in_package;
  for (std::size_t i = 0; i < pkg.records.size(); ++i)
    if (pkg.records[i].id()) in_package[pkg.records[i].table->name].emplace(*pkg.records[i].id(), i);
  ExistingRows existing(c);
  {
    std::map<std::string, std::vector<std::string>> absent;  // targets not in the package: look them up at once
    for (const auto& r : pkg.records)
      for (const auto& ref : r.table->references) {
        auto v = value_of(r, ref.field);
        if (!v.empty() && !in_package[ref.table].count(v) && !is_synthetic_target(ref.table, v))
          absent[ref.table].push_back(v);
      }
    for (auto& [table, ids] : absent) existing.prefetch(table, std::move(ids));
  }
  // Every broken reference is reported, also on records invalid for other
  // reasons; a record referring to an invalid one becomes invalid in turn.
  std::set<std::pair<std::size_t, std::string>> reported;
  bool changed = true;
  while (changed) {
    changed = false;
    for (std::size_t i = 0; i < pkg.records.size(); ++i) {
      auto& r = pkg.records[i];
      for (const auto& ref : r.table->references) {
        auto fi = r.table->index_of(ref.field);
        if (!fi || !r.values[*fi] || r.values[*fi]->empty() || reported.count({i, ref.field})) continue;
        const std::string& target = *r.values[*fi];
        if (is_synthetic_target(ref.table, target)) continue;
        auto& ids = in_package[ref.table];
        auto it = ids.find(target);
        bool valid_in_package = it != ids.end() && !pkg.records[it->second].invalid;
        if (valid_in_package || existing.has(ref.table, target)) continue;
        reported.insert({i, ref.field});
        bool was_invalid = r.invalid;
        const std::string& resource = table_named(ref.table)->resource;
        record_problem(pkg, r, ref.field,
                       it != ids.end() ? "refers to " + resource + " " + target + ", which is invalid (see its problems)"
                                       : "refers to " + resource + " " + target +
                                             ", which is neither in the package nor in the database");
        changed = changed || !was_invalid;
      }
    }
  }
}

// The package's valid rows of a table, parents (self_reference) before their children.
std::vector<std::size_t> parents_first(const ImportPackage& pkg, const Reference& parent,
                                       const std::vector<std::size_t>& idx) {
  std::unordered_map<std::string, std::size_t> by_id;
  for (auto i : idx) by_id.emplace(*pkg.records[i].id(), i);
  std::vector<std::size_t> out;
  std::unordered_set<std::size_t> placed;
  std::function<void(std::size_t)> place = [&](std::size_t i) {
    if (placed.count(i)) return;
    placed.insert(i);
    auto up = value_of(pkg.records[i], parent.field);
    if (auto it = by_id.find(up); it != by_id.end() && it->second != i) place(it->second);
    out.push_back(i);
  };
  for (auto i : idx) place(i);
  return out;
}

std::string ident(std::string_view s) { return "\"" + std::string(s) + "\""; }

// Insert, or update a row with the same key when something differs; the rows
// of a link table (all columns are its key) are inserted when absent.
std::string upsert_sql(const Table& t, store::Dialect d) {
  std::string cols, marks, sets, changed, key;
  const char* distinct = d == store::Dialect::postgres ? " IS DISTINCT FROM " : " IS NOT ";
  for (const auto& k : t.key) key += (key.empty() ? "" : ", ") + ident(k);
  for (const auto& f : t.fields) {
    cols += (cols.empty() ? "" : ", ") + ident(f.name);
    marks += marks.empty() ? "?" : ", ?";
    if (std::find(t.key.begin(), t.key.end(), f.name) != t.key.end()) continue;
    sets += (sets.empty() ? "" : ", ") + ident(f.name) + " = excluded." + ident(f.name);
    changed += (changed.empty() ? "" : " OR ") + ident(t.name) + "." + ident(f.name) + distinct + "excluded." +
               ident(f.name);
  }
  if (t.has_stamps) {
    cols += ", created_at, updated_at";
    marks += ", ?, ?";
    sets += ", updated_at = excluded.updated_at";
  }
  std::string insert = "INSERT INTO " + ident(t.name) + " (" + cols + ") VALUES (" + marks + ") ON CONFLICT (" + key + ")";
  if (changed.empty()) return insert + " DO NOTHING";
  return insert + " DO UPDATE SET " + sets + " WHERE " + changed;
}

}  // namespace

std::string ImportProblem::text() const {
  return std::string(blocking ? "" : "warning: ") + file + ", " + where + ", " + field + ", " + reason;
}

bool ImportPackage::has_blocking_problems() const {
  return std::any_of(problems.begin(), problems.end(), [](const ImportProblem& p) { return p.blocking; });
}

std::size_t ImportCounts::total() const {
  std::size_t n = translations;
  for (const auto& [t, c] : rows) n += c;
  return n;
}

void read_csv_text(ImportPackage& pkg, std::string_view text, const Table& table) {
  std::istringstream in{std::string(text)};
  read_csv_stream(pkg, in, table, table.file);
}

void read_json_text(ImportPackage& pkg, std::string_view text, const std::string& file, const std::string& kind) {
  rank_file(pkg, file);
  if (!text::valid_utf8(text))
    return file_problem(pkg, file, "line " + std::to_string(first_bad_utf8_line(text)), "-", "is not valid UTF-8");
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    if (auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
    return file_problem(pkg, file, "byte " + std::to_string(e.byte), "-", "is not valid JSON: " + what);
  }
  JsonReader reader(pkg, file);
  const Table* fixed = kind_table(kind);
  auto one = [&](const nlohmann::json& obj, const std::string& path) {
    if (fixed) {
      reader.read(obj, *fixed, path, {}, 0);
      return;
    }
    const Detected d = detect_table(obj);
    if (!d.table) return file_problem(pkg, file, path, "-", d.refusal);
    const std::size_t problems_before = pkg.problems.size();
    reader.read(obj, *d.table, path, {}, 0);
    // What it was taken for, so that its problems can be read in that light.
    if (pkg.problems.size() > problems_before)
      file_problem(pkg, file, path, "-", "read as an HSDS 3.0 " + d.table->resource + " (" + d.why + ")", false);
  };
  const nlohmann::json* list = nullptr;
  std::string base = "$";
  if (doc.is_array()) {
    list = &doc;
  } else if (doc.is_object() && doc.contains("contents") && doc["contents"].is_array()) {
    list = &doc["contents"];  // an HSDS page
    base = "$.contents";
  }
  if (list) {
    for (std::size_t i = 0; i < list->size(); ++i) one((*list)[i], base + "[" + std::to_string(i) + "]");
  } else if (doc.is_object()) {
    one(doc, "$");
  } else {
    file_problem(pkg, file, "$", "-", "expected an object or a list of objects");
  }
}

ImportPackage read_package(const fs::path& path, std::size_t max_file_bytes) {
  ImportPackage pkg;
  std::error_code ec;
  if (!fs::exists(path, ec)) throw std::runtime_error("no such file or folder: " + path.string());
  if (!fs::is_directory(path)) {
    auto name = path.filename().string();
    std::string kind;
    for (const auto& [file, k] : kJsonFiles)
      if (name == file) kind = k;
    for (const auto& t : tables())
      if (t.extension && name == extension_json_file(t)) kind = t.name;
    read_json_file(pkg, path, kind, max_file_bytes);
    return pkg;
  }
  if (fs::exists(path / "datapackage.json")) {
    read_tabular(pkg, path, max_file_bytes);
  } else if (fs::exists(path / "csv" / "datapackage.json")) {
    read_tabular(pkg, path / "csv", max_file_bytes);  // the folder of an export
  } else if (has_json_files(path)) {
    read_json_folder(pkg, path, max_file_bytes);
  } else if (has_csv_tables(path)) {
    read_tabular(pkg, path, max_file_bytes);
  } else {
    throw std::runtime_error(path.string() +
                             " is neither an HSDS datapackage (datapackage.json and CSV files) nor a folder of HSDS "
                             "JSON files (services.json, organizations.json, ...)");
  }
  return pkg;
}

void validate_package(ImportPackage& pkg, store::Connection& c) {
  for (auto& rec : pkg.records) check_fields(pkg, rec);
  check_duplicates(pkg);
  mark_translations(pkg);
  for (const auto& t : tables()) check_parent_cycles(pkg, t);
  check_schedule_exceptions(pkg);
  check_references(pkg, c);
  std::stable_sort(pkg.problems.begin(), pkg.problems.end(), [&](const ImportProblem& a, const ImportProblem& b) {
    auto ra = pkg.file_rank[a.file], rb = pkg.file_rank[b.file];
    return ra != rb ? ra < rb : a.seq < b.seq;
  });
}

ImportCounts write_package(const ImportPackage& pkg, store::Connection& c, std::int64_t now) {
  ImportCounts counts;
  std::unordered_map<std::string, std::vector<std::size_t>> by_table;
  for (std::size_t i = 0; i < pkg.records.size(); ++i) {
    const auto& r = pkg.records[i];
    if (r.invalid) {
      ++counts.skipped;
      continue;
    }
    if (r.synthetic) continue;
    by_table[r.translation ? std::string("translations") : r.table->name].push_back(i);
  }
  for (const auto& t : tables()) {
    auto it = by_table.find(t.name);
    if (it == by_table.end()) continue;
    const Reference* parent = self_reference(t);
    auto order = parent ? parents_first(pkg, *parent, it->second) : it->second;
    std::string sql = upsert_sql(t, c.dialect());
    for (auto i : order) {
      const auto& r = pkg.records[i];
      store::Params params;
      for (std::size_t f = 0; f < t.fields.size(); ++f) {
        const auto& v = r.values[f];
        if (!v) params.emplace_back(t.fields[f].empty_when_null ? store::Param(std::string()) : store::Param(nullptr));
        else if (t.fields[f].type == FieldType::number) params.emplace_back(*parse_number(*v));
        else params.emplace_back(*v);
      }
      if (t.has_stamps) {
        params.emplace_back(now);
        params.emplace_back(now);
      }
      counts.changed += static_cast<std::size_t>(c.exec(sql, params).affected);
      ++counts.rows[t.name];
    }
  }
  if (auto it = by_table.find("translations"); it != by_table.end()) {
    const char* distinct = c.dialect() == store::Dialect::postgres ? " IS DISTINCT FROM " : " IS NOT ";
    std::string sql =
        "INSERT INTO translations (resource_type, resource_id, field, lang, value) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (resource_type, resource_id, field, lang) DO UPDATE SET value = excluded.value WHERE "
        "translations.value" + std::string(distinct) + "excluded.value";
    for (auto i : it->second) {
      const auto& r = pkg.records[i];
      auto* term = translation_term(value_of(r, "taxonomy_term_id"));
      counts.changed += static_cast<std::size_t>(
          c.exec(sql, {value_of(r, "link_entity"), value_of(r, "link_id"), value_of(r, "link_type"),
                       std::string(term->lang), value_of(r, "value")})
              .affected);
      ++counts.translations;
    }
  }
  return counts;
}

ImportReport import_hsds(store::Database& db, const fs::path& path, const ImportOptions& options) {
  ImportPackage pkg = read_package(path, options.max_file_bytes);
  ImportReport report;
  store::in_transaction(db, [&](store::Connection& c) {
    validate_package(pkg, c);
    if (pkg.has_blocking_problems() && !options.skip_invalid) return;
    report.counts = write_package(pkg, c, options.now);
    report.committed = true;
  });
  if (!report.committed)
    for (const auto& r : pkg.records) report.counts.skipped += r.invalid ? 1 : 0;
  report.problems = std::move(pkg.problems);
  return report;
}

}  // namespace samen::directory::hsds
