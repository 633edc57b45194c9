// The JSON API conventions (ARCHITECTURE.md), held over the OpenAPI document
// merged from every module: times are RFC 3339 strings, updates take If-Match
// and say 412, and every error answer is the shared Error shape. A module
// whose fragment breaks one of them fails here.
#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>

#include "web/embedded.hpp"

namespace samen {
namespace {

using nlohmann::json;

json merged_document() { return json::parse(*embedded::find("api/openapi.json")); }

// Calls visit(name, schema) for every property of every schema in the document.
void each_property(const json& node, const std::function<void(const std::string&, const json&)>& visit) {
  if (node.is_object()) {
    if (auto props = node.find("properties"); props != node.end() && props->is_object())
      for (const auto& [name, schema] : props->items()) visit(name, schema);
    for (const auto& [k, v] : node.items()) each_property(v, visit);
  } else if (node.is_array()) {
    for (const auto& v : node) each_property(v, visit);
  }
}

TEST(OpenApiConventions, TimesAreRfc3339Strings) {
  int seen = 0;
  each_property(merged_document(), [&](const std::string& name, const json& schema) {
    if (!name.ends_with("_at")) return;
    ++seen;
    EXPECT_EQ(schema.value("type", ""), "string") << name << ": " << schema.dump();
    EXPECT_EQ(schema.value("format", ""), "date-time") << name << ": " << schema.dump();
  });
  EXPECT_GE(seen, 3) << "the record stamps (created_at, updated_at, archived_at) are described";
}

TEST(OpenApiConventions, UpdatesTakeIfMatchAndSay412) {
  auto doc = merged_document();
  int updates = 0;
  for (const auto& [path, ops] : doc["paths"].items())
    for (const auto& [method, op] : ops.items()) {
      if (method != "put" && method != "patch") continue;
      ++updates;
      bool if_match = false;
      for (const auto& p : op.value("parameters", json::array()))
        if_match |= p.value("$ref", "") == "#/components/parameters/IfMatch";
      EXPECT_TRUE(if_match) << method << " " << path << " does not take If-Match";
      EXPECT_TRUE(op["responses"].contains("412")) << method << " " << path << " does not say 412";
    }
  EXPECT_GT(updates, 0);
}

TEST(OpenApiConventions, ErrorsHaveTheSharedShape) {
  auto doc = merged_document();
  for (const auto& [path, ops] : doc["paths"].items())
    for (const auto& [method, op] : ops.items())
      for (const auto& [code, answer] : op["responses"].items()) {
        if (code.empty() || (code[0] != '4' && code[0] != '5')) continue;
        if (path == "/healthz") continue;  // load balancers read {"status": ...}, by design
        if (answer.contains("$ref")) {
          EXPECT_TRUE(answer["$ref"].get<std::string>().starts_with("#/components/responses/")) << path;
          continue;
        }
        auto schema = answer["content"]["application/json"]["schema"];
        EXPECT_EQ(schema.value("$ref", ""), "#/components/schemas/Error") << method << " " << path << " " << code;
      }
}

TEST(OpenApiConventions, EveryReferenceResolves) {
  auto doc = merged_document();
  std::function<void(const json&)> check = [&](const json& node) {
    if (node.is_object()) {
      if (auto ref = node.find("$ref"); ref != node.end()) {
        std::string pointer = ref->get<std::string>();
        ASSERT_TRUE(pointer.starts_with("#/")) << pointer;
        EXPECT_TRUE(doc.contains(json::json_pointer(pointer.substr(1)))) << pointer << " points nowhere";
      }
      for (const auto& [k, v] : node.items()) check(v);
    } else if (node.is_array()) {
      for (const auto& v : node) check(v);
    }
  };
  check(doc);
}

}  // namespace
}  // namespace samen
