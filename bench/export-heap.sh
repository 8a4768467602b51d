#!/usr/bin/env bash
# A full-size network export with the hub's heap capped: starts the built jar on a kept database
# with -Xmx512m (HEAP), downloads the whole network as GEXF (and the other formats with FORMATS) over
# loopback, and writes bench/results/export-heap-<date>.md: time, size, nodes and edges written,
# the heap's peak after each GC (from the JVM's GC log) and whether the hub stayed up.
# The hub computes no network measures in the background meanwhile (partnernetz.measures.enabled).
#
#   bench/scale.sh -Dscale.keepData=true        # prints "Database kept in DIR"
#   ./mvnw -q package -DskipTests
#   bench/export-heap.sh DIR
#
# Settings (environment): HEAP (512m), FORMATS ("gexf"), PORT (18090), PAGE_CACHE (2GB),
# BENCH_JAVA (the java to run the jar, else as bench/run.sh finds it). The hub's Bolt port is 7687.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=$1
HEAP=${HEAP:-512m}
PORT=${PORT:-18090}
source bench/java.sh
WORK=$(mktemp -d)
OUT=bench/results/export-heap-$(date -u +%F).md
n=2
while [ -e "$OUT" ]; do OUT=bench/results/export-heap-$(date -u +%F)-$n.md; n=$((n + 1)); done
stop() { [ -n "${HUB:-}" ] && kill "$HUB" 2>/dev/null && wait "$HUB" 2>/dev/null || true; }
trap 'stop; rm -rf "$WORK"' EXIT

"$JAVA" -Xmx"$HEAP" -Xlog:gc:file="$WORK/gc.log" -XX:+ExitOnOutOfMemoryError -jar target/partnernetz.jar \
  --partnernetz.embedded.data-directory="$DATA" --server.port="$PORT" --management.server.port=0 --partnernetz.seed.mode=never --partnernetz.measures.enabled=false \
  --partnernetz.embedded.page-cache="${PAGE_CACHE:-2GB}" > "$WORK/hub.log" 2>&1 &
HUB=$!
for _ in $(seq 1 180); do
  curl -s -o /dev/null -XPOST -H 'content-type: application/json' -d '{"query":"{__typename}"}' \
    "http://127.0.0.1:$PORT/graphql" && break
  sleep 1
done
{
  echo "# Full-size network export with the heap capped at $HEAP, $(date -u +%FT%H:%MZ)"
  echo
  echo "Database: \`$DATA\`. The whole network (no selection), downloaded over loopback with curl."
  echo "Peak heap: the largest heap in use after a GC during the run, from \`-Xlog:gc\`."
  echo
  echo "| format | HTTP | seconds | MB written | hub alive after |"
  echo "|---|---|---:|---:|---|"
} > "$OUT"
for format in ${FORMATS:-gexf}; do
  started=$(date +%s.%N)
  status=$(curl -s -o "$WORK/network.$format" -w '%{http_code}' "http://127.0.0.1:$PORT/exports/network.$format" || echo failed)
  seconds=$(echo "$(date +%s.%N) - $started" | bc)
  mb=$(echo "scale=1; $(stat -c %s "$WORK/network.$format") / 1000000" | bc)
  alive=$(kill -0 "$HUB" 2>/dev/null && echo yes || echo NO)
  printf '| %s | %s | %.1f | %s | %s |\n' "$format" "$status" "$seconds" "$mb" "$alive" >> "$OUT"
  if [ "$format" = gexf ]; then
    { echo; echo "GEXF elements written: $(grep -o '<node ' "$WORK/network.gexf" | wc -l) nodes," \
        "$(grep -o '<edge ' "$WORK/network.gexf" | wc -l) edges; ends with \`$(tail -c 9 "$WORK/network.gexf")\`."; } >> "$OUT.tmp"
  fi
done
[ -e "$OUT.tmp" ] && cat "$OUT.tmp" >> "$OUT" && rm "$OUT.tmp"
peak=$(grep -oE '[0-9]+M->[0-9]+M' "$WORK/gc.log" | sed -E 's/.*->([0-9]+)M/\1/' | sort -n | tail -1)
{
  echo
  echo "Peak heap in use after a GC: ${peak:-?} MB of $HEAP; GC events: $(grep -c 'Pause' "$WORK/gc.log" || true)."
  grep -q "OutOfMemoryError" "$WORK/hub.log" && echo "**The hub ran out of memory.**" || echo "No OutOfMemoryError in the hub's log."
} >> "$OUT"
cat "$OUT"
