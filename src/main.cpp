// Entry point of the samen binary; the commands live in src/cli/.
#include <malloc.h>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  // Request handlers free their memory when they finish; with glibc's default
  // trim threshold each worker arena gave it back to the kernel at once
  // (madvise and TLB flushes: 8% of a results page's time in a profile).
  // A few MiB is far above what one request allocates.
  mallopt(M_TRIM_THRESHOLD, 8 << 20);
  // Setting the trim threshold also freezes glibc's otherwise adaptive mmap
  // threshold at 128 KiB: every larger block (a long page's HTML while the
  // template grows it, a version snapshot, the response) was then a fresh
  // mmap, page-faulted in on first touch and unmapped on free, over again on
  // every request: half the CPU time of a long method's version comparison
  // (bench/toolbox.sh: 10.5 → 5 ms per request). Blocks up to 4 MiB now come
  // from the arenas and are reused; larger ones are still mapped apart.
  mallopt(M_MMAP_THRESHOLD, 4 << 20);
  return samen::cli::run(argc, argv);
}
