# Shared pieces of the benchmarks in bench/ (sourced, not run): the samen
# binary, packages a benchmark needs, a temporary directory cleaned up on
# exit with every process started, starting `samen serve` on a free port,
# wrk runs and figure formatting. Sets MISSED (targets missed) for verdict.

# The options every database benchmark takes: --strict (exit 1 when a target
# is missed) and --db postgresql://... (PostgreSQL too). Sets STRICT and PG_URL.
parse_bench_args() { # "$@" of the benchmark
  STRICT=0
  PG_URL=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --strict) STRICT=1 ;;
      --db) PG_URL=$2; shift ;;
      --db=*) PG_URL=${1#--db=} ;;
      *) echo "usage: $0 [--strict] [--db postgresql://...]" >&2; exit 2 ;;
    esac
    shift
  done
}

# Signs a user in through the login form (PASSWORD, SAMEN_URL); the session
# goes into the cookie jar, emptied first: a session kept from an earlier
# server on the same data would make /login redirect, without a form. Exits
# with a message when there is no form or the login is refused.
sign_in() { # jar email
  local csrf status
  rm -f "$1"
  csrf=$(curl -s -c "$1" -b "$1" "$SAMEN_URL/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 |
    sed 's/.*value="//; s/"$//') || true
  [ -n "$csrf" ] || { echo "bench: no login form at $SAMEN_URL/login" >&2; exit 1; }
  status=$(curl -s -o /dev/null -w '%{http_code}' -c "$1" -b "$1" --data-urlencode "_csrf=$csrf" \
    --data-urlencode "email=$2" --data-urlencode "password=$PASSWORD" "$SAMEN_URL/login")
  [ "$status" = 303 ] || { echo "bench: login as $2 answered HTTP $status" >&2; exit 1; }
}

# Server-side milliseconds of the requests to `route` logged after line `from`
# of the JSON access log.
route_ms() { # access_log from route
  tail -n +"$2" "$1" | grep "\"route\":\"$3\"" | grep -o '"ms":[0-9.eE+-]*' | cut -d: -f2 || true
}

# Requests every URL ROUNDS times with the jar's session (after one warm-up
# request each; any answer but 200 stops the benchmark) and sets P50, P95 and
# MAX: the server-side times of those requests to `route`.
measure_urls() { # access_log jar route urls...
  local log=$1 jar=$2 route=$3 from url status
  shift 3
  for url in "$@"; do curl -s -o /dev/null -b "$jar" "$SAMEN_URL$url"; done  # warm
  from=$(($(wc -l <"$log") + 1))
  for _ in $(seq "$ROUNDS"); do
    for url in "$@"; do
      status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$SAMEN_URL$url")
      [ "$status" = 200 ] || { echo "bench: $url answered HTTP $status" >&2; exit 1; }
    done
  done
  route_ms "$log" "$from" "$route" >"$log.ms"
  P50=$(percentile 50 <"$log.ms")
  P95=$(percentile 95 <"$log.ms")
  MAX=$(percentile 100 <"$log.ms")
}

# Serves $T/www with nginx ($NGINX) on a free loopback port (NPORT), the same
# bytes Samen served, for a "Samen beside nginx" figure; waits until `path`
# answers 200. Its temporary files stay in $T/nginx-tmp.
serve_www_with_nginx() { # path
  # nginx workers run unprivileged: they may enter $T and read www/, nothing
  # else (a data directory there keeps owner-only key files Samen checks).
  chmod a+x "$T"
  chmod -R a+rX "$T/www"
  mkdir -p "$T/nginx-tmp"
  NPORT=$(free_port)
  cat >"$T/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $T/nginx.pid;
error_log $T/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $T/nginx-tmp/body;
  proxy_temp_path $T/nginx-tmp/proxy;
  fastcgi_temp_path $T/nginx-tmp/fastcgi;
  uwsgi_temp_path $T/nginx-tmp/uwsgi;
  scgi_temp_path $T/nginx-tmp/scgi;
  types { text/html html; text/css css; }
  default_type application/octet-stream;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$NPORT;
    root $T/www;
  }
}
CONF
  "$NGINX" -e "$T/nginx-error.log" -p "$T" -c "$T/nginx.conf" &
  PIDS+=("$!")
  local i
  for i in $(seq 100); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$NPORT$1")" = 200 ] && break
    sleep 0.1
  done
}

