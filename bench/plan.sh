#!/usr/bin/env bash
# Plan and parents' voice benchmark (not a test) at the sizes of issue 17: a
# multi-year plan of 50 objectives, 2,000 actions and 200 indicators with 5
# years of monthly values (the hidden `samen plan-bench-data`), then 20,000
# parents' concerns, 30% published, half of them linked to actions (the
# hidden `samen parents-bench-data`), in a fresh data directory per backend,
# served by the release binary on loopback. It prints, beside each target:
#   - the plan's section: the server-side p50/p95 (from the JSON access log,
#     one request at a time, signed in as a coordinator) of the roll-up /plan
#     (the whole plan, the Brussels-wide level, one team) and the dashboard
#     /plan/dashboard (the whole plan and one team); target p95 < 50 ms;
#   - the parents' voice's section: the register /parents (unfiltered,
#     filtered, paged; server-side, target p95 < 50 ms) and the public "you
#     said, we did" page /you-said-we-did served by Samen (anonymous, as wrk
#     asks it) against a private nginx serving the same bytes as a static file
#     (wrk requests/s; target >= 0.5x nginx);
#   - the surveys' section: a parents' survey with 10,000 submitted responses
#     (the hidden `samen surveys-bench-data`) and the server-side p50/p95 of its
#     results page /surveys/{id}/results (charts, tables, the latest open
#     texts) and of the first page of its open texts; target p95 < 100 ms.
# With --db postgresql://host:port/db the same is measured on PostgreSQL too
# (a database samen_plan_bench the script creates afresh on that server).
# Usage: bench/plan.sh [--strict] [--db postgresql://...]  (--strict: exit 1 when a target is missed).
# SAMEN=/path/to/samen, OBJECTIVES=50, ACTIONS=2000, INDICATORS=200, YEARS=5, CONCERNS=20000, RESPONSES=10000,
# ROUNDS=20, DURATION=10s, CONNECTIONS=64, THREADS=2 and KEEP=1 tune it.
# The script has sections: the plan's, the parents' voice's (concerns, "you said, we did") and the
# surveys' (results page), each filling R[...] and ROWS for the table at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/lib.sh
parse_bench_args "$@"
OBJECTIVES=${OBJECTIVES:-50}
ACTIONS=${ACTIONS:-2000}
INDICATORS=${INDICATORS:-200}
YEARS=${YEARS:-5}
ROUNDS=${ROUNDS:-20}
CONCERNS=${CONCERNS:-20000}
RESPONSES=${RESPONSES:-10000}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
SAMEN=${SAMEN:-build/samen}
PASSWORD="bench plan password"

ensure_samen
ensure_commands curl:curl wrk:wrk nginx:nginx-light
( (service nginx stop || sudo service nginx stop) >/dev/null 2>&1 || true )
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
make_workdir plan
BACKENDS=(sqlite)
[ -n "$PG_URL" ] && BACKENDS+=(postgres) && ensure_commands psql:postgresql-client

echo "Samen plan benchmark: $OBJECTIVES objectives, $ACTIONS actions, $INDICATORS indicators x $YEARS years of monthly values,"
echo "$CONCERNS concerns, a survey of $RESPONSES responses; $ROUNDS sequential requests per URL, wrk -t$THREADS -c$CONNECTIONS -d$DURATION; $(nproc) cores,"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the start; $("$SAMEN" version 2>/dev/null | head -1 || true)"
echo

declare -A R
# Keeps the last measure_urls figures under KEY: "p50 / p95 / max", and as KEY95 the p95 the verdicts compare.
record() { R[$1]="$P50 / $P95 / $MAX"; R[${1}95]=$P95; }
# The final table's rows, in order; each section adds its own: "p95:key:label:limit" (R[backend.key] shown,
# R[backend.key95] < limit) or "ratio:key:label:limit" (R[backend.key] shown, R[backend.keyratio] >= limit).
ROWS=()

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
  record "$b.rollup"
  measure_urls "$dir/access.log" "$dir/coordinator.jar" /plan/dashboard "${DASHBOARD[@]}"
  record "$b.dash"
  R[$b.rss]=$(rss_mb "$SAMEN_PID")
  stop_samen
  echo
done
ROWS+=("p95:rollup:roll-up /plan (whole, Brussels, one team):50" "p95:dash:dashboard /plan/dashboard (whole, one team):50")
# ---- end of the plan's section ----

