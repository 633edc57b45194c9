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
// prepared on the connection: parsed once, and under PreferIndexScans
// planned at each run with its parameters (a generic plan, made once for any
// parameters, made a filtered search's GIN readings five times slower),
// unless the scope asks for generic plans (PreferIndexScans::Plans).
// SQLite caches every statement already: c.exec.
Result exec_prepared(Connection& c, std::string_view sql, const Params& params = {});

// Planner settings of a PostgreSQL session (PreferIndexScans). The session
// gets them before its next statement, and only when they differ from what
// it has: searches one after another on a pooled connection send none, and
// the next other use of it resets them first (one round trip each way where
// every search sent two). SQLite: ignored.
struct PlannerSettings {
  enum class Plans { custom, generic };
  bool index_scans = false;  // enable_seqscan off, no parallel workers
  Plans plans = Plans::custom;
  bool operator==(const PlannerSettings&) const = default;
};
void want_planner_settings(Connection& c, const PlannerSettings& settings);

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
  using Plans = PlannerSettings::Plans;
  explicit PreferIndexScans(Connection& c, Plans first = Plans::custom);
  ~PreferIndexScans();
  PreferIndexScans(const PreferIndexScans&) = delete;
  PreferIndexScans& operator=(const PreferIndexScans&) = delete;
  // Plans at each run from the next statement on.
  void custom();

 private:
  Connection& c_;
};

}  // namespace samen::store
