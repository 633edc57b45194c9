// Entry point of the samen binary; the commands live in src/cli/.
#include <malloc.h>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  // Request handlers free their memory when they finish; with glibc's default
  // trim threshold each worker arena gave it back to the kernel at once
  // (madvise and TLB flushes: 8% of a results page's time in a profile).
  // A few MiB is far above what one request allocates.
  mallopt(M_TRIM_THRESHOLD, 8 << 20);
  return samen::cli::run(argc, argv);
}
