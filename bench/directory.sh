#!/usr/bin/env bash
# Service map benchmark (not a test): generates a large synthetic directory
# (samen demo-directory, 100,000 services by default) into a fresh data
# directory, serves it with the release binary on loopback, and prints each
# figure beside its target: import time, search latency under wrk (server-side
# p50/p99 from the JSON access log, the engine's own time from Server-Timing
# when the finder sends it), results-page throughput, and the HSDS NDJSON
# export's speed and peak memory. Endpoints that do not exist yet print "not
# available". Usage: bench/directory.sh [--strict]  (exit 1 when a target is
# missed). SAMEN=/path/to/samen, SERVICES=100000, DURATION=10s, CONNECTIONS=64,
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

# --- prerequisites ---------------------------------------------------------
if [ ! -x "$SAMEN" ]; then
  if [ "$SAMEN" = build/samen ] && [ -x scripts/build ]; then
    echo "bench: build/samen missing, running scripts/build"
    scripts/build
  fi
  [ -x "$SAMEN" ] || { echo "bench: no samen binary at $SAMEN" >&2; exit 2; }
fi
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "bench: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# --- temp dir and cleanup --------------------------------------------------
T=$(mktemp -d /tmp/samen-bench-directory.XXXXXX)
PIDS=()
cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$p" 2>/dev/null || true
    wait "$p" 2>/dev/null || true
  done
  if [ "${KEEP:-0}" = 1 ]; then echo "bench: data kept in $T"; else rm -rf "$T"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

