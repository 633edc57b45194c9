// HSDS 3.0 export: the CSV datapackage and the JSON files (see hsds_export.hpp).
#include "directory/hsds/hsds_export.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "directory/hsds/hsds_objects.hpp"
#include "util/csv.hpp"

namespace samen::directory::hsds {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kBatch = 200;  // objects assembled per round of queries

class OutFile {
 public:
  explicit OutFile(const fs::path& p) : path_(p), out_(p, std::ios::binary | std::ios::trunc) {
    if (!out_) throw std::runtime_error("cannot write " + p.string());
  }
  void write(const std::string& s) {
    out_.write(s.data(), static_cast<std::streamsize>(s.size()));
    if (!out_) throw std::runtime_error("cannot write " + path_.string());
  }
  void close() {
    out_.close();
    if (!out_) throw std::runtime_error("cannot write " + path_.string());
  }

 private:
  fs::path path_;
  std::ofstream out_;
};

std::string select_all(const Table& t, store::Dialect d) {
  std::string cols, order;
  for (const auto& f : t.fields) cols += (cols.empty() ? "\"" : ", \"") + f.name + "\"";
  if (t.has_id()) return "SELECT " + cols + " FROM \"" + t.name + "\" " + order_by_id(d);
  // A link table: by its key columns, bytewise as ids are.
  for (const auto& k : t.key)
    order += (order.empty() ? "\"" : ", \"") + k + "\"" + (d == store::Dialect::postgres ? " COLLATE \"C\"" : "");
  return "SELECT " + cols + " FROM \"" + t.name + "\" ORDER BY " + order;
}

Values canonical(const Table& t, const store::Row& row) {
  Values v;
  for (std::size_t i = 0; i < t.fields.size(); ++i) {
    auto text = row.opt_text(i);
    if (text) text = canonical_value(t.fields[i], std::move(*text));
    v.push_back(std::move(text));
  }
  return v;
}

// Rows Samen makes up for the table (translations), sorted by id.
std::vector<Values> synthetic_rows(store::Connection& c, const Table& t) {
  std::vector<Values> out;
  if (t.name == "taxonomies") {
    out.push_back(translation_taxonomy_row());
  } else if (t.name == "taxonomy_terms") {
    out = translation_term_rows();
  } else if (t.name == "attributes") {
    c.each("SELECT resource_type, resource_id, field, lang, value FROM translations", {}, [&](const store::Row& r) {
      out.push_back(translation_attribute_row(r.text(0), r.text(1), r.text(2), r.text(3), r.text(4)));
      return true;
    });
  }
  std::sort(out.begin(), out.end(), [](const Values& a, const Values& b) { return *a[0] < *b[0]; });
  return out;
}

std::size_t write_table(store::Database& db, const Table& t, const fs::path& dir) {
  std::vector<Values> extra;
  {
    auto lease = db.acquire();
    extra = synthetic_rows(*lease, t);
  }
  std::unordered_set<std::string> extra_ids;
  for (const auto& v : extra) extra_ids.insert(*v[0]);
  OutFile out(dir / t.file);
  std::string buf;
  std::vector<std::optional<std::string>> header;
  for (const auto& f : t.fields) header.emplace_back(f.name);
  csv::append_record(buf, header);
  std::size_t next_extra = 0, rows = 0;
  auto flush = [&] {
    if (buf.size() > (1u << 20)) {
      out.write(buf);
      buf.clear();
    }
  };
  auto lease = db.acquire();
  lease->each(select_all(t, lease->dialect()), {}, [&](const store::Row& row) {
    Values v = canonical(t, row);
    if (v[0] && extra_ids.count(*v[0])) return true;  // replaced by Samen's own row
    while (next_extra < extra.size() && *extra[next_extra][0] < v[0].value_or("")) {
      csv::append_record(buf, extra[next_extra++]);
      ++rows;
    }
    csv::append_record(buf, v);
    ++rows;
    flush();
    return true;
  });
  for (; next_extra < extra.size(); ++next_extra, ++rows) csv::append_record(buf, extra[next_extra]);
  out.write(buf);
  out.close();
  return rows;
}

std::vector<std::string> ids_of(store::Database& db, const std::string& table, std::vector<std::string> extra = {}) {
  auto lease = db.acquire();
  std::vector<std::string> ids = std::move(extra);
  for (const auto& row : lease->exec("SELECT id FROM \"" + table + "\"").rows) ids.push_back(row.text(0));
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

// A JSON array with one object per element, indented by two spaces.
std::size_t write_json_list(store::Database& db, Shape shape, const std::vector<std::string>& ids, const fs::path& p) {
  OutFile out(p);
  std::size_t written = 0;
  out.write("[");
  for (std::size_t at = 0; at < ids.size(); at += kBatch) {
    std::vector<std::string> batch(ids.begin() + static_cast<std::ptrdiff_t>(at),
                                   ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), at + kBatch)));
    std::vector<std::string> objects;
    {
      auto lease = db.acquire();
      objects = build_json(*lease, shape, batch, true);
    }
    std::string buf;
    for (const auto& o : objects) {
      buf += written++ ? ",\n  " : "\n  ";
      std::string text = Json::parse(o).dump(2, ' ', false, Json::error_handler_t::replace);
      for (char ch : text) {
        buf.push_back(ch);
        if (ch == '\n') buf += "  ";
      }
    }
    out.write(buf);
  }
  out.write(written ? "\n]\n" : "]\n");
  out.close();
  return written;
}

