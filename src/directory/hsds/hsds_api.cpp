// The read-only public HSDS 3.0 API at /hsds/ (Open Referral's OpenAPI
// description, served at /hsds/openapi.json): services, organizations,
// service_at_locations, taxonomies and taxonomy_terms, as HSDS pages, single
// objects, or with format=ndjson the whole set as a stream of JSON lines.
// Archived records are not shown.
#include <algorithm>
#include <cmath>
#include <ctime>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/api.hpp"
#include "accounts/throttle.hpp"
#include "app/app.hpp"
#include "core/brussels.hpp"
#include "directory/hsds/hsds_objects.hpp"
#include "directory/model/records.hpp"
#include "directory/module.hpp"
#include "directory/search/search.hpp"
#include "web/embedded.hpp"

namespace samen::directory {

namespace {

using app::Context;
using app::HttpError;
using hsds::Shape;

constexpr std::size_t kStreamBatch = 500;      // objects per chunk of an ndjson stream
constexpr std::int64_t kMaxPerPage = 200;       // a larger per_page is lowered to this, and the page says so
constexpr const char* kProfileUrl = "https://docs.openreferral.org/en/latest/hsds/";

[[noreturn]] void bad_parameter() { throw HttpError(400, "bad_parameter", "hsds.bad_parameter"); }

std::string param(const Context& ctx, const char* name) { return ctx.req.query_param(name).value_or(""); }

bool flag(const Context& ctx, const char* name) {
  auto v = param(ctx, name);
  if (v.empty() || v == "false" || v == "0") return false;
  if (v == "true" || v == "1") return true;
  bad_parameter();
}

bool wants_ndjson(const Context& ctx) {
  auto f = param(ctx, "format");
  if (f.empty() || f == "json") return false;
  if (f == "ndjson") return true;
  bad_parameter();
}

// A whole-set stream or a search (which asks the engine for 10,000 hits)
// costs far more than a page: each address may send a few a minute; beyond,
// 429 with Retry-After. An IPv6 client counts per /64, as at the login (a
// subscriber gets a whole /64 and could change address for each request).
std::optional<http::Response> refused_as_too_heavy(Context& ctx) {
  if (!wants_ndjson(ctx) && param(ctx, "search").empty()) return std::nullopt;
  const std::string client =
      accounts::address_subject(http::client_address(ctx.req, ctx.app.options().behind_tls));
  auto wait = ctx.app.heavy_requests().admit(client, ctx.now);
  if (!wait) return std::nullopt;
  auto res = ctx.app.error(ctx, 429, "rate_limited", "error.rate_limited");
  res.set_header("Retry-After", std::to_string(wait));
  return res;
}

// Unix seconds of an RFC 3339 date-time or an ISO date (midnight UTC).
std::int64_t unix_seconds_of(const std::string& v) {
  if (!hsds::is_datetime(v) && !hsds::is_date(v)) throw HttpError(400, "bad_parameter", "hsds.bad_modified_after");
  std::tm tm{};
  tm.tm_year = std::stoi(v.substr(0, 4)) - 1900;
  tm.tm_mon = std::stoi(v.substr(5, 2)) - 1;
  tm.tm_mday = std::stoi(v.substr(8, 2));
  std::int64_t offset = 0;
  if (v.size() > 10) {
    tm.tm_hour = std::stoi(v.substr(11, 2));
    tm.tm_min = std::stoi(v.substr(14, 2));
    tm.tm_sec = std::min(59, std::stoi(v.substr(17, 2)));
    auto zone = v.find_first_of("Zz+-", 19);
    if (zone != std::string::npos && (v[zone] == '+' || v[zone] == '-')) {
      offset = (std::stoi(v.substr(zone + 1, 2)) * 60 + std::stoi(v.substr(zone + 4, 2))) * 60;
      if (v[zone] == '-') offset = -offset;
    }
  }
  return static_cast<std::int64_t>(timegm(&tm)) - offset;
}

// The last_modified a service is served with, as UTC text that sorts by time:
// Samen keeps a day ("2025-03-01") or a date-time ("2025-03-01T09:30:00Z"),
// and a day is served as its midnight UTC (hsds::canonical_value).
const std::string kServedLastModified =
    "(CASE WHEN LENGTH(s.last_modified) = 10 THEN s.last_modified || 'T00:00:00Z' ELSE s.last_modified END)";

// SQL conditions with their parameters.
struct Conditions {
  std::string sql = "1 = 1";
  store::Params params;
  void add(const std::string& condition, store::Params p = {}) {
    sql += " AND " + condition;
    for (auto& x : p) params.push_back(std::move(x));
  }
};

// The services the query parameters ask for, on `s` (services); search
// matches in the engine's order when ?search is given.
struct ServiceQuery {
  Conditions where;
  std::optional<std::vector<std::string>> ranked;  // service ids by relevance
};

ServiceQuery service_query(Context& ctx) {
  ServiceQuery q;
  q.where.add("s.archived_at IS NULL");
  if (auto v = param(ctx, "organization_id"); !v.empty()) q.where.add("s.organization_id = ?", {v});
  if (auto v = param(ctx, "taxonomy_term_id"); !v.empty())
    q.where.add("EXISTS (SELECT 1 FROM attributes a WHERE a.link_id = s.id AND a.taxonomy_term_id = ?)", {v});
  if (auto v = param(ctx, "taxonomy_id"); !v.empty())
    q.where.add(
        "EXISTS (SELECT 1 FROM attributes a JOIN taxonomy_terms tt ON tt.id = a.taxonomy_term_id "
        "WHERE a.link_id = s.id AND tt.taxonomy_id = ?)",
        {v});
  if (auto v = param(ctx, "modified_after"); !v.empty())
    q.where.add(kServedLastModified + " >= ?", {iso_date_time(unix_seconds_of(v))});
  if (auto v = param(ctx, "search"); !v.empty()) {
    SearchQuery sq;
    sq.text = v;
    sq.lang = ctx.lang;
    sq.every_match = true;
    auto result = search(ctx.app).search(sq);
    std::vector<std::string> ids;
    for (const auto& h : result.hits) ids.push_back(h.service_id);
    q.ranked = std::move(ids);
  }
  return q;
}

std::string postcode_param(Context& ctx) {
  auto v = param(ctx, "postcode");
  std::erase(v, ' ');
  return v;
}

std::string in_list(std::size_t n) {
  std::string s = "(";
  for (std::size_t i = 0; i < n; ++i) s += i ? ", ?" : "?";
  return s + ")";
}

// A result set: rows of the alias's table "FROM <from> WHERE <where>", in id order.
struct IdQuery {
  std::string alias;  // e.g. "s": the table of the shape
  std::string from;   // e.g. "services s"
  Conditions where;
  std::optional<std::vector<std::string>> ranked;  // restricts to these ids, in this order
  std::string ranked_column;                       // the column the ranked ids are compared with
  std::string key() const { return alias + ".id"; }
};

// The ranked ids that also match the conditions, in rank order.
std::vector<std::string> ranked_matches(store::Connection& c, const IdQuery& q) {
  std::vector<std::string> out;
  const auto& ranked = *q.ranked;
  for (std::size_t at = 0; at < ranked.size(); at += 500) {
    std::size_t n = std::min<std::size_t>(500, ranked.size() - at);
    auto params = q.where.params;
    for (std::size_t i = 0; i < n; ++i) params.emplace_back(ranked[at + i]);
    std::unordered_map<std::string, std::vector<std::string>> keys_of;  // ranked id → result keys
    auto r = c.exec("SELECT " + q.key() + ", " + q.ranked_column + " FROM " + q.from + " WHERE " + q.where.sql +
                        " AND " + q.ranked_column + " IN " + in_list(n) + " ORDER BY " + q.key(),
                    params);
    for (const auto& row : r.rows) keys_of[row.text(1)].push_back(row.text(0));
    for (std::size_t i = 0; i < n; ++i)
      for (auto& k : keys_of[ranked[at + i]]) out.push_back(std::move(k));
  }
  return out;
}

std::int64_t count(store::Connection& c, const IdQuery& q) {
  auto r = c.exec("SELECT COUNT(*) FROM " + q.from + " WHERE " + q.where.sql, q.where.params);
  return r.rows.at(0).int64(0);
}

std::vector<std::string> page_ids(store::Connection& c, const IdQuery& q, const app::PageRequest& p) {
  auto params = q.where.params;
  params.emplace_back(p.per_page);
  params.emplace_back(p.offset());
  std::vector<std::string> ids;
  for (const auto& row : c.exec("SELECT " + q.key() + " FROM " + q.from + " WHERE " + q.where.sql + " ORDER BY " +
                                    q.key() + " LIMIT ? OFFSET ?",
                                params)
                             .rows)
    ids.push_back(row.text(0));
  return ids;
}

// Every key of the query, in id order.
std::vector<std::string> all_ids(store::Connection& c, const IdQuery& q) {
  std::vector<std::string> ids;
  for (const auto& row :
       c.exec("SELECT " + q.key() + " FROM " + q.from + " WHERE " + q.where.sql + " ORDER BY " + q.key(), q.where.params)
           .rows)
    ids.push_back(row.text(0));
  return ids;
}

// The ids of one page of an in-memory list.
std::vector<std::string> page_of_ids(const std::vector<std::string>& ids, const app::PageRequest& p) {
  std::vector<std::string> page;
  for (auto i = p.offset(); i < static_cast<std::int64_t>(ids.size()) && i < p.offset() + p.per_page; ++i)
    page.push_back(ids[static_cast<std::size_t>(i)]);
  return page;
}

// The next rows after `after` in id order (keyset pagination of a stream),
// read whole so that a batch costs one query before its nested records.
std::vector<hsds::Values> rows_after(store::Connection& c, const hsds::Table& t, const IdQuery& q,
                                     const std::optional<std::string>& after) {
  std::string cols;
  for (const auto& f : t.fields) cols += (cols.empty() ? "" : ", ") + q.alias + ".\"" + f.name + "\"";
  auto params = q.where.params;
  std::string sql = "SELECT " + cols + " FROM " + q.from + " WHERE " + q.where.sql;
  if (after) {
    sql += " AND " + q.key() + " > ?";
    params.emplace_back(*after);
  }
  sql += " ORDER BY " + q.key() + " LIMIT " + std::to_string(kStreamBatch);
  std::vector<hsds::Values> rows;
  for (const auto& row : c.exec(sql, params).rows) rows.push_back(hsds::row_values(t, row));
  return rows;
}

using NextObjects = std::function<std::vector<std::string>(store::Connection&)>;

// The whole set as JSON lines, assembled batch by batch while it is sent.
// `next` gives the next batch of objects as JSON text; none when done.
http::Response ndjson_stream(app::App& app, NextObjects next) {
  http::Response res;
  res.status = 200;
  res.set_header("Content-Type", "application/x-ndjson");
  auto next_objects = std::make_shared<NextObjects>(std::move(next));
  bool done = false;
  res.stream = [&app, next_objects, done](std::string& chunk) mutable {
    if (done) return false;
    auto lease = app.db().acquire();
    for (;;) {
      auto objects = (*next_objects)(*lease);
      if (objects.empty()) {
        done = true;
        return false;
      }
      std::size_t size = chunk.size();
      for (const auto& o : objects) size += o.size() + 1;
      chunk.reserve(size);
      for (const auto& o : objects) {
        chunk += o;
        chunk.push_back('\n');
      }
      if (!chunk.empty()) return true;  // a batch of archived records only: go on
    }
  };
  return res;
}

// The JSON text of the objects with these ids, in this order.
using BuildObjects = std::function<std::vector<std::string>(store::Connection&, const std::vector<std::string>&)>;

// Streams the objects of an in-memory list of ids.
http::Response ndjson_of(app::App& app, std::vector<std::string> ids, BuildObjects build) {
  auto list = std::make_shared<std::vector<std::string>>(std::move(ids));
  auto at = std::make_shared<std::size_t>(0);
  return ndjson_stream(app, [list, at, build = std::move(build)](store::Connection& c) {
    std::vector<std::string> objects;
    while (objects.empty() && *at < list->size()) {
      std::size_t from = *at, to = std::min(list->size(), from + kStreamBatch);
      *at = to;
      objects = build(c, std::vector<std::string>(list->begin() + static_cast<std::ptrdiff_t>(from),
                                                  list->begin() + static_cast<std::ptrdiff_t>(to)));
    }
    return objects;
  });
}

http::Response ndjson_of(app::App& app, Shape shape, std::vector<std::string> ids) {
  return ndjson_of(app, std::move(ids), [shape](store::Connection& c, const std::vector<std::string>& some) {
    return hsds::build_json(c, shape, some);
  });
}

// Streams the result of a query by keyset pagination.
http::Response ndjson_query(app::App& app, Shape shape, IdQuery q) {
  auto after = std::make_shared<std::optional<std::string>>();
  auto query = std::make_shared<IdQuery>(std::move(q));
  return ndjson_stream(app, [after, query, shape](store::Connection& c) {
    auto rows = rows_after(c, hsds::shape_table(shape), *query, *after);
    if (rows.empty()) return std::vector<std::string>{};
    *after = *rows.back()[0];
    return hsds::build_json_from_rows(c, shape, rows);
  });
}

http::Response json_text(std::string text) { return http::Response::json(200, std::move(text)); }

// ?page and ?per_page of a list. A per_page above kMaxPerPage is lowered
// to it rather than refused: the page then says so (`notice`).
struct HsdsPage {
  app::PageRequest request;
  std::optional<std::int64_t> per_page_asked;  // set when lowered
  std::string notice;
};

HsdsPage hsds_page(Context& ctx) {
  HsdsPage p;
  p.request = app::page_request(ctx, 50, 1'000'000);
  if (p.request.per_page > kMaxPerPage) {
    p.per_page_asked = p.request.per_page;
    p.request.per_page = kMaxPerPage;
    p.notice = ctx.t("hsds.per_page_lowered");
  }
  return p;
}

// An HSDS page around items already in JSON text. `size` is the number of
// items on this page (HSDS 3.0's OpenAPI), not the per_page asked for.
http::Response page_response(const HsdsPage& hp, std::int64_t total, const std::vector<std::string>& items) {
  const auto page = app::page_json(hp.request, total, nlohmann::json::array());
  std::string out = "{";
  for (const char* k : {"total_items", "total_pages", "page_number", "first_page", "last_page"})
    out += "\"" + std::string(k) + "\":" + page[k].dump() + ",";
  out += "\"size\":" + std::to_string(items.size()) + ",";
  if (hp.per_page_asked)
    out += "\"per_page\":" + std::to_string(hp.request.per_page) +
           ",\"per_page_requested\":" + std::to_string(*hp.per_page_asked) +
           ",\"notice\":" + nlohmann::json(hp.notice).dump() + ",";
  out += std::string("\"empty\":") + (items.empty() ? "true" : "false") + ",\"contents\":[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out.push_back(',');
    out += items[i];
  }
  out += "]}";
  return json_text(std::move(out));
}

// minimal=true: each service as its id and last_modified only (the UK
// profile's change feed: "aim to return all services within one call").
std::vector<std::string> minimal_services(store::Connection& c, const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  if (ids.empty()) return out;
  const store::Params params = store::text_params(ids);
  std::unordered_map<std::string, std::string> modified;
  for (const auto& r : c.exec("SELECT s.id, " + kServedLastModified + " FROM services s WHERE s.id IN " +
                                  in_list(ids.size()),
                              params)
                           .rows)
    modified[r.text(0)] = r.is_null(1) ? std::string() : r.text(1);
  for (const auto& id : ids) {
    auto it = modified.find(id);
    if (it == modified.end()) continue;
    nlohmann::json j{{"id", id}};
    if (!it->second.empty()) j["last_modified"] = it->second;
    out.push_back(j.dump());
  }
  return out;
}

// Answers a list: a page, or with format=ndjson the whole set.
http::Response list(Context& ctx, Shape shape, IdQuery q, bool minimal = false) {
  bool ndjson = wants_ndjson(ctx);
  const auto hp = hsds_page(ctx);
  const auto& p = hp.request;
  if (minimal) {  // ids are cheap: list them all, then build only the page (or stream)
    std::vector<std::string> ids;
    {
      auto lease = ctx.app.db().acquire();
      ids = q.ranked ? ranked_matches(*lease, q) : all_ids(*lease, q);
    }
    if (ndjson) return ndjson_of(ctx.app, std::move(ids), minimal_services);
    auto lease = ctx.app.db().acquire();
    return page_response(hp, static_cast<std::int64_t>(ids.size()), minimal_services(*lease, page_of_ids(ids, p)));
  }
  if (q.ranked) {
    std::vector<std::string> ids;
    {
      auto lease = ctx.app.db().acquire();
      ids = ranked_matches(*lease, q);
    }
    if (ndjson) return ndjson_of(ctx.app, shape, std::move(ids));
    auto lease = ctx.app.db().acquire();
    return page_response(hp, static_cast<std::int64_t>(ids.size()), hsds::build_json(*lease, shape, page_of_ids(ids, p)));
  }
  if (ndjson) return ndjson_query(ctx.app, shape, std::move(q));
  auto lease = ctx.app.db().acquire();
  auto total = count(*lease, q);
  auto ids = page_ids(*lease, q, p);
  return page_response(hp, total, hsds::build_json(*lease, shape, ids));
}

http::Response one(Context& ctx, Shape shape, const std::string& id) {
  auto lease = ctx.app.db().acquire();
  auto objects = hsds::build_json(*lease, shape, {id});
  if (objects.empty()) throw HttpError(404, "not_found", "error.not_found");
  return json_text(std::move(objects.front()));
}

// ---- proximity ----------------------------------------------------------

struct Point {
  double latitude = 0, longitude = 0;
};

// Great-circle distance in metres (haversine; the Earth as a sphere is
// precise to well under 1 % at the scale of a city).
double distance_m(Point a, Point b) {
  constexpr double kEarthRadiusM = 6'371'000, kRad = 3.14159265358979323846 / 180;
  const double dlat = (b.latitude - a.latitude) * kRad, dlon = (b.longitude - a.longitude) * kRad;
  const double h = std::pow(std::sin(dlat / 2), 2) +
                   std::cos(a.latitude * kRad) * std::cos(b.latitude * kRad) * std::pow(std::sin(dlon / 2), 2);
  return 2 * kEarthRadiusM * std::asin(std::min(1.0, std::sqrt(h)));
}

// ?proximity: metres, a positive number (at most 100 km).
std::optional<double> proximity_param(Context& ctx) {
  auto v = param(ctx, "proximity");
  if (v.empty()) return std::nullopt;
  auto metres = hsds::parse_number(v);
  if (!metres || *metres <= 0 || *metres > 100'000) throw HttpError(400, "bad_parameter", "hsds.bad_proximity");
  return metres;
}

// The centroid of a postcode: the mean position of the located places with
// that postcode, else the centre of its Brussels municipality.
Point postcode_centre(store::Connection& c, const std::string& postcode) {
  auto r = c.exec("SELECT AVG(l.latitude), AVG(l.longitude), COUNT(*) FROM addresses ad JOIN locations l ON "
                  "l.id = ad.location_id WHERE REPLACE(ad.postal_code, ' ', '') = ? AND l.latitude IS NOT NULL "
                  "AND l.longitude IS NOT NULL",
                  {postcode});
  if (r.rows.at(0).int64(2) > 0) return {r.rows[0].real(0), r.rows[0].real(1)};
  if (const auto* m = core::municipality_for_postcode(postcode)) return {m->latitude, m->longitude};
  throw HttpError(400, "bad_parameter", "hsds.unknown_postcode");
}

// The keys (`key_sql`: a service or service_at_location id) of the places
// within `radius` metres of `centre`, nearest first; a service counts by its
// nearest place. Places without coordinates are left out.
std::vector<std::string> nearest(store::Connection& c, const std::string& key_sql, Point centre, double radius) {
  std::unordered_map<std::string, double> best;
  for (const auto& r : c.exec("SELECT " + key_sql + ", l.latitude, l.longitude FROM service_at_location sl JOIN "
                              "locations l ON l.id = sl.location_id WHERE l.archived_at IS NULL AND l.latitude IS "
                              "NOT NULL AND l.longitude IS NOT NULL")
                           .rows) {
    const double d = distance_m(centre, {r.real(1), r.real(2)});
    if (d > radius) continue;
    auto [it, inserted] = best.try_emplace(r.text(0), d);
    if (!inserted) it->second = std::min(it->second, d);
  }
  std::vector<std::pair<double, std::string>> sorted;
  for (auto& [id, d] : best) sorted.emplace_back(d, id);
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::string> ids;
  for (auto& [d, id] : sorted) ids.push_back(std::move(id));
  return ids;
}

// postcode + proximity: the query keeps the places near the postcode's
// centroid, nearest first (a search's matches keep only those near).
// Returns false when no proximity was asked (postcode then filters exactly).
bool restrict_to_proximity(Context& ctx, IdQuery& q, const std::string& key_sql) {
  auto radius = proximity_param(ctx);
  if (!radius) return false;
  auto pc = postcode_param(ctx);
  if (pc.empty()) throw HttpError(400, "bad_parameter", "hsds.proximity_needs_postcode");
  std::vector<std::string> ids;
  {
    auto lease = ctx.app.db().acquire();
    ids = nearest(*lease, key_sql, postcode_centre(*lease, pc), *radius);
  }
  if (q.ranked) {
    const std::set<std::string> matching(q.ranked->begin(), q.ranked->end());
    std::erase_if(ids, [&](const std::string& id) {
      return !matching.contains(id);
    });
  }
  q.ranked = std::move(ids);
  q.ranked_column = key_sql;
  return true;
}

// ---- handlers -----------------------------------------------------------

std::string base_url(const Context& ctx) {
  std::string host = ctx.req.header("host").value_or("");
  bool ok = !host.empty() && host.size() < 256 && std::all_of(host.begin(), host.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
  });
  return std::string(ctx.app.options().behind_tls ? "https://" : "http://") + (ok ? host : "localhost");
}

http::Response root(Context& ctx) {
  return app::json_response(
      200, {{"version", "3.0"}, {"profile", kProfileUrl}, {"openapi_url", base_url(ctx) + "/hsds/openapi.json"}});
}

http::Response openapi(Context&) {
  static const std::string doc = [] {
    auto text = embedded::find("api/hsds-openapi.json");
    if (!text) return std::string();
    auto j = nlohmann::ordered_json::parse(*text);
    j["info"]["title"] = "Samen: HSDS 3.0 API of the Brussels family-support service map";
    j["info"]["version"] = "3.0";
    j["info"]["summary"] = "Read-only Open Referral HSDS 3.0 API";
    j["info"]["description"] =
        "Services, organizations, locations and categories of Samen as Human Services Data Specification 3.0. "
        "Lists are HSDS pages (page, per_page up to 200: a larger one is lowered to 200 and the page says so in notice); "
        "format=ndjson streams the whole set.";
    j["info"].erase("contact");
    j["info"]["license"] = {{"name", "CC-BY-SA-4.0 (HSDS schemas: Open Referral)"},
                            {"url", "https://creativecommons.org/licenses/by-sa/4.0/"}};
    j["servers"] = nlohmann::ordered_json::array({{{"url", "/hsds"}}});
    return j.dump(2);
  }();
  if (doc.empty()) throw HttpError(404, "not_found", "error.not_found");
  return http::Response::json(200, doc);
}

http::Response services(Context& ctx) {
  if (auto refused = refused_as_too_heavy(ctx)) return *refused;
  auto sq = service_query(ctx);
  IdQuery q{"s", "services s", std::move(sq.where), std::move(sq.ranked), "s.id"};
  const bool near = restrict_to_proximity(ctx, q, "sl.service_id");
  if (near) q.ranked_column = "s.id";
  if (auto pc = postcode_param(ctx); !pc.empty() && !near)
    q.where.add(
        "EXISTS (SELECT 1 FROM service_at_location sl JOIN addresses ad ON ad.location_id = sl.location_id "
        "WHERE sl.service_id = s.id AND REPLACE(ad.postal_code, ' ', '') = ?)",
        {pc});
  const bool minimal = flag(ctx, "minimal");
  return list(ctx, flag(ctx, "full") ? Shape::service_full : Shape::service_list, std::move(q), minimal);
}

http::Response service(Context& ctx) { return one(ctx, Shape::service_full, ctx.param("id")); }

http::Response service_at_locations(Context& ctx) {
  if (auto refused = refused_as_too_heavy(ctx)) return *refused;
  auto sq = service_query(ctx);
  IdQuery q{"sl", "service_at_location sl JOIN services s ON s.id = sl.service_id JOIN locations l ON l.id = sl.location_id",
            std::move(sq.where), std::move(sq.ranked), "s.id"};
  q.where.add("l.archived_at IS NULL");
  if (q.ranked) {  // search ranks services: their places follow in that order
    auto lease = ctx.app.db().acquire();
    q.ranked = ranked_matches(*lease, q);
    q.ranked_column = "sl.id";
  }
  const bool near = restrict_to_proximity(ctx, q, "sl.id");
  if (auto pc = postcode_param(ctx); !pc.empty() && !near)
    q.where.add("EXISTS (SELECT 1 FROM addresses ad WHERE ad.location_id = sl.location_id AND "
                "REPLACE(ad.postal_code, ' ', '') = ?)",
                {pc});
  return list(ctx, flag(ctx, "full") ? Shape::service_at_location_full : Shape::service_at_location_list, std::move(q));
}

http::Response service_at_location(Context& ctx) {
  auto id = ctx.param("id");
  {
    auto lease = ctx.app.db().acquire();
    auto r = lease->exec(
        "SELECT 1 FROM service_at_location sl JOIN services s ON s.id = sl.service_id JOIN locations l ON "
        "l.id = sl.location_id WHERE sl.id = ? AND s.archived_at IS NULL AND l.archived_at IS NULL",
        {id});
    if (r.empty()) throw HttpError(404, "not_found", "error.not_found");
  }
  return one(ctx, Shape::service_at_location_full, id);
}

// LIKE pattern for a case-insensitive substring, with % and _ escaped.
std::string like_pattern(std::string text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out + "%";
}

http::Response organizations(Context& ctx) {
  if (auto refused = refused_as_too_heavy(ctx)) return *refused;
  IdQuery q{"o", "organizations o", {}, std::nullopt, "o.id"};
  q.where.add("o.archived_at IS NULL");
  if (auto v = param(ctx, "search"); !v.empty()) {
    auto pat = like_pattern(v);
    q.where.add("(LOWER(o.name) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(o.alternate_name, '')) LIKE ? ESCAPE '\\')",
                {pat, pat});
  }
  Shape shape = flag(ctx, "full_service") ? Shape::organization_full_services
                : flag(ctx, "full")       ? Shape::organization_full
                                          : Shape::organization_list;
  return list(ctx, shape, std::move(q));
}

http::Response organization(Context& ctx) {
  return one(ctx, flag(ctx, "full_service") ? Shape::organization_full_services : Shape::organization_full,
             ctx.param("id"));
}

// Taxonomies and terms are few: they are filtered in memory, with Samen's
// translation taxonomy and terms (see hsds_schema.hpp) among them.
struct TermRow {
  std::string id, name, description, code, parent_id, taxonomy_id;
};

bool contains_folded(const std::string& haystack, const std::string& needle) {
  auto fold = [](std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  return fold(haystack).find(fold(needle)) != std::string::npos;
}

http::Response in_memory_list(Context& ctx, Shape shape, std::vector<std::string> ids) {
  std::sort(ids.begin(), ids.end());
  if (wants_ndjson(ctx)) return ndjson_of(ctx.app, shape, std::move(ids));
  const auto hp = hsds_page(ctx);
  auto lease = ctx.app.db().acquire();
  return page_response(hp, static_cast<std::int64_t>(ids.size()),
                       hsds::build_json(*lease, shape, page_of_ids(ids, hp.request)));
}

http::Response taxonomies(Context& ctx) {
  auto search = param(ctx, "search");
  std::vector<std::pair<std::string, std::string>> rows;  // id, name + description
  {
    auto lease = ctx.app.db().acquire();
    for (const auto& r : lease->exec("SELECT id, name, description FROM taxonomies").rows)
      if (r.text(0) != hsds::kTranslationTaxonomyId) rows.emplace_back(r.text(0), r.text(1) + "\n" + r.text(2));
  }
  auto synthetic = hsds::translation_taxonomy_row();
  rows.emplace_back(*synthetic[0], *synthetic[1] + "\n" + *synthetic[2]);
  std::vector<std::string> ids;
  for (const auto& [id, text] : rows)
    if (search.empty() || contains_folded(text, search)) ids.push_back(id);
  return in_memory_list(ctx, Shape::taxonomy, std::move(ids));
}

http::Response taxonomy(Context& ctx) { return one(ctx, Shape::taxonomy, ctx.param("id")); }

http::Response taxonomy_terms(Context& ctx) {
  auto search = param(ctx, "search"), taxonomy_id = param(ctx, "taxonomy_id"), parent_id = param(ctx, "parent_id");
  bool top_only = flag(ctx, "top_only");
  std::vector<TermRow> rows;
  {
    auto lease = ctx.app.db().acquire();
    for (const auto& r :
         lease->exec("SELECT id, name, description, code, parent_id, taxonomy_id FROM taxonomy_terms").rows)
      if (!hsds::translation_term(r.text(0)))
        rows.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5)});
  }
  const auto& t = *hsds::table_named("taxonomy_terms");
  for (const auto& v : hsds::translation_term_rows()) {
    auto at = [&](const char* f) { return v[*t.index_of(f)].value_or(""); };
    rows.push_back({at("id"), at("name"), at("description"), at("code"), at("parent_id"), at("taxonomy_id")});
  }
  std::vector<std::string> ids;
  for (const auto& r : rows) {
    if (!taxonomy_id.empty() && r.taxonomy_id != taxonomy_id) continue;
    if (!parent_id.empty() && r.parent_id != parent_id) continue;
    if (top_only && !r.parent_id.empty()) continue;
    if (!search.empty() && !contains_folded(r.name + "\n" + r.description + "\n" + r.code, search)) continue;
    ids.push_back(r.id);
  }
  return in_memory_list(ctx, Shape::taxonomy_term, std::move(ids));
}