# ---- the parents' voice's section: the register and "you said, we did" ----
REGISTER=(
  "/parents"
  "/parents?page=150"
  "/parents?theme=waiting_lists"
  "/parents?status=action_planned&team=bench-parents-team-2"
  "/parents?municipality=21010&source=survey"
  "/parents?published=yes&page=20"
)
for b in "${BACKENDS[@]}"; do
  dir="$T/$b"
  echo "[$b] generating the concerns"
  # shellcheck disable=SC2046
  "$SAMEN" parents-bench-data --concerns "$CONCERNS" --data "$dir/data" $(db_args "$b") 2>&1 | sed -u 's/^/  /'
  # shellcheck disable=SC2046
  serve_backend "$b" $(db_args "$b")
  measure_urls "$dir/access.log" "$dir/coordinator.jar" /parents "${REGISTER[@]}"
  record "$b.register"
  # The public page against nginx serving the same bytes (and its stylesheet) as static files.
  rm -rf "$T/www"
  mkdir -p "$T/www/you-said-we-did"
  curl -fsS "$SAMEN_URL/you-said-we-did" -o "$T/www/you-said-we-did/index.html"
  css=$(grep -o '<link[^>]*rel="\?stylesheet"\?[^>]*>' "$T/www/you-said-we-did/index.html" | grep -o 'href="[^"]*"' | head -1 |
    sed 's/href="//; s/"$//') || true
  if [ -n "$css" ]; then mkdir -p "$T/www$(dirname "$css")"; curl -fsS "$SAMEN_URL$css" -o "$T/www$css"; fi
  serve_www_with_nginx /you-said-we-did/index.html
  nginx_pid=${PIDS[-1]}
  nginx_url="http://127.0.0.1:$NPORT/you-said-we-did/index.html"
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$nginx_url")" = 200 ] ||
    { echo "bench: nginx did not start:" >&2; cat "$T/nginx-error.log" >&2; exit 1; }
  echo "  /you-said-we-did: $(wc -c <"$T/www/you-said-we-did/index.html") bytes"
  warm_up "$SAMEN_URL/you-said-we-did"
  run_wrk "$SAMEN_URL/you-said-we-did"
  samen_rps=$RPS
  echo "  samen: $RPS req/s, client p50 $P50 ms, p99 $P99 ms${ERRS:+ ($ERRS)}"
  warm_up "$nginx_url"
  run_wrk "$nginx_url"
  echo "  nginx, the same bytes: $RPS req/s, client p50 $P50 ms, p99 $P99 ms${ERRS:+ ($ERRS)}"
  R[$b.public]="$samen_rps / $RPS req/s"
  R[$b.publicratio]=$(awk -v a="$samen_rps" -v b="$RPS" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  R[$b.public]+=" = ${R[$b.publicratio]}x"
  kill -TERM "$nginx_pid" 2>/dev/null || true
  wait "$nginx_pid" 2>/dev/null || true
  R[$b.rss2]=$(rss_mb "$SAMEN_PID")
  stop_samen
  echo
done
ROWS+=("p95:register:register /parents (6 URLs):50" "ratio:public:/you-said-we-did samen / nginx:0.5")
# ---- end of the parents' voice's section ----

# ---- the surveys' section: the results page of a survey with RESPONSES responses ----
for b in "${BACKENDS[@]}"; do
  dir="$T/$b"
  echo "[$b] generating the survey's responses"
  # shellcheck disable=SC2046
  out=$("$SAMEN" surveys-bench-data --responses "$RESPONSES" --data "$dir/data" $(db_args "$b") 2>&1) ||
    { echo "$out" >&2; exit 1; }
  echo "  $out"
  id=$(echo "$out" | grep -o 'survey [0-9a-f-]*' | head -1 | cut -d' ' -f2)
  # shellcheck disable=SC2046
  serve_backend "$b" $(db_args "$b")
  measure_urls "$dir/access.log" "$dir/coordinator.jar" /surveys/{id}/results "/surveys/$id/results"
  record "$b.results"
  measure_urls "$dir/access.log" "$dir/coordinator.jar" /surveys/{id}/results/texts/{qid} \
    "/surveys/$id/results/texts/wish" "/surveys/$id/results/texts/wish?page=20"
  record "$b.texts"
  R[$b.rss3]=$(rss_mb "$SAMEN_PID")
  stop_samen
  echo
done
ROWS+=("p95:results:survey results /surveys/{id}/results:100" "p95:texts:its open texts, pages 1 and 20:100")
# ---- end of the surveys' section ----

row() { printf '%-48s' "$1"; shift; local target=${*: -1} i; for ((i = 1; i < $#; i++)); do printf ' %30s' "${!i}"; done; printf '   %s\n' "$target"; }
cols=(); for b in "${BACKENDS[@]}"; do cols+=("$b"); done
row "server-side ms p50 / p95 / max; req/s" "${cols[@]}" "target"
for fig in "${ROWS[@]}"; do
  IFS=: read -r kind key label lim <<<"$fig"
  vals=(); vs=""
  for b in "${BACKENDS[@]}"; do
    vals+=("${R[$b.$key]}")
    if [ "$kind" = ratio ]; then verdict "${R[$b.${key}ratio]} >= $lim"; else verdict "${R[$b.${key}95]} < $lim"; fi
    vs+="${vs:+/}$V"
  done
  if [ "$kind" = ratio ]; then row "$label" "${vals[@]}" ">= ${lim}x ($vs)"; else row "$label" "${vals[@]}" "p95 < $lim ($vs)"; fi
done
vals=(); for b in "${BACKENDS[@]}"; do vals+=("${R[$b.rss]} / ${R[$b.rss2]} / ${R[$b.rss3]} MB"); done
row "server RSS after the plan / parents / surveys" "${vals[@]}" "-"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
finish "$STRICT"
