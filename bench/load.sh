#!/usr/bin/env bash
# Load test: 60 s of mixed reads and writes at 200 requests per second against one hub on this
# machine (loopback only), from autocannon (bench/load/, installed from npm here): a partner site's
# queries (an organisation with its nested lists, 50 organisations with a nested list, partners and
# collaborations of a region), GETs revalidated with their ETag, and an editor's changes. Writes the
# requests, errors and p50/p90/p99 per operation to bench/results/load-<date>.md.
#
#   bench/load.sh                       # 60 s at 200 requests/s
#   SECONDS_OF_LOAD=20 RATE=100 bench/load.sh
#   HUB_ARGS="--server.tomcat.threads.max=50" bench/load.sh   # arguments for the hub
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_OF_LOAD=${SECONDS_OF_LOAD:-60}
WARMUP=${WARMUP:-45}
RATE=${RATE:-200}
PORT=${PORT:-18090}
OUT=${OUT:-bench/results/load-$(date -u +%Y-%m-%d).md}
DATA=$(mktemp -d)
trap 'kill "${PID:-}" 2>/dev/null || true; rm -rf "$DATA"' EXIT

source bench/java.sh
[ -f target/partnernetz.jar ] || ./mvnw -B -q -DskipTests package
npm ci --prefix bench/load --silent

# The first admin's token, for this run only (pn_ and 43 URL-safe characters).
TOKEN="pn_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=' | head -c 43)"
PARTNERNETZ_ADMIN_TOKEN=$TOKEN "$JAVA" -jar target/partnernetz.jar --server.port="$PORT" --management.server.port=0 \
    --server.address=127.0.0.1 --partnernetz.embedded.bolt-port=0 --partnernetz.embedded.data-directory="$DATA/db" \
    --partnernetz.limits.enabled=false --partnernetz.measures.enabled=false ${HUB_ARGS:-} > "$DATA/hub.log" 2>&1 &
PID=$!
wait_for_hub "$PORT" "$PID" "$DATA/hub.log"

# The same mix at a quarter of the rate first, unreported: the JIT compiles the hot paths (on 2 cores
# that takes most of a minute, and it would otherwise be what the first seconds measure).
node bench/load/load.mjs "http://127.0.0.1:$PORT" "$TOKEN" "$WARMUP" "$(( RATE / 4 ))" > /dev/null
node bench/load/load.mjs "http://127.0.0.1:$PORT" "$TOKEN" "$SECONDS_OF_LOAD" "$RATE" > "$DATA/load.json"
RSS=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$PID/status")

{
  echo "# Load, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "bench/load.sh on $(nproc) cores (shared machine): one hub (embedded Neo4j, seed network), autocannon on"
  echo "the same machine, $SECONDS_OF_LOAD s at $RATE requests/s in all after $WARMUP s at a quarter of it (unreported);
limits and the network measures' background refresh off (every client is loopback)."
  echo "Errors: an HTTP status other than 2xx/304, a GraphQL error or a timeout (10 s)."
  echo
  node bench/load/report.mjs "$DATA/load.json"
  echo
  echo "Resident memory of the hub at the end: $RSS MB.${HUB_ARGS:+ Hub arguments: $HUB_ARGS}"
} > "$OUT"
cat "$OUT"
