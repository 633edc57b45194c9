#!/usr/bin/env bash
# Qualitative coding benchmark (not a test): generates a journal of 50,000
# activities (notes, 5 local teams and the Brussels-wide level, the three
# visibilities, 2010-2025) and 500,000 coded passages over a two-level
# codebook of 19 codes (and a rare 20th on every 1,667th passage, about 300), straight into a fresh database by SQL (sqlite3, or psql
# for PostgreSQL, after `samen user add` has created and migrated it; `samen
# journal-coding-recount` then fills the frequency counts the app keeps up to
# date itself), serves it with the release binary on loopback and requests,
# one at a time, as a coordinator (sees everything) and as a partner
# (visibility filtered in SQL):
#   - the code-frequency chart page /journal/coding/frequencies by year,
#     quarter, team and activity type;
#   - a top-level code's passages page /journal/coding/codes/{id} (its
#     sub-codes' passages too, 50 a page) and its second page;
#   - the timeline filtered by that code /journal?code={id} (and by a sub-code),
#     and by the rare code (found from its codings, not by walking the activities).
# Each figure is the server-side time from the JSON access log ("ms"), p50
# and p95 over REPEAT requests, beside the target (chart and timeline p95 < 50 ms).
# With --db postgresql://host:port/db the same is measured on PostgreSQL too
# (a database samen_coding_bench the script creates afresh on that server).
# Usage: bench/journal-coding.sh [--strict] [--db postgresql://...]   (--strict: exit 1 when a target is missed)
# SAMEN=/path/to/samen, ACTIVITIES=50000, CODINGS=500000, REPEAT=40, KEEP=1 tune it.
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/lib.sh
parse_bench_args "$@"
ACTIVITIES=${ACTIVITIES:-50000}
CODINGS=${CODINGS:-500000}
REPEAT=${REPEAT:-40}
SAMEN=${SAMEN:-build/samen}
PASSWORD="bench-coding-password-2026"

ensure_samen
ensure_commands curl:curl sqlite3:sqlite3
[ -n "$PG_URL" ] && ensure_commands psql:postgresql-client
make_workdir journal-coding

echo "Samen coding benchmark: $ACTIVITIES activities, $CODINGS coded passages, $REPEAT requests per page, $(nproc) cores, $("$SAMEN" version 2>/dev/null | head -1 || true)"
echo

# A signed-in curl: the login form's CSRF token, then the session cookie in a jar.
login() { # email jar
  local token
  token=$(curl -s -c "$2" -b "$2" "$SAMEN_URL/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -c "$2" -b "$2" --data-urlencode "_csrf=$token" \
    --data-urlencode "email=$1" --data-urlencode "password=$PASSWORD" "$SAMEN_URL/login")
  [ "$status" = 303 ] || { echo "bench: login as $1 answered $status" >&2; exit 1; }
}

# Server-side ms of the last n requests of a route in the access log.
route_ms() { # route n
  grep "\"route\":\"$1\"" "$ACCESS_LOG" | tail -n "$2" | grep -o '"ms":[0-9.eE+-]*' | cut -d: -f2
}
# Requests `path` REPEAT times as `who` (after one unmeasured request) and prints its figures.
measure() { # label who route path target
  local label=$1 who=$2 route=$3 path=$4 target=$5 status first
  status=$(curl -s -o "$T/page.html" -w '%{http_code}' -b "$T/$who.jar" "$SAMEN_URL$path")
  [ "$status" = 200 ] || { echo "bench: $path answered $status as $who" >&2; head -c 600 "$T/page.html" >&2; exit 1; }
  first=$(route_ms "$route" 1)
  for _ in $(seq "$REPEAT"); do curl -s -o /dev/null -b "$T/$who.jar" "$SAMEN_URL$path"; done
  route_ms "$route" "$REPEAT" >"$T/ms.txt"
  local p50 p95
  p50=$(percentile 50 <"$T/ms.txt")
  p95=$(percentile 95 <"$T/ms.txt")
  if [ -n "$target" ]; then verdict "$p95 < $target"; else V=""; fi
  printf '%-44s %-12s %10s %10s %10s   %s\n' "$label" "$who" "$(printf '%.2f' "$first")" "$p50" "$p95" "${target:+p95 < $target ms: $V}"
}

# The SQL that generates the journal, in SQLite's dialect or PostgreSQL's (the same rows).
generate_sql() { # sqlite|postgres
  if [ "$1" = sqlite ]; then
    cat <<SQL
PRAGMA foreign_keys = ON;
BEGIN;
WITH RECURSIVE t(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM t WHERE i < 5)
INSERT INTO teams (id, name, kind, created_at, updated_at) SELECT 'bench-team-' || i, 'Bench team ' || i, 'local_team', 1, 1 FROM t;
INSERT INTO team_members (team_id, organization_id) VALUES ('bench-team-1', 'bench-org');
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 20)
INSERT INTO journal_codes (id, version, created_at, updated_at, parent_id, label_nl, label_fr, label_en, colour)
SELECT printf('bench-code-%02d', i), 1, 1, 1, CASE WHEN i <= 7 OR i = 20 THEN NULL ELSE printf('bench-code-%02d', (i - 8) % 7 + 1) END,
       'Code ' || i, 'Code ' || i, 'Code ' || i, printf('#%02x%02x%02x', (i * 53) % 256, (i * 97) % 256, (i * 29) % 256)
FROM k ORDER BY i;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $ACTIVITIES)
$(activities_sql "printf('bench-a-%06d', i)" "'bench-team-' || (i % 5 + 1)")
FROM n;
WITH RECURSIVE n(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM n WHERE j < $CODINGS - 1)
INSERT INTO journal_codings (id, code_id, activity_id, field, start_offset, end_offset, passage, text_changed, created_at)
SELECT printf('bench-k-%07d', j), printf('bench-code-%02d', CASE WHEN j % 1667 = 0 THEN 20 ELSE (j * 7 + j / $ACTIVITIES) % 19 + 1 END),
       printf('bench-a-%06d', j % $ACTIVITIES + 1), 'notes', (j * 13) % 300, (j * 13) % 300 + 40, 'passage', 0, 1
