#!/usr/bin/env bash
# Network metrics benchmark (not a test): `samen network-metrics` timed beside
# python-igraph (Debian's python3-igraph, tests/monitoring/igraph_reference.py)
# computing the same figures from the same edge list, in one run:
#   - a wave-sized network (500 organisations, ~25,000 reported ties, directed):
#     samen's time against the issue's target (metrics < 1 s);
#   - the same size as a survey wave in a database (`samen network-bench-wave`,
#     SQLite in a fresh data directory): the server's work for the wave's
#     metrics (answers read + metrics, target < 1 s) and for the diagram's data
#     (answers, network and profiles read, layout, JSON; target < 200 ms with
#     the layout cached, and the first request that computes it), medians of ROUNDS;
#   - a random directed network of NODES nodes and EDGES ties (100,000 and
#     1,000,000 by default, as the issue asks): both wall times, both peak
#     memories, their ratio, and the largest difference between the figures.
# Each side's time is the whole command: reading the CSV, computing, printing
# the JSON. Exact betweenness and closeness need a shortest-path search from
# every node (O(n·m), ~10^11 steps at the default size, in igraph's C core
# and so in python-igraph too: neither finished in 500 s), so above
# --exact-up-to nodes (10,000 by default) both sides count only paths of at
# most --cutoff ties (2 by default; igraph's cutoff versions, "path_cutoff" in
# both JSONs), printed with the figures. EXACT_UP_TO and CUTOFF pass other
# values to both sides (EXACT_UP_TO=10000 NODES=10000 EDGES=100000: exact).
# Usage: bench/network.sh [--strict]   (--strict: exit 1 when a target is missed)
# SAMEN=/path/to/samen (default build/samen, built with scripts/build), NODES,
# EDGES, SEED=1, ROUNDS=10 and KEEP=1 (keep the files) tune it.
set -euo pipefail
cd "$(dirname "$0")/.."

STRICT=0
[ "${1:-}" = "--strict" ] && STRICT=1
SAMEN=${SAMEN:-build/samen}
NODES=${NODES:-100000}
EDGES=${EDGES:-1000000}
SEED=${SEED:-1}
EXACT_UP_TO=${EXACT_UP_TO:-10000}
CUTOFF=${CUTOFF:-2}
ROUNDS=${ROUNDS:-10}
PY=/usr/bin/python3
REF=tests/monitoring/igraph_reference.py
source bench/lib.sh

ensure_samen
$PY -c 'import igraph' 2>/dev/null || { echo "bench: python3-igraph is missing (scripts/install-deps --test)" >&2; exit 2; }
make_workdir network

# A random simple directed network: `ties` distinct pairs of distinct nodes,
# named "org N", written as source,target.
generate() { # nodes ties seed file
  $PY - "$@" <<'EOF'
import random, sys
n, m, seed, path = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rng = random.Random(seed)
seen = set()
with open(path, "w") as f:
    f.write("source,target\n")
    while len(seen) < m:
        s, t = rng.randrange(n), rng.randrange(n)
        if s != t and (s, t) not in seen:
            seen.add((s, t))
            f.write(f"org {s},org {t}\n")
EOF
}

# Runs a command with stdout to a file; sets SECS (wall) and PEAK_MB (max RSS).
timed() { # out_file command...
  local out=$1
  shift
  /usr/bin/time -f "%e %M" -o "$T/time" "$@" >"$out"
  SECS=$(awk '{ print $1 }' "$T/time")
  PEAK_MB=$(awk '{ printf "%.0f", $2 / 1024 }' "$T/time")
}