http::Response taxonomy_term(Context& ctx) { return one(ctx, Shape::taxonomy_term, ctx.param("id")); }

}  // namespace

void register_hsds_api(app::Routes& r) {
  auto anyone = accounts::Access::anyone();
  // The UK profile asks for CORS on every answer, errors and unknown paths included.
  r.open_to_any_origin("/hsds");
  r.api("GET", "/hsds/", anyone, root);
  r.api("GET", "/hsds/openapi.json", anyone, openapi);
  r.api("GET", "/hsds/services", anyone, services);
  r.api("GET", "/hsds/services/{id}", anyone, service);
  r.api("GET", "/hsds/organizations", anyone, organizations);
  r.api("GET", "/hsds/organizations/{id}", anyone, organization);
  r.api("GET", "/hsds/service_at_locations", anyone, service_at_locations);
  r.api("GET", "/hsds/service_at_locations/{id}", anyone, service_at_location);
  r.api("GET", "/hsds/taxonomies", anyone, taxonomies);
  r.api("GET", "/hsds/taxonomies/{id}", anyone, taxonomy);
  r.api("GET", "/hsds/taxonomy_terms", anyone, taxonomy_terms);
  r.api("GET", "/hsds/taxonomy_terms/{id}", anyone, taxonomy_term);
}

}  // namespace samen::directory
