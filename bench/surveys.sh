#!/usr/bin/env bash
# Surveys benchmark (not a test): generates a parents' survey (the demo's
# seven questions: single and multiple choice, a Likert scale with skip logic,
# a number, open text) with 10,000 submitted responses (the hidden `samen
# surveys-bench-data`) into a fresh data directory, serves it with the
# release binary on loopback and prints the server-side p50/p95/max (from the
# JSON access log, one request at a time, signed in as a coordinator) of the
# results page /surveys/{id}/results (the JSON /api/v1/surveys/{id}/results
# runs the same queries).
# The results are SQL aggregates (GROUP BY question and option), never a load
# of every response. Target: p95 < 100 ms (issue 17).
# With --db postgresql://host:port/db the same is measured on PostgreSQL too
# (a database samen_surveys_bench the script creates afresh on that server).
# Usage: bench/surveys.sh [--strict] [--db postgresql://...]
# SAMEN=/path/to/samen, RESPONSES=10000, ROUNDS=20 and KEEP=1 tune it.
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/lib.sh
parse_bench_args "$@"
RESPONSES=${RESPONSES:-10000}
ROUNDS=${ROUNDS:-20}
SAMEN=${SAMEN:-build/samen}
PASSWORD="bench surveys password"

ensure_samen
ensure_commands curl:curl
make_workdir surveys
BACKENDS=(sqlite)
[ -n "$PG_URL" ] && BACKENDS+=(postgres) && ensure_commands psql:postgresql-client

echo "Samen surveys benchmark: one survey with $RESPONSES submitted responses, $ROUNDS sequential requests per URL,"
echo "$(nproc) cores, $("$SAMEN" version 2>/dev/null | head -1 || true)"
echo

DB_ARGS_sqlite=()
DB_ARGS_postgres=()
if [ -n "$PG_URL" ]; then
  psql -q "$PG_URL" -c "DROP DATABASE IF EXISTS samen_surveys_bench" -c "CREATE DATABASE samen_surveys_bench" >/dev/null
  DB_ARGS_postgres=(--db "${PG_URL%/*}/samen_surveys_bench")
fi
db_args() { local v="DB_ARGS_$1[@]"; echo "${!v}"; }

declare -A R
for b in "${BACKENDS[@]}"; do
  dir="$T/$b"
  mkdir -p "$dir/data"
  # shellcheck disable=SC2046
  printf '%s\n' "$PASSWORD" | "$SAMEN" user add --email coordinator@bench.example --name "Bench coordinator" \
    --role coordinator --password-stdin --data "$dir/data" $(db_args "$b") >/dev/null
  echo "[$b] generating the responses"
  # shellcheck disable=SC2046
  out=$("$SAMEN" surveys-bench-data --responses "$RESPONSES" --data "$dir/data" $(db_args "$b") 2>&1)
  echo "  $out"
  id=$(echo "$out" | grep -o 'survey [0-9a-f-]*' | head -1 | cut -d' ' -f2)
  # shellcheck disable=SC2046
  start_samen "$dir/data" "$dir/out.log" "$dir/access.log" 300 $(db_args "$b")
  sign_in "$dir/coordinator.jar" coordinator@bench.example
  measure_urls "$dir/access.log" "$dir/coordinator.jar" /surveys/{id}/results "/surveys/$id/results"
  R[$b]="$P50 / $P95 / $MAX"; R[$b.95]=$P95
  stop_samen
  echo
done

printf '%-40s' "server-side ms, p50 / p95 / max"; for b in "${BACKENDS[@]}"; do printf ' %22s' "$b"; done; printf '   target\n'
printf '%-40s' "results /surveys/{id}/results"
vs=""
for b in "${BACKENDS[@]}"; do printf ' %22s' "${R[$b]}"; verdict "${R[$b.95]} < 100"; vs+="${vs:+/}$V"; done
printf '   p95 < 100 (%s)\n' "$vs"
finish "$STRICT"
