// Named settings a module keeps in the database (the `settings` table of
// the accounts migration): the format and generation of a search index, so
// every process on the database agrees whether it must be rebuilt.
#pragma once
#include <optional>
#include <string>

#include "store/database.hpp"

namespace samen::store {

std::optional<std::string> read_setting(Connection& c, const std::string& name);
void write_setting(Connection& c, const std::string& name, const std::string& value);

// A PostgreSQL tsvector/tsquery lexeme literal: 'word' with quotes and
// backslashes escaped (full-text search engines that compute their own terms).
std::string pg_lexeme(std::string_view lexeme);

}  // namespace samen::store