# The largest difference between two outputs' figures (relative to max(1, |x|)).
max_difference() { # a.json b.json
  $PY - "$1" "$2" <<'EOF'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
worst = 0.0
def diff(x, y):
    global worst
    worst = max(worst, abs(x - y) / max(1.0, abs(y)))
for k, v in b["network"].items():
    diff(a["network"][k], v)
assert len(a["nodes"]) == len(b["nodes"])
for p, q in zip(a["nodes"], b["nodes"]):
    assert p["id"] == q["id"]
    for k in ("degree", "in_degree", "out_degree", "betweenness", "closeness"):
        diff(p[k], q[k])
print(f"{worst:.1e}")
EOF
}

echo "samen network-metrics beside python-igraph $($PY -c 'import igraph; print(igraph.__version__)') ($(nproc) cores)"
echo "load at start: $(uptime)"
echo
generate 500 25000 "$SEED" "$T/wave.csv"
timed "$T/wave-samen.json" "$SAMEN" network-metrics --edges "$T/wave.csv" --directed
verdict "$SECS < 1"
printf '%-48s %8s s   target < 1 s   %s\n' "wave: 500 organisations, 25,000 ties (samen)" "$SECS" "$V"
timed "$T/wave-igraph.json" $PY "$REF" "$T/wave.csv" --directed
printf '%-48s %8s s\n' "wave: the same with python-igraph" "$SECS"
echo

"$SAMEN" network-bench-wave --data "$T/wave-data" --organizations 500 --ties 25000 --rounds "$ROUNDS" >"$T/wave-bench.txt"
figure() { awk -v k="$1" '$1 == k { print $2 }' "$T/wave-bench.txt"; }
head -1 "$T/wave-bench.txt" | sed 's/^/survey /'
verdict "$(figure metrics_ms) < 1000"
printf '%-48s %8s ms  target < 1000 ms  %s\n' "  metrics (answers read + computed), median" "$(figure metrics_ms)" "$V"
verdict "$(figure diagram_ms) < 200"
printf '%-48s %8s ms  target < 200 ms   %s\n' "  diagram data (layout cached), median" "$(figure diagram_ms)" "$V"
printf '%-48s %8s ms\n' "  diagram data, first (layout computed)" "$(figure diagram_first_ms)"
printf '%-48s %8s\n' "  diagram JSON bytes" "$(figure diagram_json_bytes)"
echo

echo "generating $NODES nodes, $EDGES directed ties (seed $SEED)"
generate "$NODES" "$EDGES" "$SEED" "$T/big.csv"
echo "edge list: $(du -h "$T/big.csv" | cut -f1)"
PATHS=(--exact-up-to "$EXACT_UP_TO" --cutoff "$CUTOFF")
timed "$T/big-samen.json" "$SAMEN" network-metrics --edges "$T/big.csv" --directed "${PATHS[@]}"
SAMEN_S=$SECS SAMEN_MB=$PEAK_MB
cutoff_of() { $PY -c 'import json, sys; c = json.load(open(sys.argv[1]))["path_cutoff"]; print("exact" if c is None else f"paths up to {c:g} ties")' "$1"; }
echo "samen: betweenness and closeness $(cutoff_of "$T/big-samen.json")"
printf '%-48s %8s s   peak %s MB\n' "samen network-metrics" "$SAMEN_S" "$SAMEN_MB"
timed "$T/big-igraph.json" $PY "$REF" "$T/big.csv" --directed "${PATHS[@]}"
IGRAPH_S=$SECS IGRAPH_MB=$PEAK_MB
printf '%-48s %8s s   peak %s MB\n' "python-igraph (same figures, same file)" "$IGRAPH_S" "$IGRAPH_MB"
echo "python-igraph: betweenness and closeness $(cutoff_of "$T/big-igraph.json")"
printf '%-48s %8s\n' "ratio samen / python-igraph" "$(awk -v a="$SAMEN_S" -v b="$IGRAPH_S" 'BEGIN { printf "%.2f", a / b }')"
printf '%-48s %8s\n' "largest difference between the figures" "$(max_difference "$T/big-samen.json" "$T/big-igraph.json")"

echo "load at end: $(uptime)"
finish "$STRICT"
