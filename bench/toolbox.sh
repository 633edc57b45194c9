#!/usr/bin/env bash
# Toolbox benchmark (not a test): generates 2,000 synthetic methods in nl, fr
# and en with 20,000 versions in all (the hidden `samen toolbox-bench-data`)
# into a fresh data directory, serves them with the release binary on
# loopback and prints, beside each target, the server-side p50/p95 (from the
# JSON access log, one request at a time, signed in as a coordinator) of:
#   - the catalogue /toolbox with filters and sorts (target p95 < 20 ms);
#   - the field-by-field comparison of two versions of a long method
#     (60 steps per language, every field changed; target < 10 ms);
#   - the PDF booklet of 200 methods (about 400 pages, drawn in-process with
#     cairo+pango by documents/book_pdf.hpp; target < 10 s), and the server's
#     CPU time per booklet (user + system, from /proc: unlike the wall-clock
#     figures, the machine's load does not change it) and its page count.
# With --db postgresql://host:port/db the same is measured on PostgreSQL too
# (a database samen_toolbox_bench the script creates afresh on that server).
# Usage: bench/toolbox.sh [--strict] [--db postgresql://...]  (--strict: exit 1 when a target is missed).
# SAMEN=/path/to/samen, METHODS=2000, VERSIONS=20000, ROUNDS=40 (a p95 of 10 requests is their slowest), PDF=0 (no booklet) and KEEP=1 tune it.
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/lib.sh
parse_bench_args "$@"
METHODS=${METHODS:-2000}
VERSIONS=${VERSIONS:-20000}
ROUNDS=${ROUNDS:-40}
SAMEN=${SAMEN:-build/samen}
PASSWORD="bench toolbox password"

ensure_samen
ensure_commands curl:curl
make_workdir toolbox
BACKENDS=(sqlite)
[ -n "$PG_URL" ] && BACKENDS+=(postgres) && ensure_commands psql:postgresql-client
HAVE_PDF=${PDF:-1}  # PDF=0 skips the booklet

echo "Samen toolbox benchmark: $METHODS methods × 3 languages, $VERSIONS versions, $ROUNDS sequential requests per URL, $(nproc) cores"
echo

CATALOGUE=(
  "/toolbox"
  "/toolbox?page=20"
  "/toolbox?phase=planning"
  "/toolbox?topic=transitions&sort=rating"
  "/toolbox?size=6&duration=120&sort=duration"
  "/toolbox?language=fr&phase=acting&sort=use"
  "/toolbox?q=methode+12&sort=updated"
  "/toolbox?status=all&topic=parent_participation&size=10&page=3"
)
DIFF=("/toolbox/bench-long/versions?a=1&b=2")
BOOKLET=("/toolbox/booklet?lang=nl&limit=200")

declare -A R

measure() { # backend db_args...
  local b=$1 dir="$T/$1"
  shift
  mkdir -p "$dir/data"
  echo "[$b] generating $METHODS methods, $VERSIONS versions"
  "$SAMEN" toolbox-bench-data --methods "$METHODS" --versions "$VERSIONS" --data "$dir/data" "$@" 2>&1 | sed -u 's/^/  /'
  printf '%s\n' "$PASSWORD" | "$SAMEN" user add --email coordinator@bench.example --name "Bench coordinator" \
    --role coordinator --password-stdin --data "$dir/data" "$@" >/dev/null
  start_samen "$dir/data" "$dir/out.log" "$dir/access.log" 300 "$@"
  sign_in "$dir/coordinator.jar" coordinator@bench.example
  measure_urls "$dir/access.log" "$dir/coordinator.jar" /toolbox "${CATALOGUE[@]}"
  R[$b.cat]="$P50 / $P95 / $MAX"
  R[$b.cat95]=$P95
  measure_urls "$dir/access.log" "$dir/coordinator.jar" "/toolbox/{id}/versions" "${DIFF[@]}"
  R[$b.diff]="$P50 / $P95 / $MAX"
  R[$b.diff95]=$P95
  if [ "$HAVE_PDF" = 1 ]; then
    local cpu0
    cpu0=$(cpu_ms "$SAMEN_PID")
    ROUNDS=2 measure_urls "$dir/access.log" "$dir/coordinator.jar" /toolbox/booklet "${BOOKLET[@]}"
    R[$b.pdf]="$P50 / $P95 / $MAX"
    R[$b.pdf95]=$P95
    R[$b.pdfcpu]=$(( ($(cpu_ms "$SAMEN_PID") - cpu0) / 3 ))  # a warm-up and two rounds
    curl -s -o "$dir/booklet.pdf" -b "$dir/coordinator.jar" "$SAMEN_URL${BOOKLET[0]}"
    R[$b.pages]=$( (command -v pdfinfo >/dev/null && pdfinfo "$dir/booklet.pdf" | awk '/^Pages:/ { print $2 }') || echo "?")
  else
    R[$b.pdf]="(PDF=0)"
    R[$b.pdf95]=0
    R[$b.pdfcpu]="-"
    R[$b.pages]="-"
  fi
  R[$b.rss]=$(rss_mb "$SAMEN_PID")
  stop_samen
  echo
}

measure sqlite
if [ -n "$PG_URL" ]; then
  psql -q "$PG_URL" -c "DROP DATABASE IF EXISTS samen_toolbox_bench" -c "CREATE DATABASE samen_toolbox_bench" >/dev/null
  measure postgres --db "${PG_URL%/*}/samen_toolbox_bench"
fi

row() { printf '%-44s' "$1"; shift; local target=${*: -1} i; for ((i = 1; i < $#; i++)); do printf ' %26s' "${!i}"; done; printf '   %s\n' "$target"; }
cols=(); for b in "${BACKENDS[@]}"; do cols+=("$b"); done
row "server-side ms, p50 / p95 / max" "${cols[@]}" "target"
for fig in "cat:catalogue with filters and sorts:20" "diff:version comparison, long method:10" "pdf:booklet PDF, 200 methods:10000"; do
  IFS=: read -r key label lim <<<"$fig"
  vals=(); vs=""
  for b in "${BACKENDS[@]}"; do
    vals+=("${R[$b.$key]}")
    if [ "$key" = pdf ] && [ "$HAVE_PDF" = 0 ]; then V=skipped; else verdict "${R[$b.${key}95]} < $lim"; fi
    vs+="${vs:+/}$V"
  done
  row "$label" "${vals[@]}" "p95 < $lim ($vs)"
done
vals=(); for b in "${BACKENDS[@]}"; do vals+=("${R[$b.pdfcpu]} ms, ${R[$b.pages]} pages"); done
row "booklet PDF: server CPU per booklet, pages" "${vals[@]}" "-"
vals=(); for b in "${BACKENDS[@]}"; do vals+=("${R[$b.rss]} MB"); done
row "server RSS after the run" "${vals[@]}" "-"
finish "$STRICT"
