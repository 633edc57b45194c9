#!/usr/bin/env bash
# Service map benchmark (not a test): generates a large synthetic directory
# (samen demo-directory, 100,000 services by default) into a fresh data
# directory, serves it with the release binary on loopback and prints each
# figure beside its target, in one run:
#   - import: generating and storing the services, then building the search index;
#   - the results page under wrk (64 connections) twice: as deployed (identical
#     searches within a second share one answer) and with the result cache off
#     (every request asks the engine), with server-side p50/p99 from the JSON
#     access log;
#   - the engine's own time (Server-Timing "search") beside the whole request's,
#     sequentially with the cache off, and their ratio;
#   - the HSDS NDJSON export's speed and the peak memory;
#   - search recall/precision of the nl/fr query set on the 320-service demo
#     directory (SQLite; RECALL_DB=postgresql://... adds PostgreSQL).
# Usage: bench/directory.sh [--strict]  (exit 1 when a target is missed).
# SAMEN=/path/to/samen, SERVICES=100000, DURATION=10s, CONNECTIONS=64,
# THREADS=2 and KEEP=1 (keep the data directory) tune it.
set -euo pipefail
cd "$(dirname "$0")/.."

STRICT=0
[ "${1:-}" = "--strict" ] && STRICT=1
SERVICES=${SERVICES:-100000}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
SAMEN=${SAMEN:-build/samen}

. bench/lib.sh
ensure_samen
ensure_commands wrk:wrk curl:curl
make_workdir directory
row() { printf '%-40s %16s   %s\n' "$1" "$2" "$3"; }

echo "Samen service map benchmark: $SERVICES services, wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $(nproc) cores, $("$SAMEN" version 2>/dev/null | head -1 || true)"
echo

# --- generate and index ---------------------------------------------------------
mkdir -p "$T/data"
"$SAMEN" demo-directory --services "$SERVICES" --data "$T/data" 2>&1 | tee "$T/generate.log" | sed -u 's/^/  /'
IMPORT_S=$(sed -n 's/^added .* in \([0-9.]*\) s (.*$/\1/p' "$T/generate.log")
IMPORT_CPU=$(sed -n 's/^added .* s (\([0-9.]*\) s CPU)$/\1/p' "$T/generate.log")
INDEX_S=$(sed -n 's/^search index .* up to date in \([0-9.]*\) s$/\1/p' "$T/generate.log")
DB_MB=$(du -sm "$T/data" | awk '{ print $1 }')
LOAD_AT_IMPORT=$(cut -d' ' -f1-3 /proc/loadavg)
echo

# Realistic one- and two-word searches with the finder's filters.
QUERIES=(
  "/services?q=kinderopvang"
  "/services?q=kinderopvang&municipality=21010&age=2"
  "/services?q=cr%C3%A8che&municipality=21015"
  "/services?q=huiswerk&age=8"
  "/services?q=opvoedingsondersteuning"
  "/services?q=speelotheek"
  "/services?q=consultatiebureau&municipality=21004"
  "/services?q=lieu+de+rencontre&age=1"
  "/services?q=aide+aux+devoirs&lang=fr"
  "/services?q=babymassage"
  "/services?q=taalcafe&language=ar"
  "/services?q=occasionele+opvang&municipality=21001"
  "/services?q=gratis&cost=free"
  "/services?q=after+school&lang=en"
  "/services?q=vakantiewerking&age=6"
  "/services?q=kleuterschool&municipality=21013"
  "/services?q=consultation+enfants&lang=fr&age=1"
  "/services?municipality=21009&age=3"
)
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

# --- as deployed: with the result cache -------------------------------------------
start_samen "$T/data" "$T/out-cached.log" "$T/access-cached.log" 600
START_RSS=$(rss_mb "$SAMEN_PID")
SEARCH_STATUS=$(curl -s -o /dev/null -w '%{http_code}' "$SAMEN_URL${QUERIES[1]}")
[ "$SEARCH_STATUS" = 200 ] || { echo "bench: /services answered HTTP $SEARCH_STATUS" >&2; exit 1; }
results_page_under_load "$T/access-cached.log"
C_RPS=$RPS C_WRK="$P50 / $P99" C_ERRS=$ERRS C_N=$SRV_N C_P50=$SRV_P50 C_P99=$SRV_P99

# --- export (streams the whole set; peak memory from VmHWM) -------------------------
HWM_BEFORE=$(hwm_mb "$SAMEN_PID")
EXPORT=$(curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}' --max-time 600 \
  "$SAMEN_URL/hsds/services?format=ndjson" || echo "000 0 0")
read -r EXPORT_STATUS EXPORT_BYTES EXPORT_SECONDS <<<"$EXPORT"
HWM_AFTER=$(hwm_mb "$SAMEN_PID")
stop_samen

# --- every request to the engine: result cache off ----------------------------------
start_samen "$T/data" "$T/out-engine.log" "$T/access-engine.log" 600 --search-cache-ms 0
results_page_under_load "$T/access-engine.log"
E_RPS=$RPS E_WRK="$P50 / $P99" E_ERRS=$ERRS E_N=$SRV_N E_P50=$SRV_P50 E_P99=$SRV_P99
# Sequentially: the engine's own time (Server-Timing) and the whole request's (access log).
: >"$T/engine-ms.txt"
FROM=$(($(wc -l <"$T/access-engine.log") + 1))
for _ in 1 2 3 4 5 6 7 8 9 10; do
  for q in "${QUERIES[@]}"; do
    curl -s -D - -o /dev/null "$SAMEN_URL$q" | tr -d '\r' |
      sed -n 's/^[Ss]erver-[Tt]iming:.*search;dur=\([0-9.]*\).*/\1/p' >>"$T/engine-ms.txt"
  done
