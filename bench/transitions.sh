#!/usr/bin/env bash
# Transitions benchmark (not a test): N handovers with consents (the hidden
# `samen transitions-bench-data`), served by the release binary on loopback,
# and beside each target of issue 19:
#   - a receiver's handover page /transitions/handovers/{id}: server-side
#     p50/p95 from the JSON access log (one request at a time, signed in as
#     staff of the receiving organisation), each request opening the sealed
#     contents and consents and writing its audit entry in the same transaction;
#   - the retention job's work on N expired handovers (`samen
#     transitions-retention`, the job's own code) while the receiver's page is
#     requested in a loop: its duration, and the pages' p95 and slowest
#     answer during it (requests are not blocked);
#   - `samen keys rotate` on the N handovers and their consents (2N sealed values).
# Usage: bench/transitions.sh [--strict] [--db postgresql://...]
# SAMEN=/path/to/samen, HANDOVERS=10000, ROUNDS=200 (page requests) and KEEP=1 tune it.
set -euo pipefail
cd "$(dirname "$0")/.."

STRICT=0
DB_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --strict) STRICT=1 ;;
    --db) DB_ARGS=(--db "$2"); shift ;;
    --db=*) DB_ARGS=(--db "${1#--db=}") ;;
    *) echo "usage: bench/transitions.sh [--strict] [--db postgresql://...]" >&2; exit 2 ;;
  esac
  shift
done
HANDOVERS=${HANDOVERS:-10000}
ROUNDS=${ROUNDS:-200}
SAMEN=${SAMEN:-build/samen}
PASSWORD="bench transitions password"

. bench/lib.sh
ensure_samen
ensure_commands curl:curl
make_workdir transitions
D="$T/data"
mkdir -p "$D"

echo "Samen transitions benchmark: $HANDOVERS handovers with consents, $(nproc) cores, $("$SAMEN" version 2>/dev/null | head -1 || true)"
"$SAMEN" transitions-bench-data --handovers "$HANDOVERS" --ids "$T/ids" --data "$D" "${DB_ARGS[@]}" | sed 's/^/  /'
printf '%s\n' "$PASSWORD" | "$SAMEN" user add --email receiver@bench.example --name "Bench receiver" --role partner \
  --org bench-tr-recv --password-stdin --data "$D" "${DB_ARGS[@]}" >/dev/null

start_samen "$D" "$T/out.log" "$T/access.log" 120 "${DB_ARGS[@]}"
csrf=$(curl -s -c "$T/jar" -b "$T/jar" "$SAMEN_URL/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$T/jar" -b "$T/jar" --data-urlencode "_csrf=$csrf" \
  --data-urlencode "email=receiver@bench.example" --data-urlencode "password=$PASSWORD" "$SAMEN_URL/login")
[ "$status" = 303 ] || { echo "bench: login answered HTTP $status" >&2; exit 1; }
mapfile -t IDS <"$T/ids"
ROUTE='/transitions/handovers/{id}'

server_ms() { # from-line
  tail -n +"$1" "$T/access.log" | grep -F "\"route\":\"$ROUTE\"" | grep -o '"ms":[0-9.eE+-]*' | cut -d: -f2 || true
}
page() { # i
  local s
  s=$(curl -s -o /dev/null -w '%{http_code}' -b "$T/jar" "$SAMEN_URL/transitions/handovers/${IDS[$(($1 % ${#IDS[@]}))]}")
  [ "$s" = 200 ] || { echo "bench: receiver page answered HTTP $s" >&2; exit 1; }
}

for i in $(seq 20); do page "$i"; done  # warm
from=$(($(wc -l <"$T/access.log") + 1))
for i in $(seq "$ROUNDS"); do page "$i"; done
server_ms "$from" >"$T/page.ms"
PAGE_P50=$(percentile 50 <"$T/page.ms")
PAGE_P95=$(percentile 95 <"$T/page.ms")
AUDITS=$(grep -c . "$T/page.ms" || true)

# Retention of N expired handovers while the receiver's page is requested.
"$SAMEN" transitions-bench-data --handovers 0 --expired "$HANDOVERS" --data "$D" "${DB_ARGS[@]}" | sed 's/^/  /'
from=$(($(wc -l <"$T/access.log") + 1))
( i=0; while [ ! -e "$T/retention.done" ]; do page $i; i=$((i + 1)); done ) &
LOOP=$!
PIDS+=("$LOOP")
started=$(now_ms)
"$SAMEN" transitions-retention --data "$D" "${DB_ARGS[@]}" | sed 's/^/  /'
RET_S=$(awk -v ms=$(($(now_ms) - started)) 'BEGIN { printf "%.2f", ms / 1000 }')
touch "$T/retention.done"
wait "$LOOP" || true
server_ms "$from" >"$T/during.ms"
DURING_N=$(grep -c . "$T/during.ms" || true)
DURING_P95=$(percentile 95 <"$T/during.ms")
DURING_MAX=$(percentile 100 <"$T/during.ms")
stop_samen

started=$(now_ms)
"$SAMEN" keys rotate --data "$D" "${DB_ARGS[@]}" | sed 's/^/  /'
ROT_S=$(awk -v ms=$(($(now_ms) - started)) 'BEGIN { printf "%.2f", ms / 1000 }')

echo
printf '%-62s %-22s %s\n' "figure" "measured" "target"
verdict "$PAGE_P95 < 20"
printf '%-62s %-22s %s\n' "receiver's handover page, server-side p50 / p95 ($AUDITS reads)" "$PAGE_P50 / $PAGE_P95 ms" "p95 < 20 ms ($V)"
verdict "$RET_S < 10"
printf '%-62s %-22s %s\n' "retention: $HANDOVERS expired handovers deleted" "$RET_S s" "< 10 s ($V)"
printf '%-62s %-22s %s\n' "  receiver pages answered meanwhile: count / p95 / max" "$DURING_N / $DURING_P95 / $DURING_MAX ms" "served (not blocked)"
verdict "$ROT_S < 30"
printf '%-62s %-22s %s\n' "keys rotate: $HANDOVERS handovers + $HANDOVERS consents" "$ROT_S s" "< 30 s ($V)"
finish "$STRICT"
