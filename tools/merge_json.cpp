// Build-time tool: merges the JSON that each module contributes into the one
// document the binary embeds, and fails the build when two modules claim the
// same thing.
//   samen_merge catalog OUT.json IN.json...        flat key → text catalogs of one language
//   samen_merge openapi OUT.json BASE.json FRAG... OpenAPI: paths, components and tags of each fragment
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

using nlohmann::ordered_json;

namespace {

ordered_json read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  try {
    return ordered_json::parse(in);
  } catch (const std::exception& e) {
    throw std::runtime_error(path + ": " + e.what());
  }
}

// Adds every member of `from` to `into`; a member already there is an error
// naming both files.
void add_members(ordered_json& into, std::map<std::string, std::string>& owner, const ordered_json& from,
                 const std::string& what, const std::string& file) {
  if (!from.is_object()) throw std::runtime_error(file + ": " + what + " must be an object");
  for (const auto& [key, value] : from.items()) {
    auto [it, fresh] = owner.emplace(what + " " + key, file);
    if (!fresh) throw std::runtime_error(what + " '" + key + "' is in both " + it->second + " and " + file);
    into[key] = value;
  }
}

ordered_json merge_catalogs(const std::vector<std::string>& files) {
  ordered_json out = ordered_json::object();
  std::map<std::string, std::string> owner;
  for (const auto& f : files) {
    auto doc = read(f);
    for (const auto& [key, value] : doc.items())
      if (!value.is_string()) throw std::runtime_error(f + ": the text of '" + key + "' is not a string");
    add_members(out, owner, doc, "key", f);
  }
  return out;
}

ordered_json merge_openapi(const std::string& base_file, const std::vector<std::string>& fragments) {
  ordered_json out = ordered_json::object();
  std::map<std::string, std::string> owner;
  auto add = [&](const ordered_json& doc, const std::string& file) {
    if (doc.contains("paths")) add_members(out["paths"], owner, doc["paths"], "path", file);
    if (doc.contains("components"))
      for (const auto& [kind, members] : doc["components"].items())
        add_members(out["components"][kind], owner, members, "component " + kind, file);
    for (const auto& tag : doc.value("tags", ordered_json::array())) {
      auto [it, fresh] = owner.emplace("tag " + tag.value("name", ""), file);
      if (!fresh) throw std::runtime_error("tag '" + tag.value("name", "") + "' is in both " + it->second + " and " + file);
      out["tags"].push_back(tag);
    }
  };
  // The base gives everything else (openapi, info, servers); then each part in turn.
  ordered_json base = read(base_file);
  for (const auto& [key, value] : base.items())
    if (key != "paths" && key != "components" && key != "tags") out[key] = value;
  add(base, base_file);
  for (const auto& f : fragments) add(read(f), f);
  return out;
}

void write_if_changed(const std::string& path, const std::string& text) {
  std::ifstream old(path, std::ios::binary);
  std::string previous((std::istreambuf_iterator<char>(old)), std::istreambuf_iterator<char>());
  if (previous == text) return;
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() < 3 || (args[0] != "catalog" && args[0] != "openapi")) {
    std::cerr << "usage: samen_merge catalog|openapi OUT.json IN.json...\n";
    return 2;
  }
  try {
    std::vector<std::string> inputs(args.begin() + 2, args.end());
    ordered_json out = args[0] == "catalog"
                           ? merge_catalogs(inputs)
                           : merge_openapi(inputs.front(), std::vector<std::string>(inputs.begin() + 1, inputs.end()));
    write_if_changed(args[1], out.dump(2) + "\n");
  } catch (const std::exception& e) {
    std::cerr << "samen_merge: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
