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

// Runs a statement run often with the same text. PostgreSQL keeps it
// prepared on the connection: parsed once, planned at each run (under
// PreferIndexScans, plan_cache_mode = force_custom_plan: a generic plan,
// made once for any parameters, made a filtered search five times slower).
// SQLite caches every statement already: c.exec.
Result exec_prepared(Connection& c, std::string_view sql, const Params& params = {});

// While alive, PostgreSQL's planner on this connection uses indexes rather
// than scanning a table and runs no parallel workers: it underestimates what
// matching a tsvector row by row costs and would scan the table for common
// words, and starting workers costs more than they save when the server's
// cores are busy with other requests. Restored on destruction.
//
// Prepared statements (exec_prepared) are planned at each run with their
// parameters, or, from `generic()` until `custom()`, planned once on the
// connection for any parameters: for statements no parameter changes the
// plan of (a walk along a key), which spares the planning (0.3-0.5 ms for a
// search's largest statements).
class PreferIndexScans {
 public:
  enum class Plans { custom, generic };
  explicit PreferIndexScans(Connection& c, Plans first = Plans::custom);
  ~PreferIndexScans();
  PreferIndexScans(const PreferIndexScans&) = delete;
  PreferIndexScans& operator=(const PreferIndexScans&) = delete;
  // Plans at each run from now on (one round trip the first time).
  void custom();

 private:
  Connection& c_;
  Plans plans_;
};

}  // namespace samen::store
