#!/usr/bin/env bash
# The network measures computed ahead, at full size: starts the built jar on a copy of a kept
# database with the refresh every 5 s, waits until the first labour-market region's measures are
# stored (the hub logs how long they took), then times a page of networkMeasures for that region
# from the stored run against the same page computed at the request (fresh: true, which measures at
# most 2000 nodes), and writes bench/results/measures-ahead-<date>.md.
#
#   bench/scale.sh -Dscale.keepData=true        # prints "Database kept in DIR"
#   ./mvnw -q package -DskipTests
#   bench/measures-ahead.sh DIR
#
# Settings (environment): REPEATS (timed requests per side, 10), PORT (18096), WAIT_MINUTES (60),
# BENCH_JAVA. Loopback only; the hub's Bolt port is 7687. A lease that a killed hub left in DIR
# holds until it runs out (30 minutes after it was taken); the wait covers that.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=$1
PORT=${PORT:-18096}
REPEATS=${REPEATS:-10}
source bench/java.sh
WORK=$(mktemp -d)
OUT=bench/results/measures-ahead-$(date -u +%F).md
n=2
while [ -e "$OUT" ]; do OUT=bench/results/measures-ahead-$(date -u +%F)-$n.md; n=$((n + 1)); done
stop() { [ -n "${HUB:-}" ] && kill "$HUB" 2>/dev/null && wait "$HUB" 2>/dev/null || true; }
trap 'stop; rm -rf "$WORK"' EXIT
cp -r "$DATA" "$WORK/db"

"$JAVA" -Xmx2g -jar target/partnernetz.jar --partnernetz.embedded.data-directory="$WORK/db" --server.port="$PORT" --management.server.port=0 \
  --partnernetz.seed.mode=never --partnernetz.embedded.page-cache=2GB --partnernetz.measures.refresh-interval=5s \
  > "$WORK/hub.log" 2>&1 &
HUB=$!
for _ in $(seq 1 $((${WAIT_MINUTES:-60} * 12))); do
  grep -q "computed ahead" "$WORK/hub.log" && break
  sleep 5
done
line=$(grep -m1 "computed ahead" "$WORK/hub.log" | sed 's/.*Network measures of //')
region=${line%% computed*}
[ -n "$region" ] || { echo "no region was computed within ${WAIT_MINUTES:-60} minutes" >&2; exit 1; }
ask() {
  curl -s -o "$WORK/answer.json" -w '%{time_total}' -XPOST -H 'content-type: application/json' \
    -d "{\"query\":\"{ networkMeasures(region: \\\"$region\\\", orderBy: BETWEENNESS, first: 20, fresh: $1) { precomputed nodeCount edgeCount nodes { edges { node { node { id } betweenness pageRank community } } } } }\"}" \
    "http://127.0.0.1:$PORT/graphql"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ask false > /dev/null; ask true > /dev/null
stored=$(for _ in $(seq 1 "$REPEATS"); do ask false; echo; done | median)
head -c 300 "$WORK/answer.json" > "$WORK/stored.json"
fresh=$(for _ in $(seq 1 "$REPEATS"); do ask true; echo; done | median)
{
  echo "# Network measures computed ahead at full size, $(date -u +%FT%H:%MZ)"
  echo
  echo "Database: \`$DATA\` (copied). Hub log: \`$line\`."
  echo
  echo "A page of 20 (ordered by betweenness) of \`networkMeasures(region: \"$region\")\`, median of $REPEATS requests over loopback,"
  echo "while the hub goes on computing the next regions in the background:"
  echo
  echo "| answered from | seconds |"
  echo "|---|---:|"
  echo "| the stored run (whole region) | $stored |"
  echo "| a computation at the request (\`fresh: true\`, the best connected 2000 nodes) | $fresh |"
  echo
  echo "Start of the stored answer: \`$(cat "$WORK/stored.json")\`"
} > "$OUT"
cat "$OUT"