FROM n;
COMMIT;
SQL
  else
    cat <<SQL
BEGIN;
INSERT INTO teams (id, name, kind, created_at, updated_at)
SELECT 'bench-team-' || i, 'Bench team ' || i, 'local_team', 1, 1 FROM generate_series(1, 5) i;
INSERT INTO team_members (team_id, organization_id) VALUES ('bench-team-1', 'bench-org');
INSERT INTO journal_codes (id, version, created_at, updated_at, parent_id, label_nl, label_fr, label_en, colour)
SELECT 'bench-code-' || lpad(i::text, 2, '0'), 1, 1, 1,
       CASE WHEN i <= 7 OR i = 20 THEN NULL ELSE 'bench-code-' || lpad(((i - 8) % 7 + 1)::text, 2, '0') END,
       'Code ' || i, 'Code ' || i, 'Code ' || i,
       '#' || lpad(to_hex((i * 53) % 256), 2, '0') || lpad(to_hex((i * 97) % 256), 2, '0') || lpad(to_hex((i * 29) % 256), 2, '0')
FROM generate_series(1, 20) i ORDER BY i;
$(activities_sql "'bench-a-' || lpad(i::text, 6, '0')" "'bench-team-' || (i % 5 + 1)")
FROM generate_series(1, $ACTIVITIES) i;
INSERT INTO journal_codings (id, code_id, activity_id, field, start_offset, end_offset, passage, text_changed, created_at)
SELECT 'bench-k-' || lpad(j::text, 7, '0'),
       'bench-code-' || lpad((CASE WHEN j % 1667 = 0 THEN 20 ELSE (j * 7 + j / $ACTIVITIES) % 19 + 1 END)::text, 2, '0'),
       'bench-a-' || lpad((j % $ACTIVITIES + 1)::text, 6, '0'), 'notes', (j * 13) % 300, (j * 13) % 300 + 40, 'passage', 0, 1
FROM generate_series(0, $CODINGS - 1) j;
COMMIT;
SQL
  fi
}
# The activities' INSERT ... SELECT (without its FROM), given the id and team expressions of row i.
activities_sql() { # id_expr team_expr
  cat <<SQL
INSERT INTO journal_activities (id, version, created_at, updated_at, type, title, starts_at, duration_minutes, team_id,
                                visibility, notes)
SELECT $1, 1, 1, 1,
       CASE i % 9 WHEN 0 THEN 'partner_meeting' WHEN 1 THEN 'interview' WHEN 2 THEN 'focus_group' WHEN 3 THEN 'intervision'
                  WHEN 4 THEN 'learning_community' WHEN 5 THEN 'study_visit' WHEN 6 THEN 'inspiration_day'
                  WHEN 7 THEN 'training' ELSE 'parent_group' END,
       'Bench activity ' || i, 1262304000 + (i * 6311) % 504576000, 90,
       CASE WHEN i % 6 = 0 THEN NULL ELSE $2 END,
       CASE WHEN i % 10 = 0 THEN 'facilitators' WHEN i % 6 <> 0 AND i % 2 = 1 THEN 'team' ELSE 'network' END,
       'Verslag ' || i || '. Ouders vinden de weg naar de diensten moeilijk; wachtlijsten in de opvang. '
       || 'De drempel is laag omdat iedereen er komt. Warme overdrachten tussen crèche en school, meertaligheid, '
       || 'tijd van de begeleiders en de administratieve last komen terug. Wij verwachten meer gedeelde vorming '
       || 'en minder losse overlegmomenten. Een vader komt niet naar het oudercafé. Ouders beslissen mee.'
SQL
}

