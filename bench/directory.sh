#!/usr/bin/env bash
# Service map benchmark (not a test): generates a large synthetic directory
# (samen demo-directory, 100,000 services by default) into a fresh data
# directory, serves it with the release binary on loopback and prints each
# figure beside its target, in one run:
#   - import: generating and storing the services, then building the search index
#     (on SQLite the index is built while storing: "stored" includes it);
#   - the results page under wrk (64 connections) twice: as deployed (identical
#     searches within a second share one answer) and with the result cache off
#     (every request asks the engine), with server-side p50/p99 from the JSON
#     access log;
#   - the engine's own time (Server-Timing "search") beside the whole request's,
#     sequentially with the cache off, and their ratio;
#   - the HSDS NDJSON export's speed and the peak memory;
#   - search recall/precision of the nl/fr query set on the 320-service demo
#     directory.
# With --db postgresql://host:port/db the same figures are measured on
# PostgreSQL too, in two databases the script creates afresh on that server
# (samen_bench: the synthetic services; samen_bench_recall: the demo
# directory), printed side by side with SQLite's, with the server's settings
# that matter for them. For
# the figures to mean something, give PostgreSQL memory for the machine:
# shared_buffers about a quarter of RAM (at least the data's size, ~600 MB at
# 100,000 services), effective_cache_size about half, work_mem 16MB, jit off
# (compiling a search's plan costs more than running it); a scripts/
# pg-test-cluster has PostgreSQL's small defaults (shared_buffers 128MB).
# Usage: bench/directory.sh [--strict] [--db postgresql://...]  (--strict: exit 1 when a target is missed).
# SAMEN=/path/to/samen, SERVICES=100000, DURATION=10s, CONNECTIONS=64,
# THREADS=2 and KEEP=1 (keep the data directory) tune it.
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/lib.sh
parse_bench_args "$@"
SERVICES=${SERVICES:-100000}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
SAMEN=${SAMEN:-build/samen}

