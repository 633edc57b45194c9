#!/usr/bin/env bash
# Journal benchmark (not a test): generates 50,000 synthetic activities with
# notes (the hidden `samen journal-bench-data`) into a fresh data directory,
# serves them with the release binary on loopback (the start-up builds the
# search index) and prints, beside each target, the server-side p50/p95 of
# (from the JSON access log, one request at a time, signed in):
#   - the timeline page /journal, unfiltered and filtered (team, type, year),
#     as a coordinator (every activity) and as a partner (visibility in SQL);
#   - full-text search over notes /journal/search?q=... (one and two words,
#     Dutch and French), as a coordinator and as a partner.
# With --db postgresql://host:port/db the same is measured on PostgreSQL too
# (a database samen_journal_bench the script creates afresh on that server),
# side by side with SQLite.
# Usage: bench/journal.sh [--strict] [--db postgresql://...]  (--strict: exit 1 when a target is missed).
# SAMEN=/path/to/samen, ACTIVITIES=50000, ROUNDS=10 (requests per URL) and KEEP=1 tune it.
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/lib.sh
parse_bench_args "$@"
ACTIVITIES=${ACTIVITIES:-50000}
ROUNDS=${ROUNDS:-10}
SAMEN=${SAMEN:-build/samen}
PASSWORD="bench journal password"

ensure_samen
ensure_commands curl:curl
make_workdir journal
BACKENDS=(sqlite)
[ -n "$PG_URL" ] && BACKENDS+=(postgres) && ensure_commands psql:postgresql-client

echo "Samen journal benchmark: $ACTIVITIES activities, $ROUNDS sequential requests per URL, $(nproc) cores, $("$SAMEN" version 2>/dev/null | head -1 || true)"
echo

TIMELINE=(
  "/journal"
  "/journal?page=40"
  "/journal?team=bench-team-2"
  "/journal?type=focus_group"
  "/journal?year=2016"
  "/journal?team=bench-team-3&type=partner_meeting&year=2019"
  "/journal?team=brussels&page=3"
)
SEARCHES=(
  "/journal/search?q=kinderopvang"
  "/journal/search?q=intervisie"
  "/journal/search?q=ouders+betrokken"
  "/journal/search?q=warme+overgangen"
  "/journal/search?q=tolken"
  "/journal/search?q=accueil+extrascolaire"
  "/journal/search?q=r%C3%A9union"
  "/journal/search?q=meerjarenplan"
  "/journal/search?q=familjecentraler"
  "/journal/search?q=speelotheek&page=3"
)

declare -A R

measure() { # backend db_args...
  local b=$1 dir="$T/$1"
  shift
  mkdir -p "$dir/data"
  echo "[$b] generating $ACTIVITIES activities"
  "$SAMEN" journal-bench-data --activities "$ACTIVITIES" --data "$dir/data" "$@" 2>&1 | sed -u 's/^/  /'
  for who in coordinator partner; do
    local org=()
    [ "$who" = partner ] && org=(--org bench-org-2)
    printf '%s\n' "$PASSWORD" | "$SAMEN" user add --email "$who@bench.example" --name "Bench $who" --role "$who" \
      "${org[@]}" --password-stdin --data "$dir/data" "$@" >/dev/null
  done
  local started
  started=$(now_ms)
  start_samen "$dir/data" "$dir/out.log" "$dir/access.log" 900 "$@"
  R[$b.start]=$(awk -v ms=$(($(now_ms) - started)) 'BEGIN { printf "%.1f", ms / 1000 }')
  # After the bulk load and the start-up's index build, as autovacuum would in time: statistics,
  # and the visibility map that lets a count read an index alone.
  [ $# -ge 2 ] && [ "$1" = --db ] && psql -q "$2" -c "VACUUM ANALYZE" >/dev/null
  sign_in "$dir/coordinator.jar" coordinator@bench.example
  sign_in "$dir/partner.jar" partner@bench.example
  measure_urls "$dir/access.log" "$dir/coordinator.jar" /journal "${TIMELINE[@]}"
  R[$b.tl_c]="$P50 / $P95 / $MAX"
  R[$b.tl_c95]=$P95
  measure_urls "$dir/access.log" "$dir/partner.jar" /journal "${TIMELINE[@]}"
  R[$b.tl_p]="$P50 / $P95 / $MAX"
  R[$b.tl_p95]=$P95
  measure_urls "$dir/access.log" "$dir/coordinator.jar" /journal/search "${SEARCHES[@]}"
  R[$b.s_c]="$P50 / $P95 / $MAX"
  R[$b.s_c95]=$P95
  measure_urls "$dir/access.log" "$dir/partner.jar" /journal/search "${SEARCHES[@]}"
  R[$b.s_p]="$P50 / $P95 / $MAX"
  R[$b.s_p95]=$P95
  R[$b.rss]=$(rss_mb "$SAMEN_PID")
  stop_samen
  echo
}

measure sqlite
if [ -n "$PG_URL" ]; then
  psql -q "$PG_URL" -c "DROP DATABASE IF EXISTS samen_journal_bench" -c "CREATE DATABASE samen_journal_bench" >/dev/null
  measure postgres --db "${PG_URL%/*}/samen_journal_bench"
fi

# ---- the coding helper's part: bench/journal-coding.sh (code-frequency chart at 500,000 coded passages) ----
# The lead joins the two benchmarks here; until then this runs it when it exists.
if [ -x bench/journal-coding.sh ]; then
  echo "bench/journal-coding.sh:"
  bench/journal-coding.sh ${PG_URL:+--db "$PG_URL"} || MISSED=$((MISSED + 1))
  echo
fi
# ---- end of the coding helper's part ----

row() { printf '%-44s' "$1"; shift; local target=${*: -1} i; for ((i = 1; i < $#; i++)); do printf ' %22s' "${!i}"; done; printf '   %s\n' "$target"; }
cols=() ; for b in "${BACKENDS[@]}"; do cols+=("$b"); done
row "server-side ms, p50 / p95 / max" "${cols[@]}" "target"
for fig in "tl_c:timeline, coordinator (sees all)" "tl_p:timeline, partner" "s_c:search over notes, coordinator" "s_p:search over notes, partner"; do
  key=${fig%%:*} label=${fig#*:}
  vals=()
  for b in "${BACKENDS[@]}"; do vals+=("${R[$b.$key]}"); done
  case $key in tl_*) target="p95 < 50" lim=50 ;; *) target="p95 < 20" lim=20 ;; esac
  vs=""
  for b in "${BACKENDS[@]}"; do verdict "${R[$b.${key}95]} < $lim"; vs+="${vs:+/}$V"; done
  row "$label" "${vals[@]}" "$target ($vs)"
done
vals=(); for b in "${BACKENDS[@]}"; do vals+=("${R[$b.start]} s"); done
row "start-up with index build" "${vals[@]}" "-"
vals=(); for b in "${BACKENDS[@]}"; do vals+=("${R[$b.rss]} MB"); done
row "server RSS after the run" "${vals[@]}" "-"
finish "$STRICT"
