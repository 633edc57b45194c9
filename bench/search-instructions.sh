#!/usr/bin/env bash
# Xapian search cost in instructions (not a test): generates a synthetic
# directory on SQLite (samen demo-directory, SERVICES, 100,000 by default),
# serves it under valgrind's callgrind with the result cache off and prints,
# for each results-page search of bench/directory-queries.txt, the
# instructions the engine ran per request (the inclusive cost of
# XapianSearch::search, averaged over ROUNDS requests), sorted, with the
# median pair that decides the bench's engine p50.
# Instructions do not depend on the machine's load, so this compares two
# builds while other work runs, where bench/directory.sh's milliseconds
# cannot; it leaves out the kernel's time (Xapian's block reads), so read it
# beside a quiet bench/directory.sh run. On the session-19 machine the engine
# p50 was about 4 M instructions per millisecond. PostgreSQL's engine time is
# spent in the database server, not in samen: this measures Xapian only.
# Usage: bench/search-instructions.sh   (SAMEN=/path/to/samen, SERVICES=100000,
# ROUNDS=3, DATA=dir: an existing data directory instead of a fresh one,
# KEEP=1 keeps the generated one)
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/lib.sh
SERVICES=${SERVICES:-100000}
ROUNDS=${ROUNDS:-3}
SAMEN=${SAMEN:-build/samen}

ensure_samen
ensure_commands valgrind:valgrind callgrind_annotate:valgrind curl:curl
make_workdir search-instructions
mapfile -t QUERIES < <(grep -v '^#' bench/directory-queries.txt)

if [ -z "${DATA:-}" ]; then
  DATA="$T/data"
  mkdir -p "$DATA"
  echo "generating $SERVICES services"
  "$SAMEN" demo-directory --services "$SERVICES" --data "$DATA" | sed -u 's/^/  /'
fi

# The server under callgrind, instrumented only while one query's requests run.
valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$T/cg.%p" \
  "$SAMEN" serve --listen 127.0.0.1:0 --data "$DATA" --search-cache-ms 0 >"$T/out.log" 2>"$T/err.log" &
SAMEN_PID=$!
PIDS+=("$SAMEN_PID")
SAMEN_URL=""
for _ in $(seq 3000); do  # a rebuild of the index under valgrind takes minutes
  SAMEN_URL=$(grep -o 'Samen is listening on http://127\.0\.0\.1:[0-9]*' "$T/out.log" | head -1 | sed 's/.* on //') || true
  [ -n "$SAMEN_URL" ] && break
  kill -0 "$SAMEN_PID" 2>/dev/null || { echo "bench: samen exited:" >&2; cat "$T/out.log" "$T/err.log" >&2; exit 1; }
  sleep 0.2
done
[ -n "$SAMEN_URL" ] || { echo "bench: samen printed no address" >&2; exit 1; }
for q in "${QUERIES[@]}"; do curl -s -o /dev/null "$SAMEN_URL$q"; done  # warm: readers open, pages cached

# Million instructions per request of one query (one connection, keep-alive).
engine_mi() { # query index
  local q=$1 n=$2 r dump
  for r in $(seq "$ROUNDS"); do printf 'url = "%s"\noutput = /dev/null\n' "$SAMEN_URL$q"; done >"$T/curl.cfg"
  callgrind_control -i on "$SAMEN_PID" >/dev/null 2>&1
  curl -s -K "$T/curl.cfg"
  callgrind_control -i off "$SAMEN_PID" >/dev/null 2>&1
  callgrind_control -d "q$n" "$SAMEN_PID" >/dev/null 2>&1
  dump=$(grep -l "^desc: Trigger: dump q$n\$" "$T"/cg.* | head -1)
  callgrind_annotate --inclusive=yes "$dump" 2>/dev/null | grep -m1 'XapianSearch::search(' |
    awk -v r="$ROUNDS" '{ gsub(",", "", $1); printf "%.2f", $1 / r / 1e6 }'
}

echo "Xapian engine instructions per request, $ROUNDS request(s) per search, $("$SAMEN" version | head -1):"
i=0
for q in "${QUERIES[@]}"; do
  i=$((i + 1))
  printf '%10s Mi  %s\n' "$(engine_mi "$q" "$i")" "$q"
done | tee "$T/table.txt"
sort -n "$T/table.txt" | awk '{ v[NR] = $1 } END {
  m = int((NR + 1) / 2)
  printf "median pair (the engine p50): %s / %s Mi; largest: %s Mi\n", v[m], v[NR % 2 ? m : m + 1], v[NR] }'
