// Conventions of the JSON API shared by every module (ARCHITECTURE.md, "JSON
// API conventions"; tests/app/openapi_conventions_test.cpp holds the OpenAPI
// document to them): one pagination shape (the HSDS 3.0 page: contents,
// total_items, total_pages, page_number, size, first_page, last_page, empty)
// with ?page= (1-based) and ?per_page= (1-200); times as RFC 3339 strings in
// UTC; every record carries an integer `version`, sent back as an ETag and
// checked on updates through If-Match (412) or a `version` in the body (409).
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
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

// Every module's 422 (components/responses/ValidationFailed): {"error": {"code":
// "validation", "message", "fields"}} where `fields` maps the JSON members the
// refusal is about to their messages, all in the caller's language.
http::Response validation_failed(const std::string& message, nlohmann::json fields);

// 1796150547 → "2026-12-01T17:22:27Z".
std::string rfc3339(std::int64_t unix_seconds);
// rfc3339 of the value, or null.
nlohmann::json rfc3339_or_null(const std::optional<std::int64_t>& unix_seconds);

// The ETag of a record version: "\"42\"".
std::string etag(std::int64_t version);
// The version an If-Match header names ("42" or W/"42"); nullopt without the
// header or for "*"; HttpError 400 when it names no version.
std::optional<std::int64_t> if_match_version(const Context& ctx);

// The version an update (PUT/PATCH) was read at: If-Match's, else the body's
// "version". Which one matters: a stale If-Match answers 412, a stale body
// version 409 (app::StaleVersion).
struct UpdateVersion {
  std::optional<std::int64_t> expected;  // for app::check_version; nullopt: the caller named none
  bool from_if_match = false;
};
// Reads If-Match (HttpError 400 when it names no version), else the body's
// integer "version"; a "version" of another JSON type puts `type_key` (the
// module's catalog key) on the field "version" of `errors`, for the caller's 422.
UpdateVersion update_version(const Context& ctx, const nlohmann::json& body, std::map<std::string, std::string>& errors,
                             const std::string& type_key);

class Change;
// Runs an update through app::write: a stale version becomes HttpError 412
// (precondition_failed) when it came in If-Match, else app::StaleVersion goes
// on (409). The one place of that rule for every module's API.
void write_update(Context& ctx, const UpdateVersion& version, const std::function<void(Change&)>& fn);

// Parses a JSON request body (Content-Type application/json); HttpError 400/415 otherwise.
nlohmann::json json_body(const Context& ctx);

}  // namespace samen::app