MISSED=0
verdict() { # awk condition; sets V (not in a subshell, so MISSED counts)
  if awk "BEGIN { exit !($1) }"; then V=ok; else MISSED=$((MISSED + 1)); V=MISSED; fi
}
row() { printf '%-34s %14s   %s\n' "$1" "$2" "$3"; }
# p-th percentile (0-100) of numbers on stdin, "n/a" when there are none.
percentile() {
  sort -g | awk -v p="$1" '{ v[NR] = $1 } END {
    if (NR == 0) { print "n/a"; exit }
    i = int(p / 100 * NR + 0.999999); if (i < 1) i = 1; if (i > NR) i = NR
    printf "%.2f", v[i] }'
}
to_ms() { # 635.00us | 2.05ms | 1.10s | 1.00m
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.2f", n }'
}
hwm_mb() { awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
rss_mb() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

echo "Samen service map benchmark: $SERVICES services, wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $(nproc) cores, $("$SAMEN" version 2>/dev/null | head -1 || true)"
echo

# --- generate -----------------------------------------------------------------
mkdir -p "$T/data"
"$SAMEN" demo-directory --services "$SERVICES" --data "$T/data" | tee "$T/generate.log" | sed -u 's/^/  /'
IMPORT_S=$(sed -n 's/^added .* in \([0-9.]*\) s (.*$/\1/p' "$T/generate.log")
IMPORT_CPU=$(sed -n 's/^added .* s (\([0-9.]*\) s CPU)$/\1/p' "$T/generate.log")
INDEX_S=$(sed -n 's/^search index .* up to date in \([0-9.]*\) s$/\1/p' "$T/generate.log")
DB_MB=$(du -sm "$T/data" | awk '{ print $1 }')
LOAD_AT_IMPORT=$(cut -d' ' -f1-3 /proc/loadavg)
echo

# --- serve ------------------------------------------------------------------------
"$SAMEN" serve --listen 127.0.0.1:0 --data "$T/data" >"$T/out.log" 2>"$T/access.log" &
SAMEN_PID=$!
PIDS+=("$SAMEN_PID")
URL=""
for _ in $(seq 600); do
  URL=$(grep -o 'Samen is listening on http://127\.0\.0\.1:[0-9]*' "$T/out.log" | head -1 | sed 's/.* on //') || true
  [ -n "$URL" ] && break
  kill -0 "$SAMEN_PID" 2>/dev/null || { echo "bench: samen exited:" >&2; cat "$T/out.log" "$T/access.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$URL" ] || { echo "bench: samen printed no address within 60 s" >&2; exit 1; }
START_RSS=$(rss_mb "$SAMEN_PID")

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

SEARCH_STATUS=$(curl -s -o /dev/null -w '%{http_code}' "$URL${QUERIES[1]}")
if [ "$SEARCH_STATUS" != 200 ]; then
  SEARCH_AVAILABLE=0
else
  SEARCH_AVAILABLE=1
  # Warm-up, then the measured run; the access log is cut so only the run counts.
  wrk -t"$THREADS" -c8 -d2s -s "$T/queries.lua" "$URL" >/dev/null 2>&1 || true
  LOG_FROM=$(($(wc -l <"$T/access.log") + 1))
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$T/queries.lua" "$URL")
  RPS=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
  WRK_P50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  WRK_P99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  ERRS=$(grep -E 'Non-2xx|Socket errors' <<<"$out" | sed 's/^ *//' | paste -sd';' - || true)
  tail -n +"$LOG_FROM" "$T/access.log" | grep '"route":"/services"' | grep -o '"ms":[0-9.eE+-]*' | cut -d: -f2 \
    >"$T/server-ms.txt" || true
  SRV_N=$(wc -l <"$T/server-ms.txt")
  SRV_P50=$(percentile 50 <"$T/server-ms.txt")
  SRV_P99=$(percentile 99 <"$T/server-ms.txt")
  # The engine's own time: Server-Timing "search;dur=X" on a sequential sample.
  : >"$T/engine-ms.txt"
  : >"$T/sample-ms.txt"
  for round in 1 2 3 4 5 6 7 8 9 10; do
    for q in "${QUERIES[@]}"; do
      curl -s -D - -o /dev/null "$URL$q" | tr -d '\r' |
        sed -n 's/^[Ss]erver-[Tt]iming:.*search;dur=\([0-9.]*\).*/\1/p' >>"$T/engine-ms.txt"
    done
  done
  tail -n $((10 * ${#QUERIES[@]})) "$T/access.log" | grep '"route":"/services"' | grep -o '"ms":[0-9.eE+-]*' |
    cut -d: -f2 >"$T/sample-ms.txt" || true
  ENGINE_P50=$(percentile 50 <"$T/engine-ms.txt")
  SAMPLE_P50=$(percentile 50 <"$T/sample-ms.txt")
fi

# --- export -------------------------------------------------------------------------
HWM_BEFORE=$(hwm_mb "$SAMEN_PID")
EXPORT=$(curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}' --max-time 600 \
  "$URL/hsds/services?format=ndjson" || echo "000 0 0")
read -r EXPORT_STATUS EXPORT_BYTES EXPORT_SECONDS <<<"$EXPORT"
HWM_AFTER=$(hwm_mb "$SAMEN_PID")

# --- report ---------------------------------------------------------------------------
printf '%-34s %14s   %s\n' "" "measured" "target"
if [ -n "$IMPORT_S" ]; then
  verdict "$IMPORT_S < 30"
  row "generate $SERVICES services" "${IMPORT_S} s" "< 30 s: $V  (${IMPORT_CPU:-?} s CPU; load average $LOAD_AT_IMPORT)"
else
  row "generate $SERVICES services" "not available" ""
fi
row "search index build" "${INDEX_S:-n/a} s" "(reference)"
row "data directory" "${DB_MB} MB" "(reference)"
row "RSS after start" "${START_RSS} MB" "(reference)"
if [ "$SEARCH_AVAILABLE" = 1 ]; then
  verdict "$RPS >= 2000"
  row "results page, $CONNECTIONS connections" "$RPS req/s" ">= 2000 req/s: $V"
  row "  wrk p50 / p99 (client)" "$WRK_P50 / $WRK_P99 ms" "(reference)"
  [ -n "$ERRS" ] && echo "    $ERRS"
  if [ "$SRV_P50" = n/a ]; then
    row "search p50 (server, access log)" "n/a" "no access log lines for /services"
  else
    verdict "$SRV_P50 < 3"
    row "search p50 (server, access log)" "$SRV_P50 ms" "< 3 ms: $V"
    verdict "$SRV_P99 < 20"
    row "search p99 (server, access log)" "$SRV_P99 ms" "< 20 ms: $V  ($SRV_N requests)"
  fi
  if [ "$ENGINE_P50" = n/a ]; then
    row "engine p50 (Server-Timing)" "n/a" "the finder sends no Server-Timing header"
  else
    RATIO=$(awk -v e="$ENGINE_P50" -v r="$SAMPLE_P50" 'BEGIN { printf "%.2f", (r > 0 ? e / r : 0) }')
    row "engine p50 (Server-Timing)" "$ENGINE_P50 ms" "of $SAMPLE_P50 ms per request (sequential): ${RATIO}x"
  fi
else
  row "search (/services)" "not available" "HTTP $SEARCH_STATUS"
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
echo
if [ "$MISSED" -gt 0 ]; then
  echo "$MISSED target(s) missed"
  [ "$STRICT" = 1 ] && exit 1
else
  echo "all targets met"
fi
exit 0