ensure_samen
ensure_commands wrk:wrk curl:curl
make_workdir directory
BACKENDS=(sqlite)
[ -n "$PG_URL" ] && BACKENDS+=(postgres) && ensure_commands psql:postgresql-client
# A figure row: label, then one column per backend, then the target.
row() { # label value... target
  local label=$1 target=${*: -1} i
  printf '%-38s' "$label"
  for ((i = 2; i < $#; i++)); do printf ' %18s' "${!i}"; done
  printf '   %s\n' "$target"
}
# The verdicts of every backend's figure against one target ("< 3"), as one
# text in VS (not in a subshell, so MISSED counts).
verdicts() { # condition values...
  local cond=$1 v
  shift
  VS=""
  for v in "$@"; do
    v=${v%% *}
    if [[ "$v" =~ ^[0-9.]+$ ]]; then verdict "$v $cond"; else V=n/a; fi
    VS+="${VS:+/}$V"
  done
}

echo "Samen service map benchmark: $SERVICES services, wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $(nproc) cores, $("$SAMEN" version 2>/dev/null | head -1 || true)"
echo

# Realistic one- and two-word searches with the finder's filters.
mapfile -t QUERIES < <(grep -v '^#' bench/directory-queries.txt)
{
  echo "local paths = {"
  for q in "${QUERIES[@]}"; do echo "  \"$q\","; done
  echo "}"
  echo 'local i = 0'
  echo 'request = function() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end'
} >"$T/queries.lua"

# Server-side milliseconds of /services requests logged after line `from`.
server_ms() { # access_log from
  tail -n +"$2" "$1" | grep '"route":"/services"' | grep -o '"ms":[0-9.eE+-]*' | cut -d: -f2 || true
}

# The query list under wrk (run_wrk: RPS, P50, P99, ERRS) and the server-side
# p50/p99 of the measured run's requests (SRV_P50, SRV_P99 of SRV_N).
results_page_under_load() { # access_log
  local from
  warm_up "$SAMEN_URL" "$T/queries.lua"
  from=$(($(wc -l <"$1") + 1))
  run_wrk "$SAMEN_URL" "$T/queries.lua"
  server_ms "$1" "$from" >"$1.ms"
  SRV_N=$(wc -l <"$1.ms")
  SRV_P50=$(percentile 50 <"$1.ms")
  SRV_P99=$(percentile 99 <"$1.ms")
}

declare -A R  # R[backend.figure]

# Every figure of one backend: generate, serve with and without the result
# cache, export, one request at a time. db_args: "" (SQLite in the data
# directory) or "--db URL".
measure() { # backend db_args...
  local b=$1 dir="$T/$1"
  shift
  mkdir -p "$dir/data"
  echo "[$b] generating $SERVICES services"
  "$SAMEN" demo-directory --services "$SERVICES" --data "$dir/data" "$@" 2>&1 | tee "$dir/generate.log" | sed -u 's/^/  /'
  R[$b.import]=$(sed -n 's/^added .* in \([0-9.]*\) s (.*$/\1/p' "$dir/generate.log")
  R[$b.import_cpu]=$(sed -n 's/^added .* s (\([0-9.]*\) s CPU)$/\1/p' "$dir/generate.log")
  R[$b.index]=$(sed -n 's/^search index .* up to date in \([0-9.]*\) s.*$/\1/p' "$dir/generate.log")
  R[$b.index_cpu]=$(sed -n 's/^search index .* up to date in .* s (\([0-9.]*\) s CPU)$/\1/p' "$dir/generate.log")
  R[$b.load]=$(cut -d' ' -f1-3 /proc/loadavg)
  if [ "$b" = sqlite ]; then R[$b.size]="$(du -sm "$dir/data" | awk '{ print $1 }') MB"
  else R[$b.size]="$(psql -Atq "$BENCH_DB" -c "SELECT pg_database_size(current_database()) / 1048576") MB"; fi

  # As deployed: with the result cache.
  start_samen "$dir/data" "$dir/out-cached.log" "$dir/access-cached.log" 600 "$@"
  R[$b.rss]=$(rss_mb "$SAMEN_PID")
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' "$SAMEN_URL${QUERIES[1]}")
  [ "$status" = 200 ] || { echo "bench: /services answered HTTP $status ($b)" >&2; exit 1; }
  results_page_under_load "$dir/access-cached.log"
  R[$b.c_rps]=$RPS R[$b.c_wrk]="$P50 / $P99" R[$b.c_errs]=$ERRS R[$b.c_n]=$SRV_N R[$b.c_p50]=$SRV_P50 R[$b.c_p99]=$SRV_P99

  # Export (streams the whole set; peak memory from VmHWM).
  R[$b.hwm_before]=$(hwm_mb "$SAMEN_PID")
  local export
  export=$(curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}' --max-time 600 \
    "$SAMEN_URL/hsds/services?format=ndjson" || echo "000 0 0")
  read -r "R[$b.export_status]" "R[$b.export_bytes]" "R[$b.export_s]" <<<"$export"
  R[$b.hwm_after]=$(hwm_mb "$SAMEN_PID")
  stop_samen

  # Every request to the engine: result cache off.
  start_samen "$dir/data" "$dir/out-engine.log" "$dir/access-engine.log" 600 --search-cache-ms 0 "$@"
  results_page_under_load "$dir/access-engine.log"
  R[$b.e_rps]=$RPS R[$b.e_wrk]="$P50 / $P99" R[$b.e_errs]=$ERRS R[$b.e_n]=$SRV_N R[$b.e_p50]=$SRV_P50 R[$b.e_p99]=$SRV_P99
  # Sequentially: the engine's own time (Server-Timing) and the whole request's (access log).
  : >"$dir/engine-ms.txt"
  local from q
  from=$(($(wc -l <"$dir/access-engine.log") + 1))
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    for q in "${QUERIES[@]}"; do
      curl -s -D - -o /dev/null "$SAMEN_URL$q" | tr -d '\r' |
        sed -n 's/^[Ss]erver-[Tt]iming:.*search;dur=\([0-9.]*\).*/\1/p' >>"$dir/engine-ms.txt"
    done
  done
  server_ms "$dir/access-engine.log" "$from" >"$dir/sequential-ms.txt"
  R[$b.engine_p50]=$(percentile 50 <"$dir/engine-ms.txt")
  R[$b.engine_p99]=$(percentile 99 <"$dir/engine-ms.txt")
  R[$b.seq_p50]=$(percentile 50 <"$dir/sequential-ms.txt")
  R[$b.seq_p99]=$(percentile 99 <"$dir/sequential-ms.txt")
  stop_samen
  echo
}

measure sqlite
if [ -n "$PG_URL" ]; then
  # Fresh databases on the server PG_URL names.
  fresh_pg_db() { # name → URL
    psql -q "$PG_URL" -c "DROP DATABASE IF EXISTS \"$1\"" -c "CREATE DATABASE \"$1\"" >/dev/null
    echo "${PG_URL%/*}/$1"
  }
  BENCH_DB=$(fresh_pg_db samen_bench)
  echo "PostgreSQL: $(psql -Atq "$PG_URL" -c "SELECT version()" | cut -d' ' -f1-2); settings:"
  PG_SETTINGS=$(psql -Atq "$PG_URL" -F' = ' -c "SELECT name, current_setting(name) FROM pg_settings WHERE name IN \
    ('shared_buffers', 'effective_cache_size', 'work_mem', 'maintenance_work_mem', 'random_page_cost', 'jit', \
     'max_connections', 'synchronous_commit', 'max_parallel_workers_per_gather') ORDER BY name")
  sed 's/^/  /' <<<"$PG_SETTINGS"
  echo
  measure postgres --db "$BENCH_DB"
fi

# The figure of every backend, in BACKENDS order.
each() { local b; for b in "${BACKENDS[@]}"; do echo "${R[$b.$1]:-n/a}"; done; }
mapfile_each() { mapfile -t VALS < <(each "$1"); }

# --- report ----------------------------------------------------------------------------
row "" "${BACKENDS[@]}" "target"
mapfile_each import; IMPORTS=("${VALS[@]}")
mapfile_each index; INDEXES=("${VALS[@]}")
TOTALS=()
for i in "${!BACKENDS[@]}"; do
  TOTALS+=("$(awk -v a="${IMPORTS[$i]}" -v b="${INDEXES[$i]}" 'BEGIN { if (a == "" || b == "" || a == "n/a" || b == "n/a") print "n/a"; else printf "%.1f", a + b }')")
done
verdicts "< 30" "${IMPORTS[@]}"; row "import $SERVICES services: stored" "${IMPORTS[@]/%/ s}" "< 30 s: $VS"
mapfile_each import_cpu
row "  (CPU time)" "${VALS[@]/%/ s}" "(reference; load average after: ${R[sqlite.load]})"
row "  then the search index" "${INDEXES[@]/%/ s}" "(sqlite: built while storing, the rest)"
mapfile_each index_cpu; row "  (CPU time)" "${VALS[@]/%/ s}" "(reference: two threads or more)"
verdicts "< 30" "${TOTALS[@]}"; row "import $SERVICES services: searchable" "${TOTALS[@]/%/ s}" "< 30 s: $VS"
mapfile_each size; row "data size" "${VALS[@]}" "(reference)"
mapfile_each rss; row "RSS after start" "${VALS[@]/%/ MB}" "(reference)"
echo "results page, $CONNECTIONS connections, as deployed (1 s result cache):"
mapfile_each c_rps; verdicts ">= 2000" "${VALS[@]}"; row "  throughput" "${VALS[@]/%/ req/s}" ">= 2000 req/s: $VS"
mapfile_each c_wrk; row "  wrk p50 / p99 (client)" "${VALS[@]/%/ ms}" "(reference)"
for b in "${BACKENDS[@]}"; do [ -n "${R[$b.c_errs]}" ] && echo "    $b: ${R[$b.c_errs]}"; done
mapfile_each c_p50; verdicts "< 3" "${VALS[@]}"; row "  p50 (server, access log)" "${VALS[@]/%/ ms}" "< 3 ms: $VS"
mapfile_each c_p99; verdicts "< 20" "${VALS[@]}"; row "  p99 (server, access log)" "${VALS[@]/%/ ms}" "< 20 ms: $VS  ($(each c_n | paste -sd/) requests)"
echo "results page, $CONNECTIONS connections, every search to the engine (cache off):"
mapfile_each e_rps; verdicts ">= 2000" "${VALS[@]}"; row "  throughput" "${VALS[@]/%/ req/s}" ">= 2000 req/s: $VS"
mapfile_each e_wrk; row "  wrk p50 / p99 (client)" "${VALS[@]/%/ ms}" "(reference)"
for b in "${BACKENDS[@]}"; do [ -n "${R[$b.e_errs]}" ] && echo "    $b: ${R[$b.e_errs]}"; done
mapfile_each e_p50; verdicts "< 3" "${VALS[@]}"; row "  p50 (server, access log)" "${VALS[@]/%/ ms}" "< 3 ms: $VS"
mapfile_each e_p99; verdicts "< 20" "${VALS[@]}"; row "  p99 (server, access log)" "${VALS[@]/%/ ms}" "< 20 ms: $VS  ($(each e_n | paste -sd/) requests)"
echo "one request at a time, cache off ($((10 * ${#QUERIES[@]})) requests):"
ENG=() SEQ=() RATIO=()
for b in "${BACKENDS[@]}"; do
  ENG+=("${R[$b.engine_p50]} / ${R[$b.engine_p99]} ms")
  SEQ+=("${R[$b.seq_p50]} / ${R[$b.seq_p99]} ms")
  RATIO+=("$(awk -v e="${R[$b.engine_p50]}" -v r="${R[$b.seq_p50]}" 'BEGIN { printf "%.2fx", (r > 0 ? e / r : 0) }')")
done
row "  engine p50 / p99 (Server-Timing)" "${ENG[@]}" ""
row "  whole request p50 / p99 (server)" "${SEQ[@]}" ""
row "  engine / request (p50)" "${RATIO[@]}" ""
MBPS=() HWM=()
for b in "${BACKENDS[@]}"; do
  if [ "${R[$b.export_status]}" = 200 ]; then
    MBPS+=("$(awk -v b="${R[$b.export_bytes]}" -v s="${R[$b.export_s]}" 'BEGIN { printf "%.1f", (s > 0 ? b / s / 1e6 : 0) }')")
  else
    MBPS+=("HTTP-${R[$b.export_status]}")
  fi
  HWM+=("${R[$b.hwm_after]}")
done
verdicts ">= 50" "${MBPS[@]}"; row "NDJSON export throughput" "${MBPS[@]/%/ MB/s}" ">= 50 MB/s: $VS"
verdicts "< 400" "${HWM[@]}"; row "peak RSS (VmHWM) after export" "${HWM[@]/%/ MB}" "< 400 MB: $VS"

# --- recall: the nl/fr query set on the demo directory (320 services) -------------------
# Not a timing: the share of each query's category found (tests/directory/search/recall_queries.tsv).
echo "search recall on the demo directory (recall_queries.tsv):"
mkdir -p "$T/recall"
"$SAMEN" demo-directory --data "$T/recall" > "$T/recall.log" 2>&1
RECALL=$("$SAMEN" search-recall tests/directory/search/recall_queries.tsv --data "$T/recall" 2>>"$T/recall.log" | tail -1)
echo "  sqlite:   $RECALL"
if [ -n "$PG_URL" ]; then  # the demo directory in a second database beside the benchmark's
  RECALL_DB=$(fresh_pg_db samen_bench_recall)
  "$SAMEN" demo-directory --db "$RECALL_DB" --data "$T/recall-pg" >> "$T/recall.log" 2>&1
  RECALL_PG=$("$SAMEN" search-recall tests/directory/search/recall_queries.tsv --db "$RECALL_DB" --data "$T/recall-pg" 2>>"$T/recall.log" | tail -1)
  echo "  postgres: $RECALL_PG"
fi
finish "$STRICT"