# Builds build/samen when it is missing (unless SAMEN points elsewhere).
ensure_samen() {
  if [ ! -x "$SAMEN" ]; then
    if [ "$SAMEN" = build/samen ] && [ -x scripts/build ]; then
      echo "bench: build/samen missing, running scripts/build"
      scripts/build
    fi
    [ -x "$SAMEN" ] || { echo "bench: no samen binary at $SAMEN" >&2; exit 2; }
  fi
}

# Installs the Debian packages given as "command:package" pairs whose command is missing.
ensure_commands() {
  local missing=() pair
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || [ -x "/usr/sbin/${pair%%:*}" ] || missing+=("${pair#*:}")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  echo "bench: installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# T: a fresh temporary directory; PIDS: processes stopped (TERM, then KILL) on exit.
make_workdir() { # name
  T=$(mktemp -d "/tmp/samen-bench-$1.XXXXXX")
  PIDS=()
  trap cleanup EXIT
  trap 'exit 130' INT TERM
}
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

# Starts samen serve on a free loopback port and waits (up to `wait_s`) for
# its address line; stdout to out_log, stderr (the JSON access log) to err_log.
# Sets SAMEN_PID and SAMEN_URL.
start_samen() { # data_dir out_log err_log wait_s extra-args...
  local dir=$1 out=$2 err=$3 wait_s=$4
  shift 4
  if [ "$out" = "$err" ]; then
    "$SAMEN" serve --listen 127.0.0.1:0 --data "$dir" "$@" >"$out" 2>&1 &
  else
    "$SAMEN" serve --listen 127.0.0.1:0 --data "$dir" "$@" >"$out" 2>"$err" &
  fi
  SAMEN_PID=$!
  PIDS+=("$SAMEN_PID")
  SAMEN_URL=""
  for _ in $(seq $((wait_s * 10))); do
    SAMEN_URL=$(grep -o 'Samen is listening on http://127\.0\.0\.1:[0-9]*' "$out" | head -1 | sed 's/.* on //') || true
    [ -n "$SAMEN_URL" ] && return 0
    kill -0 "$SAMEN_PID" 2>/dev/null || { echo "bench: samen exited:" >&2; cat "$out" "$err" >&2; exit 1; }
    sleep 0.1
  done
  echo "bench: samen printed no address within $wait_s s:" >&2
  cat "$out" "$err" >&2
  exit 1
}
stop_samen() {
  kill -TERM "$SAMEN_PID" 2>/dev/null || true
  wait "$SAMEN_PID" 2>/dev/null || true
}

# A loopback port nothing listens on (probed with bash's /dev/tcp).
free_port() {
  local p
  for _ in $(seq 200); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo "bench: no free port found" >&2
  exit 2
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
rss_mb() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
hwm_mb() { awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
# CPU time (user + system) a process has used so far, in ms: a figure the machine's load does not change.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%d", ($12 + $13) * 1000 / hz }' "/proc/$1/stat"; }

to_ms() { # 635.00us | 2.05ms | 1.10s | 1.00m
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.2f", n }'
}
# p-th percentile (0-100) of numbers on stdin, "n/a" when there are none.
percentile() {
  sort -g | awk -v p="$1" '{ v[NR] = $1 } END {
    if (NR == 0) { print "n/a"; exit }
    i = int(p / 100 * NR + 0.999999); if (i < 1) i = 1; if (i > NR) i = NR
    printf "%.2f", v[i] }'
}

# A short wrk run at low concurrency, not measured.
warm_up() { # url [lua script]
  local script=()
  [ -n "${2:-}" ] && script=(-s "$2")
  wrk -t"$THREADS" -c8 -d2s "${script[@]}" "$1" >/dev/null 2>&1 || true
}
# A measured wrk run; sets RPS, P50, P99 (client ms) and ERRS.
run_wrk() { # url [lua script]
  local out script=()
  [ -n "${2:-}" ] && script=(-s "$2")
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${script[@]}" "$1")
  RPS=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
  P50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  P99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  ERRS=$(grep -E 'Non-2xx|Socket errors' <<<"$out" | sed 's/^ *//' | paste -sd';' - || true)
}

MISSED=0
verdict() { # awk condition; sets V (not in a subshell, so MISSED counts)
  if awk "BEGIN { exit !($1) }"; then V=ok; else MISSED=$((MISSED + 1)); V=MISSED; fi
}
finish() { # strict
  echo
  if [ "$MISSED" -gt 0 ]; then
    echo "$MISSED target(s) missed"
    [ "$1" = 1 ] && exit 1
  else
    echo "all targets met"
  fi
  exit 0
}
