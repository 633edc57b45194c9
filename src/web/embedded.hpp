// Files compiled into the binary by tools/embed.cpp: templates, message
// catalogs, migrations, static assets and the OpenAPI document.
#pragma once
#include <optional>
#include <span>
#include <string_view>

namespace samen::embedded {

struct File {
  std::string_view name;  // logical name, e.g. "templates/layout.tpl"
  std::string_view data;
};

std::span<const File> all();

// The file with this logical name, if embedded.
inline std::optional<std::string_view> find(std::string_view name) {
  for (const auto& f : all())
    if (f.name == name) return f.data;
  return std::nullopt;
}

}  // namespace samen::embedded