// The translation attributes of each record of a type ("team"), by record
// id, as attributes.csv holds them.
std::unordered_map<std::string, std::vector<Values>> translation_attributes(store::Connection& c,
                                                                             const std::string& resource_type) {
  std::unordered_map<std::string, std::vector<Values>> out;
  c.each("SELECT resource_id, field, lang, value FROM translations WHERE resource_type = ? ORDER BY resource_id, "
         "field, lang",
         {resource_type}, [&](const store::Row& r) {
           out[r.text(0)].push_back(translation_attribute_row(resource_type, r.text(0), r.text(1), r.text(2), r.text(3)));
           return true;
         });
  return out;
}

// Samen's extension tables in JSON (json/x_samen_*.json, named like their CSV
// files): one flat object per row, with the columns of the CSV file. A team
// also carries its fr/en texts as nested translation attributes, as HSDS
// objects do (the CSV package has them in attributes.csv).
std::size_t write_extension_json(store::Database& db, const Table& t, const fs::path& p) {
  OutFile out(p);
  std::string buf = "[";
  std::size_t rows = 0;
  auto lease = db.acquire();
  std::unordered_map<std::string, std::vector<Values>> texts;
  if (t.name == "teams") texts = translation_attributes(*lease, "team");
  const Table& attributes = *table_named("attributes");
  lease->each(select_all(t, lease->dialect()), {}, [&](const store::Row& row) {
    buf += rows++ ? ",\n  " : "\n  ";
    Values v = canonical(t, row);
    Json j = row_json(t, v);
    if (auto it = v[0] ? texts.find(*v[0]) : texts.end(); it != texts.end()) {
      j["attributes"] = Json::array();
      for (const auto& a : it->second) j["attributes"].push_back(row_json(attributes, a));
    }
    buf += j.dump(-1, ' ', false, Json::error_handler_t::replace);
    return true;
  });
  buf += rows ? "\n]\n" : "]\n";
  out.write(buf);
  out.close();
  return rows;
}

}  // namespace

ExportCounts export_hsds(store::Database& db, const fs::path& out_dir) {
  ExportCounts counts;
  fs::create_directories(out_dir / "csv");
  fs::create_directories(out_dir / "json");
  {
    OutFile dp(out_dir / "csv" / "datapackage.json");
    dp.write(export_datapackage_json());
    dp.close();
  }
  for (const auto& t : tables()) counts.rows[t.file] = write_table(db, t, out_dir / "csv");

  std::vector<std::string> term_ids;
  for (const auto& term : kTranslationTerms) term_ids.emplace_back(term.id);
  counts.services = write_json_list(db, Shape::service_full, ids_of(db, "services"), out_dir / "json" / "services.json");
  counts.organizations = write_json_list(db, Shape::organization_full, ids_of(db, "organizations"),
                                         out_dir / "json" / "organizations.json");
  write_json_list(db, Shape::taxonomy, ids_of(db, "taxonomies", {std::string(kTranslationTaxonomyId)}),
                  out_dir / "json" / "taxonomies.json");
  write_json_list(db, Shape::taxonomy_term, ids_of(db, "taxonomy_terms", term_ids),
                  out_dir / "json" / "taxonomy_terms.json");
  for (const auto& t : tables())
    if (t.extension) write_extension_json(db, t, out_dir / "json" / fs::path(t.file).replace_extension(".json"));
  return counts;
}

}  // namespace samen::directory::hsds