done
server_ms "$T/access-engine.log" "$FROM" >"$T/sequential-ms.txt"
ENGINE_P50=$(percentile 50 <"$T/engine-ms.txt")
ENGINE_P99=$(percentile 99 <"$T/engine-ms.txt")
SEQ_P50=$(percentile 50 <"$T/sequential-ms.txt")
SEQ_P99=$(percentile 99 <"$T/sequential-ms.txt")
stop_samen

# --- report ----------------------------------------------------------------------------
row "" "measured" "target"
if [ -n "$IMPORT_S" ] && [ -n "$INDEX_S" ]; then
  TOTAL_S=$(awk -v a="$IMPORT_S" -v b="$INDEX_S" 'BEGIN { printf "%.1f", a + b }')
  verdict "$IMPORT_S < 30"
  row "import $SERVICES services: stored" "${IMPORT_S} s" "< 30 s: $V  (${IMPORT_CPU:-?} s CPU; load average after: $LOAD_AT_IMPORT)"
  row "  then building the search index" "${INDEX_S} s" ""
  verdict "$TOTAL_S < 30"
  row "import $SERVICES services: searchable" "${TOTAL_S} s" "< 30 s: $V"
else
  row "import $SERVICES services" "not available" "(see $T/generate.log)"
fi
row "data directory" "${DB_MB} MB" "(reference)"
row "RSS after start" "${START_RSS} MB" "(reference)"
echo "results page, $CONNECTIONS connections, as deployed (1 s result cache):"
verdict "$C_RPS >= 2000"
row "  throughput" "$C_RPS req/s" ">= 2000 req/s: $V"
row "  wrk p50 / p99 (client)" "$C_WRK ms" "(reference)"
[ -n "$C_ERRS" ] && echo "    $C_ERRS"
verdict "$C_P50 < 3"
row "  p50 (server, access log)" "$C_P50 ms" "< 3 ms: $V"
verdict "$C_P99 < 20"
row "  p99 (server, access log)" "$C_P99 ms" "< 20 ms: $V  ($C_N requests)"
echo "results page, $CONNECTIONS connections, every search to the engine (cache off):"
verdict "$E_RPS >= 2000"
row "  throughput" "$E_RPS req/s" ">= 2000 req/s: $V"
row "  wrk p50 / p99 (client)" "$E_WRK ms" "(reference)"
[ -n "$E_ERRS" ] && echo "    $E_ERRS"
verdict "$E_P50 < 3"
row "  p50 (server, access log)" "$E_P50 ms" "< 3 ms: $V"
verdict "$E_P99 < 20"
row "  p99 (server, access log)" "$E_P99 ms" "< 20 ms: $V  ($E_N requests)"
echo "one request at a time, cache off ($((10 * ${#QUERIES[@]})) requests):"
if [ "$ENGINE_P50" = n/a ]; then
  row "  engine (Server-Timing)" "n/a" "the finder sent no Server-Timing header"
else
  row "  engine p50 / p99 (Server-Timing)" "$ENGINE_P50 / $ENGINE_P99 ms" ""
  row "  whole request p50 / p99 (server)" "$SEQ_P50 / $SEQ_P99 ms" ""
  row "  engine / request (p50)" "$(awk -v e="$ENGINE_P50" -v r="$SEQ_P50" 'BEGIN { printf "%.2f", (r > 0 ? e / r : 0) }')x" ""
fi
if [ "$EXPORT_STATUS" = 200 ]; then
  MBPS=$(awk -v b="$EXPORT_BYTES" -v s="$EXPORT_SECONDS" 'BEGIN { printf "%.1f", (s > 0 ? b / s / 1e6 : 0) }')
  verdict "$MBPS >= 50"
  row "NDJSON export throughput" "$MBPS MB/s" ">= 50 MB/s: $V  ($(awk -v b="$EXPORT_BYTES" 'BEGIN { printf "%.0f", b / 1e6 }') MB in ${EXPORT_SECONDS} s)"
  verdict "$HWM_AFTER < 400"
  row "peak RSS (VmHWM) after export" "$HWM_AFTER MB" "< 400 MB: $V  (before export: $HWM_BEFORE MB)"
else
  row "NDJSON export (/hsds/services)" "not available" "HTTP $EXPORT_STATUS"
fi

# --- recall: the nl/fr query set on the demo directory (320 services) -------------------
# Not a timing: the share of each query's category found (tests/directory/search/recall_queries.tsv).
echo "search recall on the demo directory (recall_queries.tsv):"
mkdir -p "$T/recall"
"$SAMEN" demo-directory --data "$T/recall" > "$T/recall.log" 2>&1
RECALL=$("$SAMEN" search-recall tests/directory/search/recall_queries.tsv --data "$T/recall" 2>>"$T/recall.log" | tail -1)
row "  $(echo "$RECALL" | sed -n 's/.*engine \(.*\)$/\1/p')" "$(echo "$RECALL" | awk '{ print $2 }')" "${RECALL#recall }"
if [ -n "${RECALL_DB:-}" ]; then  # a PostgreSQL database to load the same demo directory into
  "$SAMEN" demo-directory --db "$RECALL_DB" --data "$T/recall-pg" >> "$T/recall.log" 2>&1
  RECALL_PG=$("$SAMEN" search-recall tests/directory/search/recall_queries.tsv --db "$RECALL_DB" --data "$T/recall-pg" 2>>"$T/recall.log" | tail -1)
  row "  postgres" "$(echo "$RECALL_PG" | awk '{ print $2 }')" "${RECALL_PG#recall }"
fi
finish "$STRICT"
