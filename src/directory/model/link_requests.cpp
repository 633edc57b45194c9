// Pending links to another organisation's location (see link_requests.hpp).
#include "directory/model/link_requests.hpp"

#include "util/uuid.hpp"

namespace samen::directory {

namespace {

// The request rows with the names a reviewer needs (Dutch names: the record's own).
constexpr const char* kSelect =
    "SELECT r.id, r.service_id, s.name, r.location_id, l.name, l.organization_id, r.requested_by, r.requested_at "
    "FROM location_link_requests r JOIN services s ON s.id = r.service_id JOIN locations l ON l.id = r.location_id ";

LinkRequest request_of(const store::Row& row) {
  return {row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5), row.text(6), row.int64(7)};
}

}  // namespace

std::vector<std::string> save_link_requests(store::Connection& c, const Service& s, const Actor& a) {
  std::vector<std::string> asked;
  for (const auto& location : s.requested_location_ids)
    if (c.exec("INSERT INTO location_link_requests (id, service_id, location_id, requested_by, requested_at) "
               "VALUES (?, ?, ?, ?, ?) ON CONFLICT (service_id, location_id) DO NOTHING",
               {uuid::random(), s.id, location, a.email, a.now})
            .affected == 1)
      asked.push_back(location);
  return asked;
}

std::vector<LinkRequest> pending_link_requests(store::Connection& c,
                                               const std::optional<std::vector<std::string>>& location_orgs) {
  std::string sql = kSelect;
  store::Params p;
  if (location_orgs) {
    if (location_orgs->empty()) return {};
    sql += "WHERE l.organization_id IN (" + store::placeholder_list(location_orgs->size()) + ") ";
    for (const auto& o : *location_orgs) p.push_back(o);
  }
  std::vector<LinkRequest> out;
  for (const auto& row : c.exec(sql + "ORDER BY r.requested_at, r.id", p).rows) out.push_back(request_of(row));
  return out;
}

std::optional<LinkRequest> load_link_request(store::Connection& c, const std::string& id) {
  auto r = c.exec(std::string(kSelect) + "WHERE r.id = ?", {id});
  if (r.empty()) return std::nullopt;
  return request_of(r.rows[0]);
}

void delete_link_request(store::Connection& c, const std::string& id) {
  c.exec("DELETE FROM location_link_requests WHERE id = ?", {id});
}

}  // namespace samen::directory
