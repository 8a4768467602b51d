#!/usr/bin/env bash
# Side by side: two builds of the hub on copies of the same database, in alternating rounds, each
# warmed up first, timed with bench/pages.mjs (node 20). For a change to a read path, measured in one
# run on this noisy machine. Writes bench/results/ab-<date>.md (-2, -3 ... when that exists).
#
#   bench/scale.sh small -Dscale.keepData=true      # or ORGANISATIONS=20000 RELATIONSHIPS=200000 ...;
#                                                   # prints "Database kept in DIR"
#   git stash; ./mvnw -q package -DskipTests; cp target/partnernetz.jar /tmp/a.jar; git stash pop
#   ./mvnw -q package -DskipTests; cp target/partnernetz.jar /tmp/b.jar
#   bench/ab.sh /tmp/a.jar /tmp/b.jar DIR [BUSIEST]
#
# Settings (environment): ROUNDS (timed rounds per side and turn, 30), WARM (warm-up rounds, 60),
# TURNS (alternations, 2), ONLY (regex of query names), PORT (18080). Each side gets its own copy
# of DIR (a build may migrate the schema), and computes no network measures in the background (they
# would compete with the timings), keeps no answer cache (a repeat would not read the graph) and
# applies no limits per client (the benchmark is one client sending thousands of requests).
# The hub's Bolt port is 7687: nothing else may use it.
# BENCH_JAVA: the java to run the jars (else the first JDK 21+ found, as in bench/run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
A=$1; B=$2; DATA=$3; BUSIEST=${4:-syn-org-1}
PORT=${PORT:-18080}
source bench/java.sh
WORK=$(mktemp -d)
cp -r "$DATA" "$WORK/a"; cp -r "$DATA" "$WORK/b"
OUT=bench/results/ab-$(date -u +%F).md
n=2
while [ -e "$OUT" ]; do OUT=bench/results/ab-$(date -u +%F)-$n.md; n=$((n + 1)); done
stop() { [ -n "${HUB:-}" ] && kill "$HUB" 2>/dev/null && wait "$HUB" 2>/dev/null || true; }
trap 'stop; rm -rf "$WORK"' EXIT
{
  echo "# A/B of two builds, $(date -u +%FT%H:%MZ)"
  echo
  echo "A: \`$A\`, B: \`$B\`, database: \`$DATA\` (copied per side). Medians in ms over HTTP on loopback;"
  echo "each turn starts the build, warms it with ${WARM:-60} rounds of every query, then times ${ROUNDS:-30} rounds."
  echo
} > "$OUT"
for turn in $(seq 1 "${TURNS:-2}"); do
  for side in a b; do
    jar=$([ $side = a ] && echo "$A" || echo "$B")
    "$JAVA" -Xmx2g -jar "$jar" --partnernetz.embedded.data-directory="$WORK/$side" --server.port="$PORT" --management.server.port=0 \
      --partnernetz.seed.mode=never --partnernetz.measures.enabled=false \
      --partnernetz.http.answers.enabled=false --partnernetz.limits.enabled=false > "$WORK/hub-$side.log" 2>&1 &
    HUB=$!
    for _ in $(seq 1 120); do
      curl -s -o /dev/null -XPOST -H 'content-type: application/json' -d '{"query":"{__typename}"}' \
        "http://127.0.0.1:$PORT/graphql" && break
      sleep 1
    done
    node bench/pages.mjs "$PORT" "${WARM:-60}" "$BUSIEST" > /dev/null
    { echo "## ${side^^}, turn $turn"; echo; echo '```'; node bench/pages.mjs "$PORT" "${ROUNDS:-30}" "$BUSIEST"; echo '```'; echo; } | tee -a "$OUT"
    stop; HUB=
  done
done
echo "Written to $OUT"
