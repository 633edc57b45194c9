// Entry point of the samen binary; the commands live in src/cli/.
#include <malloc.h>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  // Request handlers free their memory when they finish; with glibc's default
  // trim threshold each worker arena gave it back to the kernel at once
  // (madvise and TLB flushes: 8% of a results page's time in a profile), and
  // the next request faulted the same pages in again. The threshold must be
  // above what the largest page allocates: the plan's roll-up of 2,050 items
  // (bench/plan.sh) builds about 8 MiB of rows, dictionaries and HTML, and at
  // 8 MiB it took ~1,900 page faults and twice the CPU time per request
  // (64 → 30 ms); from 16 MiB on, a few. 32 MiB leaves room; idle memory kept
  // is at most that per malloc arena.
  mallopt(M_TRIM_THRESHOLD, 32 << 20);
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