# Runs SQL on the backend's database.
run_sql() { # backend sql
  if [ "$1" = sqlite ]; then sqlite3 "$DATA/samen.db" "$2"; else psql -q -v ON_ERROR_STOP=1 "$DB_URL" -c "$2" >/dev/null; fi
}

bench_backend() { # backend db_args...
  local b=$1
  shift
  DATA="$T/$b/data"
  mkdir -p "$DATA"
  echo "[$b]"
  # The accounts (this also creates and migrates the database).
  printf '%s\n' "$PASSWORD" | "$SAMEN" user add --data "$DATA" "$@" --email coordinator@bench.local --name "Bench Coordinator" \
    --role coordinator --password-stdin >/dev/null
  run_sql "$b" "INSERT INTO organizations (id, name, created_at, updated_at) VALUES ('bench-org', 'Bench organisation', 1, 1)"
  printf '%s\n' "$PASSWORD" | "$SAMEN" user add --data "$DATA" "$@" --email partner@bench.local --name "Bench Partner" \
    --role partner --org bench-org --password-stdin >/dev/null

  echo "generating the journal and its codings"
  local start_ms
  start_ms=$(now_ms)
  if [ "$b" = sqlite ]; then generate_sql sqlite | sqlite3 "$DATA/samen.db"
  else generate_sql postgres | psql -q -v ON_ERROR_STOP=1 "$DB_URL" >/dev/null; fi
  "$SAMEN" journal-coding-recount --data "$DATA" "$@" | sed 's/^/  /'
  # As autovacuum would in time: statistics, and on PostgreSQL the visibility map that lets counts read an index alone.
  if [ "$b" = sqlite ]; then run_sql "$b" "ANALYZE"; else run_sql "$b" "VACUUM ANALYZE"; fi
  echo "  generated in $(( ($(now_ms) - start_ms) / 1000 )) s"
  echo

  start_samen "$DATA" "$T/$b/out.log" "$T/$b/access.log" 120 "$@"
  ACCESS_LOG="$T/$b/access.log"
  echo "serving on $SAMEN_URL (RSS $(rss_mb "$SAMEN_PID") MB)"
  login coordinator@bench.local "$T/coordinator.jar"
  login partner@bench.local "$T/partner.jar"
  printf '%-44s %-12s %10s %10s %10s   %s\n' "page (server-side ms, $b)" "as" "first" "p50" "p95" "target"
  for who in coordinator partner; do
    for by in year quarter team type; do
      measure "frequency chart by $by" "$who" /journal/coding/frequencies "/journal/coding/frequencies?by=$by" 50
    done
    measure "passages of a top-level code (page 1)" "$who" "/journal/coding/codes/{id}" /journal/coding/codes/bench-code-01 ""
    measure "passages of a top-level code (page 2)" "$who" "/journal/coding/codes/{id}" "/journal/coding/codes/bench-code-01?page=2" ""
    measure "passages of a sub-code" "$who" "/journal/coding/codes/{id}" /journal/coding/codes/bench-code-08 ""
    measure "timeline filtered by a top-level code" "$who" /journal "/journal?code=bench-code-01" 50
    measure "timeline filtered by it, page 3" "$who" /journal "/journal?code=bench-code-01&page=3" 50
    measure "timeline filtered by a sub-code" "$who" /journal "/journal?code=bench-code-08" 50
    measure "timeline filtered by a rare code" "$who" /journal "/journal?code=bench-code-20" 50
  done
  echo "peak RSS $(hwm_mb "$SAMEN_PID") MB"
  stop_samen
  echo
}

bench_backend sqlite
if [ -n "$PG_URL" ]; then
  psql -q "$PG_URL" -c "DROP DATABASE IF EXISTS samen_coding_bench" -c "CREATE DATABASE samen_coding_bench" >/dev/null
  DB_URL="${PG_URL%/*}/samen_coding_bench"
  bench_backend postgres --db "$DB_URL"
fi
finish "$STRICT"
