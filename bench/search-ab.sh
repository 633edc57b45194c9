#!/usr/bin/env bash
# Engine time of two or more samen builds on one directory, side by side
# (not a test): each build serves the same data (a copy of DATA per build,
# the same PostgreSQL database or SQLite file) with the result cache off, and
# every results-page search of bench/directory-queries.txt goes to each build
# in turn, ROUNDS times, so that the machine's ups and downs (±25% between
# bench/directory.sh runs on the session-22 VM) fall on every build alike.
# It prints each search's median engine time (Server-Timing search;dur) per
# build, then each build's p50 / p99 over every request, the figures
# bench/directory.sh's "one request at a time" line gives. An engine that
# fails a search answers it fast with no results: the hit count column of the
# first round shows that (services listed on the page).
# Usage: bench/search-ab.sh DATA ROUNDS SAMEN... [-- serve arguments]
#   DATA: a data directory made by `samen demo-directory` (for PostgreSQL,
#   pass `-- --db postgresql://...` naming the database it was made in).
# Example: bench/search-ab.sh /tmp/d 10 old/samen build/samen -- --db postgresql://u@host:5432/dir
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 3 ] || { sed -n 2,17p "$0"; exit 2; }
DATA=$1 ROUNDS=$2; shift 2
BINS=(); while [ $# -gt 0 ] && [ "$1" != "--" ]; do BINS+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
SERVE_ARGS=("$@")
T=$(mktemp -d); PIDS=(); URLS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$T"; }
trap cleanup EXIT
for i in "${!BINS[@]}"; do
  mkdir -p "$T/data$i"; cp -r "$DATA/." "$T/data$i/"
  "${BINS[$i]}" serve --listen 127.0.0.1:0 --data "$T/data$i" --search-cache-ms 0 "${SERVE_ARGS[@]}" >"$T/serve$i.log" 2>&1 &
  PIDS+=($!)
  url=""
  for _ in $(seq 600); do
    url=$(grep -o 'Samen is listening on http://127\.0\.0\.1:[0-9]*' "$T/serve$i.log" | head -1 | sed 's/.* on //' || true)
    [ -n "$url" ] && break; sleep 0.1
  done
  [ -n "$url" ] || { cat "$T/serve$i.log"; exit 1; }
  URLS+=("$url")
done
mapfile -t Q < <(grep -v '^#' bench/directory-queries.txt)
for _ in 1 2; do for q in "${Q[@]}"; do for u in "${URLS[@]}"; do curl -s -o /dev/null "$u$q"; done; done; done  # warm
for r in $(seq "$ROUNDS"); do
  for qi in "${!Q[@]}"; do
    for bi in "${!URLS[@]}"; do
      curl -s -D "$T/h" -o "$T/b" "${URLS[$bi]}${Q[$qi]}"
      v=$(tr -d '\r' <"$T/h" | sed -n 's/^[Ss]erver-[Tt]iming:.*search;dur=\([0-9.]*\).*/\1/p')
      echo "$v" >>"$T/$bi.$qi"; echo "$v" >>"$T/$bi.all"
      [ "$r" = 1 ] && grep -c 'class="result"' "$T/b" >"$T/$bi.$qi.hits" || true
    done
  done
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {printf "%8.2f", a[int((NR+1)/2)]}'; }
printf '%s\n' "median engine ms per search, then hits on the page, for: ${BINS[*]}"
for qi in "${!Q[@]}"; do
  line=""; hits=""
  for bi in "${!URLS[@]}"; do line+="$(median "$T/$bi.$qi")"; hits+=" $(cat "$T/$bi.$qi.hits")"; done
  echo "$line  ($hits )  ${Q[$qi]}"
done
for bi in "${!URLS[@]}"; do
  sort -n "$T/$bi.all" | awk -v b="${BINS[$bi]}" \
    '{a[NR]=$1} END {printf "%s: engine p50 %.2f ms, p99 %.2f ms (%d requests)\n", b, a[int(NR*0.5+0.5)], a[int(NR*0.99+0.5)], NR}'
done
