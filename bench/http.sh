#!/usr/bin/env bash
# HTTP benchmark for Samen (not a test): compares `samen serve` with a private
# nginx serving a static copy of the same rendered /login page, using wrk on
# loopback only, and measures idle memory and start-up time. Prints each figure
# beside its target. Usage: bench/http.sh [--strict]   (--strict: exit 1 when a
# target is missed). SAMEN=/path/to/samen overrides build/samen; DURATION=10s,
# CONNECTIONS=64 and THREADS=2 tune wrk.
set -euo pipefail
cd "$(dirname "$0")/.."

STRICT=0
[ "${1:-}" = "--strict" ] && STRICT=1
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
SAMEN=${SAMEN:-build/samen}

. bench/lib.sh
ensure_samen
ensure_commands wrk:wrk nginx:nginx-light curl:curl
# Debian starts the system nginx on install; this benchmark runs its own.
( (service nginx stop || sudo service nginx stop) >/dev/null 2>&1 || true )
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
make_workdir http

# --- start → first 200 on /healthz with an empty database --------------------
mkdir -p "$T/empty"
PORT0=$(free_port)
t0=$(now_ms)
"$SAMEN" serve --listen "127.0.0.1:$PORT0" --data "$T/empty" >"$T/empty.log" 2>&1 &
EMPTY_PID=$!
PIDS+=("$EMPTY_PID")
START_MS=""
while [ $(( $(now_ms) - t0 )) -lt 10000 ]; do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$PORT0/healthz" 2>/dev/null)" = 200 ]; then
    START_MS=$(( $(now_ms) - t0 )); break
  fi
  kill -0 "$EMPTY_PID" 2>/dev/null || { echo "bench: samen (empty db) exited:" >&2; cat "$T/empty.log" >&2; exit 1; }
done
[ -n "$START_MS" ] || { echo "bench: no 200 on /healthz within 10 s (empty db)" >&2; cat "$T/empty.log" >&2; exit 1; }
kill -TERM "$EMPTY_PID"; wait "$EMPTY_PID" 2>/dev/null || true

# --- samen with demo data ----------------------------------------------------
mkdir -p "$T/data"
start_samen "$T/data" "$T/samen.log" "$T/samen.log" 30 --demo
sleep 1
IDLE_RSS=$(rss_mb "$SAMEN_PID")

# --- static copy of /login served by a private nginx --------------------------
mkdir -p "$T/www" "$T/nginx-tmp"
curl -fsS "$SAMEN_URL/login" -o "$T/www/login.html"
CSS=$(grep -o '<link[^>]*rel="\?stylesheet"\?[^>]*>' "$T/www/login.html" | grep -o 'href="[^"]*"' | head -1 | sed 's/href="//; s/"$//') || true
if [ -n "$CSS" ]; then
  mkdir -p "$T/www$(dirname "$CSS")"
  curl -fsS "$SAMEN_URL$CSS" -o "$T/www$CSS"
else
  echo "bench: warning: /login references no stylesheet"
fi
serve_www_with_nginx /login.html
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$NPORT/login.html")" = 200 ] ||
  { echo "bench: nginx did not start:" >&2; cat "$T/nginx-error.log" >&2; exit 1; }

# --- load ---------------------------------------------------------------------
echo "Samen HTTP benchmark: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, $(nproc) cores, $("$SAMEN" version 2>/dev/null | head -1 || true)"
echo "login page: $(wc -c <"$T/www/login.html") bytes; stylesheet ${CSS:-none}"
echo
printf '%-24s %10s %9s %9s   %s\n' "" "req/s" "p50 ms" "p99 ms" "target"
warm_up "$SAMEN_URL/healthz"
run_wrk "$SAMEN_URL/healthz"
verdict "$P99 < 10"
printf '%-24s %10s %9s %9s   %s\n' "samen /healthz" "$RPS" "$P50" "$P99" "p99 < 10 ms: $V"
[ -n "$ERRS" ] && echo "    $ERRS"
warm_up "$SAMEN_URL/login"
run_wrk "$SAMEN_URL/login"
SAMEN_RPS=$RPS
verdict "$P99 < 10"
printf '%-24s %10s %9s %9s   %s\n' "samen /login" "$RPS" "$P50" "$P99" "p99 < 10 ms: $V"
[ -n "$ERRS" ] && echo "    $ERRS"
warm_up "http://127.0.0.1:$NPORT/login.html"
run_wrk "http://127.0.0.1:$NPORT/login.html"
NGINX_RPS=$RPS
printf '%-24s %10s %9s %9s   %s\n' "nginx static copy" "$RPS" "$P50" "$P99" "(reference)"
[ -n "$ERRS" ] && echo "    $ERRS"
RATIO=$(awk -v a="$SAMEN_RPS" -v b="$NGINX_RPS" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
echo
verdict "$RATIO >= 0.5"
printf '%-24s %10s   %s\n' "page samen/nginx" "${RATIO}x" ">= 0.5x: $V"
verdict "$IDLE_RSS < 40"
printf '%-24s %10s   %s\n' "idle RSS (demo data)" "$IDLE_RSS MB" "< 40 MB: $V"
verdict "$START_MS < 300"
printf '%-24s %10s   %s\n' "start -> first 200" "$START_MS ms" "< 300 ms: $V"
printf '%-24s %10s\n' "RSS after load" "$(rss_mb "$SAMEN_PID") MB"
finish "$STRICT"
