#!/usr/bin/env bash
# Parents' voice benchmark (not a test): generates 20,000 synthetic concerns
# (the hidden `samen parents-bench-data`, 30% published) into a fresh data
# directory, serves them with the release binary on loopback and prints,
# beside each target:
#   - the public "you said, we did" page /you-said-we-did served by Samen
#     (anonymous, as wrk asks it) against a private nginx serving the same
#     bytes as a static file (wrk, requests/s; target >= 0.5x nginx);
#   - the register /parents (unfiltered, filtered, paged) as a coordinator:
#     server-side p50/p95/max from the JSON access log, one request at a time
#     (target p95 < 50 ms).
# Usage: bench/parents.sh [--strict]  (--strict: exit 1 when a target is missed).
# SAMEN=/path/to/samen, CONCERNS=20000, ROUNDS=10, DURATION=10s, CONNECTIONS=64,
# THREADS=2 and KEEP=1 tune it.
set -euo pipefail
cd "$(dirname "$0")/.."

STRICT=0
[ "${1:-}" = "--strict" ] && STRICT=1
CONCERNS=${CONCERNS:-20000}
ROUNDS=${ROUNDS:-10}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
SAMEN=${SAMEN:-build/samen}
PASSWORD="bench parents password"

. bench/lib.sh
ensure_samen
ensure_commands wrk:wrk nginx:nginx-light curl:curl
( (service nginx stop || sudo service nginx stop) >/dev/null 2>&1 || true )
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
make_workdir parents

echo "Samen parents' voice benchmark: $CONCERNS concerns, wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $ROUNDS sequential requests per register URL, $(nproc) cores, $("$SAMEN" version 2>/dev/null | head -1 || true)"
echo
mkdir -p "$T/data"
"$SAMEN" parents-bench-data --concerns "$CONCERNS" --data "$T/data" 2>&1 | sed -u 's/^/  /'
printf '%s\n' "$PASSWORD" | "$SAMEN" user add --email coordinator@bench.example --name "Bench coordinator" \
  --role coordinator --password-stdin --data "$T/data" >/dev/null
start_samen "$T/data" "$T/out.log" "$T/access.log" 120

# --- the same bytes as a static file behind a private nginx -------------------
mkdir -p "$T/www/you-said-we-did" "$T/nginx-tmp"
curl -fsS "$SAMEN_URL/you-said-we-did" -o "$T/www/you-said-we-did/index.html"
CSS=$(grep -o '<link[^>]*rel="\?stylesheet"\?[^>]*>' "$T/www/you-said-we-did/index.html" | grep -o 'href="[^"]*"' | head -1 | sed 's/href="//; s/"$//') || true
if [ -n "$CSS" ]; then
  mkdir -p "$T/www$(dirname "$CSS")"
  curl -fsS "$SAMEN_URL$CSS" -o "$T/www$CSS"
fi
serve_www_with_nginx /you-said-we-did/index.html
NGINX_URL="http://127.0.0.1:$NPORT/you-said-we-did/index.html"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$NGINX_URL")" = 200 ] ||
  { echo "bench: nginx did not start:" >&2; cat "$T/nginx-error.log" >&2; exit 1; }

echo "public page: $(wc -c <"$T/www/you-said-we-did/index.html") bytes"
printf '%-28s %10s %9s %9s   %s\n' "" "req/s" "p50 ms" "p99 ms" "target"
warm_up "$SAMEN_URL/you-said-we-did"
run_wrk "$SAMEN_URL/you-said-we-did"
SAMEN_RPS=$RPS
printf '%-28s %10s %9s %9s\n' "samen /you-said-we-did" "$RPS" "$P50" "$P99"
[ -n "$ERRS" ] && echo "    $ERRS"
warm_up "$NGINX_URL"
run_wrk "$NGINX_URL"
NGINX_RPS=$RPS
printf '%-28s %10s %9s %9s   %s\n' "nginx, the same bytes" "$RPS" "$P50" "$P99" "(reference)"
[ -n "$ERRS" ] && echo "    $ERRS"
RATIO=$(awk -v a="$SAMEN_RPS" -v b="$NGINX_RPS" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
verdict "$RATIO >= 0.5"
printf '%-28s %10s   %s\n' "page samen/nginx" "${RATIO}x" ">= 0.5x: $V"
echo

# --- the register, signed in ----------------------------------------------------
JAR="$T/coordinator.jar"
csrf=$(curl -s -c "$JAR" -b "$JAR" "$SAMEN_URL/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR" -b "$JAR" --data-urlencode "_csrf=$csrf" \
  --data-urlencode "email=coordinator@bench.example" --data-urlencode "password=$PASSWORD" "$SAMEN_URL/login")
[ "$status" = 303 ] || { echo "bench: login answered HTTP $status" >&2; exit 1; }
REGISTER=(
  "/parents"
  "/parents?page=150"
  "/parents?theme=waiting_lists"
  "/parents?status=action_planned&team=bench-parents-team-2"
  "/parents?municipality=21010&source=survey"
  "/parents?published=yes&page=20"
)
for url in "${REGISTER[@]}"; do curl -s -o /dev/null -b "$JAR" "$SAMEN_URL$url"; done
from=$(($(wc -l <"$T/access.log") + 1))
for _ in $(seq "$ROUNDS"); do
  for url in "${REGISTER[@]}"; do
    status=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" "$SAMEN_URL$url")
    [ "$status" = 200 ] || { echo "bench: $url answered HTTP $status" >&2; exit 1; }
  done
done
tail -n +"$from" "$T/access.log" | grep '"route":"/parents"' | grep -o '"ms":[0-9.eE+-]*' | cut -d: -f2 >"$T/register.ms" || true
P50=$(percentile 50 <"$T/register.ms")
P95=$(percentile 95 <"$T/register.ms")
MAX=$(percentile 100 <"$T/register.ms")
verdict "$P95 < 50"
printf '%-28s %s   %s\n' "register p50/p95/max ms" "$P50 / $P95 / $MAX" "p95 < 50 ms: $V"
printf '%-28s %s MB\n' "RSS after load" "$(rss_mb "$SAMEN_PID")"
finish "$STRICT"
