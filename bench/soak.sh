#!/usr/bin/env bash
# Soak run (not a test): MINUTES (10) of mixed load on one `samen serve` with
# the demo network: visitors on the finder (searches and service pages), a
# coordinator editing in the staff pages (marking services verified) and an
# integration writing through the JSON API. Prints the server's RSS every
# minute (it must stay flat) and the requests answered and failed per kind
# (failed must be 0). Usage: bench/soak.sh [--strict]; DB=postgresql://...
# runs on PostgreSQL (default: SQLite in a temporary directory); SAMEN
# overrides build/samen; VISITORS=3 parallel finder clients.
set -euo pipefail
cd "$(dirname "$0")/.."

STRICT=0
[ "${1:-}" = "--strict" ] && STRICT=1
MINUTES=${MINUTES:-10}
VISITORS=${VISITORS:-3}
SAMEN=${SAMEN:-build/samen}

. bench/lib.sh
ensure_samen
ensure_commands curl:curl python3:python3
make_workdir soak
DB_ARGS=()
[ -n "${DB:-}" ] && DB_ARGS=(--db "$DB")

# An account for the staff pages and a token for the API, before serving.
"$SAMEN" user add --data "$T/data" "${DB_ARGS[@]}" --email soak@example.org --name Soak --role coordinator \
  --password-stdin <<<"soak test password" >/dev/null
TOKEN=$("$SAMEN" token create --data "$T/data" "${DB_ARGS[@]}" --email soak@example.org --label soak | tail -1)
# Plenty of heavy requests are part of the load: the per-address limit stays out of the way.
start_samen "$T/data" "$T/out.log" "$T/access.log" 120 --demo "${DB_ARGS[@]}" --heavy-requests-per-minute 100000
echo "samen: $SAMEN_URL (pid $SAMEN_PID), $(
  [ -n "${DB:-}" ] && echo PostgreSQL || echo SQLite), $MINUTES min, $VISITORS visitors + 1 editor + 1 API writer"

SERVICES=$(curl -s -H "Authorization: Bearer $TOKEN" "$SAMEN_URL/api/v1/services?per_page=200" |
           python3 -c 'import json,sys; print(" ".join(s["id"] for s in json.load(sys.stdin)["contents"]))')
read -ra IDS <<<"$SERVICES"
[ "${#IDS[@]}" -gt 0 ] || { echo "bench: no services in the demo network" >&2; exit 1; }
END=$(( $(date +%s) + MINUTES * 60 ))
pick() { echo "${IDS[$((RANDOM % ${#IDS[@]}))]}"; }
code() { curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$@" || echo 000; }

visitor() { # n
  local words=(opvang crèche kinderopvang speelotheek consultatie "jette" "ouders" "baby" "school")
  while [ "$(date +%s)" -lt "$END" ]; do
    code "$SAMEN_URL/services?q=${words[$((RANDOM % ${#words[@]}))]}" >>"$T/visitor$1.codes"; echo >>"$T/visitor$1.codes"
    code "$SAMEN_URL/services/$(pick)" >>"$T/visitor$1.codes"; echo >>"$T/visitor$1.codes"
  done
}
api_writer() {
  local n=0
  while [ "$(date +%s)" -lt "$END" ]; do
    n=$((n + 1))
    code -X PATCH -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      --data "{\"email\":\"soak$((n % 50))@example.org\"}" "$SAMEN_URL/api/v1/services/$(pick)" >>"$T/api.codes"
    echo >>"$T/api.codes"
    sleep 0.2
  done
}
editor() {
  local jar="$T/jar" csrf page
  curl -s -c "$jar" -b "$jar" -o /dev/null "$SAMEN_URL/login"
  csrf=$(awk '$6 == "samen_csrf" { print $7 }' "$jar")
  curl -s -c "$jar" -b "$jar" -o /dev/null --data "_csrf=$csrf&email=soak%40example.org&password=soak+test+password" \
    "$SAMEN_URL/login"
  while [ "$(date +%s)" -lt "$END" ]; do
    local id; id=$(pick)
    page=$(curl -s -b "$jar" "$SAMEN_URL/directory/services/$id")
    csrf=$(grep -o 'name="_csrf" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')
    c=$(code -b "$jar" --data "_csrf=$csrf" "$SAMEN_URL/directory/services/$id/verify")
    echo "$c" >>"$T/editor.codes"
    sleep 0.5
  done
}

LOAD=()
for i in $(seq "$VISITORS"); do visitor "$i" & LOAD+=($!); done
api_writer & LOAD+=($!)
editor & LOAD+=($!)
PIDS+=("${LOAD[@]}")

echo
printf '%-8s %10s %12s\n' minute "RSS MB" "requests"
for m in $(seq "$MINUTES"); do
  sleep 60
  total=$(cat "$T"/*.codes 2>/dev/null | grep -c . || true)
  printf '%-8s %10s %12s\n' "$m" "$(rss_mb "$SAMEN_PID")" "$total"
done
wait "${LOAD[@]}" 2>/dev/null || true  # each client stops after its request in flight

# Answers that count as success: 200 (pages, API), 303 (the verify action's redirect).
tally() { # label files...
  local label=$1; shift
  local ok fail
  ok=$(cat "$@" 2>/dev/null | grep -cE '^(200|303)$' || true)
  fail=$(cat "$@" 2>/dev/null | grep -E '^[0-9]{3}$' | grep -cvE '^(200|303)$' || true)
  printf '%-30s %8s answered %6s failed\n' "$label" "$ok" "$fail"
  FAILED=$((FAILED + fail))
  if [ "$fail" -gt 0 ]; then
    cat "$@" | grep -E '^[0-9]{3}$' | grep -vE '^(200|303)$' | sort | uniq -c | sed 's/^/    status /'
  fi
}
FAILED=0
echo
tally "finder (visitors)" "$T"/visitor*.codes
tally "staff edits (verify)" "$T/editor.codes"
tally "API writes (PATCH)" "$T/api.codes"
printf '%-30s %s\n' "server errors in the log" "$(grep -c '"status":5' "$T/access.log" || true)"
verdict "$FAILED == 0"
echo "verdict: $V"
finish "$STRICT"
