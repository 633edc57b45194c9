// Entry point of the samen binary; the commands live in src/cli/.
#include "cli/commands.hpp"

int main(int argc, char** argv) { return samen::cli::run(argc, argv); }
