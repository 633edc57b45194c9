#!/usr/bin/env bash
# Slow-client attack on loopback (not a test): slowhttptest holds SLOW
# slowloris connections (headers trickled) and SLOW slow-body connections
# (bodies trickled) open against `samen serve`, while a normal client asks
# for /healthz twice a second. Prints the normal client's answered/failed
# requests (target: 0 failed), its slowest answer, and what slowhttptest saw.
# Usage: bench/slow-clients.sh [--strict]. SAMEN=/path/to/samen overrides
# build/samen; SLOW=1000 connections per attack, SECONDS_LONG=60 attack
# length, FROM=127.0.0.2 the normal client's source address (127.0.0.1:
# the attacker's own address, so only eviction can serve it).
set -euo pipefail
cd "$(dirname "$0")/.."

STRICT=0
[ "${1:-}" = "--strict" ] && STRICT=1
SLOW=${SLOW:-1000}
SECONDS_LONG=${SECONDS_LONG:-60}
FROM=${FROM:-127.0.0.2}
SAMEN=${SAMEN:-build/samen}

. bench/lib.sh
ensure_samen
ensure_commands slowhttptest:slowhttptest curl:curl
make_workdir slow-clients
ulimit -n 20000 2>/dev/null || ulimit -n "$(ulimit -Hn)"

start_samen "$T/data" "$T/out.log" "$T/access.log" 60 ${SAMEN_ARGS:-}
echo "samen: $SAMEN_URL (pid $SAMEN_PID); attack: $SLOW slowloris + $SLOW slow-body connections for $SECONDS_LONG s"
echo "normal client from $FROM"

# The attackers: 200 new connections a second each, a few bytes every 10 s.
slowhttptest -H -c "$SLOW" -r 200 -i 10 -x 24 -p 3 -l "$SECONDS_LONG" -u "$SAMEN_URL/healthz" \
  >"$T/slowloris.log" 2>&1 &
PIDS+=($!)
LORIS=$!
slowhttptest -B -c "$SLOW" -r 200 -i 10 -x 24 -s 65536 -p 3 -l "$SECONDS_LONG" -t POST -u "$SAMEN_URL/login" \
  >"$T/slowbody.log" 2>&1 &
PIDS+=($!)
BODY=$!
sleep 5  # let the attack build up

answered=0 failed=0 slowest=0 peak_fds=0
end=$(( $(date +%s) + SECONDS_LONG - 10 ))
while [ "$(date +%s)" -lt "$end" ]; do
  t0=$(now_ms)
  code=$(curl -s -o /dev/null -w '%{http_code}' --interface "$FROM" --max-time 5 "$SAMEN_URL/healthz" || true)
  ms=$(( $(now_ms) - t0 ))
  if [ "$code" = 200 ]; then answered=$((answered + 1)); else failed=$((failed + 1)); echo "  failed: $code after $ms ms"; fi
  [ "$ms" -gt "$slowest" ] && slowest=$ms
  fds=$(ls "/proc/$SAMEN_PID/fd" 2>/dev/null | wc -l)
  [ "$fds" -gt "$peak_fds" ] && peak_fds=$fds
  sleep 0.5
done
kill -TERM "$LORIS" "$BODY" 2>/dev/null || true
wait "$LORIS" "$BODY" 2>/dev/null || true

# slowhttptest's last status block: connections it held, and whether its own probe got answers.
summary() {
  local clean label
  clean=$(tr '\r' '\n' <"$1" | sed 's/\x1b\[[0-9;]*m//g')
  for label in "connected:" "closed:" "error:" "service available:"; do
    grep -F "$label" <<<"$clean" | tail -1 | sed 's/[[:space:]]\+/ /g; s/^ */    /'
  done
}
echo
echo "slowloris (slowhttptest -H), last status:"; summary "$T/slowloris.log"
echo "slow body (slowhttptest -B), last status:"; summary "$T/slowbody.log"
echo
printf '%-44s %s\n' "normal requests answered" "$answered"
printf '%-44s %s\n' "normal requests failed (target 0)" "$failed"
printf '%-44s %s ms\n' "slowest normal answer" "$slowest"
printf '%-44s %s\n' "samen open file descriptors, peak" "$peak_fds"
printf '%-44s %s MB\n' "samen RSS after the attack" "$(rss_mb "$SAMEN_PID")"
verdict "$failed == 0 && $answered > 0"
echo "verdict: $V"
finish "$STRICT"
