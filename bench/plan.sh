#!/usr/bin/env bash
# Plan benchmark (not a test): generates a multi-year plan of 50 objectives,
# 2,000 actions and 200 indicators with 5 years of monthly values (the hidden
# `samen plan-bench-data`) into a fresh data directory, serves it with the
# release binary on loopback and prints, beside each target, the server-side
# p50/p95 (from the JSON access log, one request at a time, signed in as a
# coordinator) of:
#   - the roll-up /plan: the whole plan, the Brussels-wide level, one team;
#   - the dashboard /plan/dashboard: the whole plan and one team.
# With --db postgresql://host:port/db the same is measured on PostgreSQL too
# (a database samen_plan_bench the script creates afresh on that server).
# Usage: bench/plan.sh [--strict] [--db postgresql://...]  (--strict: exit 1 when a target is missed).
# SAMEN=/path/to/samen, OBJECTIVES=50, ACTIONS=2000, INDICATORS=200, YEARS=5, ROUNDS=20 and KEEP=1 tune it.
# The script has sections: the plan's (below) and, appended after it, the parents' voice's
# (concerns, surveys, "you said, we did"), each filling R[...] and ROWS for the table at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/lib.sh
parse_bench_args "$@"
OBJECTIVES=${OBJECTIVES:-50}
ACTIONS=${ACTIONS:-2000}
INDICATORS=${INDICATORS:-200}
YEARS=${YEARS:-5}
ROUNDS=${ROUNDS:-20}
SAMEN=${SAMEN:-build/samen}
PASSWORD="bench plan password"

ensure_samen
ensure_commands curl:curl
make_workdir plan
BACKENDS=(sqlite)
[ -n "$PG_URL" ] && BACKENDS+=(postgres) && ensure_commands psql:postgresql-client

echo "Samen plan benchmark: $OBJECTIVES objectives, $ACTIONS actions, $INDICATORS indicators x $YEARS years of monthly values,"
echo "$ROUNDS sequential requests per URL, $(nproc) cores, $("$SAMEN" version 2>/dev/null | head -1 || true)"
echo

declare -A R
ROWS=()  # "key:label:limit" of the final table, in order; each section adds its own

# Starts a server on the backend's data (made by `prepare`), signs in a coordinator; call stop_samen after.
serve_backend() { # backend db_args...
  local b=$1 dir="$T/$1"
  shift
  start_samen "$dir/data" "$dir/out.log" "$dir/access.log" 300 "$@"
  sign_in "$dir/coordinator.jar" coordinator@bench.example
}

# Data directory and accounts of a backend.
prepare() { # backend db_args...
  local b=$1 dir="$T/$1"
  shift
  mkdir -p "$dir/data"
  printf '%s\n' "$PASSWORD" | "$SAMEN" user add --email coordinator@bench.example --name "Bench coordinator" \
    --role coordinator --password-stdin --data "$dir/data" "$@" >/dev/null
}

DB_ARGS_sqlite=()
DB_ARGS_postgres=()
if [ -n "$PG_URL" ]; then
  psql -q "$PG_URL" -c "DROP DATABASE IF EXISTS samen_plan_bench" -c "CREATE DATABASE samen_plan_bench" >/dev/null
  DB_ARGS_postgres=(--db "${PG_URL%/*}/samen_plan_bench")
fi
db_args() { local v="DB_ARGS_$1[@]"; echo "${!v}"; }

for b in "${BACKENDS[@]}"; do
  # shellcheck disable=SC2046
  prepare "$b" $(db_args "$b")
done

# ---- the plan's section: roll-up and dashboard ----
ROLLUP=("/plan" "/plan?team=brussels" "/plan?team=bench-team-2")
DASHBOARD=("/plan/dashboard" "/plan/dashboard?team=bench-team-3")
for b in "${BACKENDS[@]}"; do
  dir="$T/$b"
  echo "[$b] generating the plan"
  # shellcheck disable=SC2046
  "$SAMEN" plan-bench-data --objectives "$OBJECTIVES" --actions "$ACTIONS" --indicators "$INDICATORS" --years "$YEARS" \
    --data "$dir/data" $(db_args "$b") 2>&1 | sed -u 's/^/  /'
  # shellcheck disable=SC2046
  serve_backend "$b" $(db_args "$b")
  measure_urls "$dir/access.log" "$dir/coordinator.jar" /plan "${ROLLUP[@]}"
  R[$b.rollup]="$P50 / $P95 / $MAX"; R[$b.rollup95]=$P95
  measure_urls "$dir/access.log" "$dir/coordinator.jar" /plan/dashboard "${DASHBOARD[@]}"
  R[$b.dash]="$P50 / $P95 / $MAX"; R[$b.dash95]=$P95
  R[$b.rss]=$(rss_mb "$SAMEN_PID")
  stop_samen
  echo
done
ROWS+=("rollup:roll-up /plan (whole, Brussels, one team):50" "dash:dashboard /plan/dashboard (whole, one team):50")
# ---- end of the plan's section ----

# ---- the parents' voice's section goes here (concerns, surveys, "you said, we did") ----

row() { printf '%-48s' "$1"; shift; local target=${*: -1} i; for ((i = 1; i < $#; i++)); do printf ' %22s' "${!i}"; done; printf '   %s\n' "$target"; }
cols=(); for b in "${BACKENDS[@]}"; do cols+=("$b"); done
row "server-side ms, p50 / p95 / max" "${cols[@]}" "target"
for fig in "${ROWS[@]}"; do
  IFS=: read -r key label lim <<<"$fig"
  vals=(); vs=""
  for b in "${BACKENDS[@]}"; do
    vals+=("${R[$b.$key]}")
    verdict "${R[$b.${key}95]} < $lim"; vs+="${vs:+/}$V"
  done
  row "$label" "${vals[@]}" "p95 < $lim ($vs)"
done
vals=(); for b in "${BACKENDS[@]}"; do vals+=("${R[$b.rss]} MB"); done
row "server RSS after the plan's section" "${vals[@]}" "-"
finish "$STRICT"
