// Links of a service to another organisation's location wait for consent: a
// partner's link to a location none of its organisations owns is kept as a
// pending request (table location_link_requests, Service::requested_location_ids
// on the way in), which a partner of the location's organisation or a
// coordinator accepts (the link is then made through the write path) or
// refuses. Pending links are not public and not on the service.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "directory/model/records.hpp"
#include "store/database.hpp"

namespace samen::directory {

struct LinkRequest {
  std::string id, service_id, service_name, location_id, location_name, location_org, requested_by;
  std::int64_t requested_at = 0;
};

// Saves a request for each of s.requested_location_ids not asked yet;
// returns the location ids newly asked.
std::vector<std::string> save_link_requests(store::Connection& c, const Service& s, const Actor& a);
// Pending requests for locations of these organisations (nullopt: all), oldest first.
std::vector<LinkRequest> pending_link_requests(store::Connection& c,
                                               const std::optional<std::vector<std::string>>& location_orgs);
std::optional<LinkRequest> load_link_request(store::Connection& c, const std::string& id);
void delete_link_request(store::Connection& c, const std::string& id);

}  // namespace samen::directory
