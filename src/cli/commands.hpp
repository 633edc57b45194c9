// The samen command line: serve, migrate, user, token, backup, version.
// Every subcommand takes --data/--db and creates and migrates the database
// when it is new. Errors go to stderr with a non-zero exit code.
#pragma once

namespace samen::cli {

int run(int argc, char** argv);

}  // namespace samen::cli
