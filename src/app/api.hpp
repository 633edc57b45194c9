// Conventions of the JSON API shared by every module: one pagination shape
// (the HSDS 3.0 page: contents, total_items, total_pages, page_number, size,
// first_page, last_page, empty) with ?page= (1-based) and ?per_page= (1-200).
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>

#include "app/context.hpp"

namespace samen::app {

struct PageRequest {
  std::int64_t page = 1;
  std::int64_t per_page = 50;
  std::int64_t offset() const { return (page - 1) * per_page; }
};

// Reads ?page and ?per_page; out-of-range or non-numeric values → HttpError 400.
PageRequest page_request(const Context& ctx, std::int64_t default_per_page = 50, std::int64_t max_per_page = 200);

nlohmann::json page_json(const PageRequest& p, std::int64_t total, nlohmann::json contents);

http::Response json_response(int status, const nlohmann::json& j);

// Parses a JSON request body (Content-Type application/json); HttpError 400/415 otherwise.
nlohmann::json json_body(const Context& ctx);

}  // namespace samen::app
