#!/usr/bin/env bash
# The peer benchmark: the hub against the Neo4j GraphQL Library (@neo4j/graphql 7 on Apollo Server,
# installed from npm into bench/peer/) on the same database, side by side in one run, on loopback.
# One hub starts on its embedded Neo4j with the seed network; the peer connects to that same Neo4j by
# Bolt with its own type definitions over our graph (bench/peer/server.mjs). Four equivalent queries
# (an organisation with its nested lists, 50 organisations with a nested list, partners of a region,
# collaborations of a region) are first checked to answer the same, then timed in turn, hub and peer
# in turn, another one first every round. A second hub, with its answer cache off, runs in external
# mode on the same database and is timed beside them, to show the engine without the cache (UNCACHED=0
# leaves it out). Writes the requests per second, the ratios (to the peer) and p50 per query to
# bench/results/peer-<date>.md.
#
#   bench/peer.sh                                   # 3 rounds of 10 s per query and server
#   SECONDS_PER_RUN=5 ROUNDS=1 WARMUP=5 UNCACHED=0 bench/peer.sh
#   HUB_ARGS="--partnernetz.http.answers.max-size=4MB" bench/peer.sh   # arguments for both hubs
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_RUN=${SECONDS_PER_RUN:-10}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-10}
WARMUP=${WARMUP:-20}
PORT=${PORT:-18093}
PEER_PORT=${PEER_PORT:-18094}
UNCACHED=${UNCACHED:-1}
UNCACHED_PORT=${UNCACHED_PORT:-18095}
OUT=${OUT:-bench/results/peer-$(date -u +%Y-%m-%d).md}
DATA=$(mktemp -d)
trap 'kill "${PEER:-}" "${SECOND:-}" "${PID:-}" 2>/dev/null || true; rm -rf "$DATA"' EXIT

source bench/java.sh
[ -f target/partnernetz.jar ] || ./mvnw -B -q -DskipTests package
npm ci --prefix bench/peer --silent --no-audit --no-fund

# Limits off: the one loopback client is over an anonymous client's budget (see bench/load.sh).
"$JAVA" -jar target/partnernetz.jar --server.port="$PORT" --management.server.port=0 --server.address=127.0.0.1 \
    --partnernetz.embedded.bolt-port=0 --partnernetz.embedded.data-directory="$DATA/db" \
    --partnernetz.limits.enabled=false --partnernetz.measures.enabled=false ${HUB_ARGS:-} > "$DATA/hub.log" 2>&1 &
PID=$!
wait_for_hub "$PORT" "$PID" "$DATA/hub.log"
BOLT=$(grep -o 'Embedded Neo4j is ready at bolt://[0-9.:]*' "$DATA/hub.log" | head -1 | sed 's/.* at //')

SECOND_URL=
if [ "$UNCACHED" = 1 ]; then
  # The embedded database has no authentication (it listens on loopback only); any password will do.
  NEO4J_URI=$BOLT NEO4J_PASSWORD=none "$JAVA" -jar target/partnernetz.jar --server.port="$UNCACHED_PORT" \
      --management.server.port=0 --server.address=127.0.0.1 --partnernetz.http.answers.enabled=false \
      --partnernetz.limits.enabled=false --partnernetz.measures.enabled=false ${HUB_ARGS:-} > "$DATA/second.log" 2>&1 &
  SECOND=$!
  wait_for_hub "$UNCACHED_PORT" "$SECOND" "$DATA/second.log"
  SECOND_URL="http://127.0.0.1:$UNCACHED_PORT"
fi

: > "$DATA/peer.log"
node bench/peer/server.mjs "$BOLT" "$PEER_PORT" > "$DATA/peer.log" 2>&1 &
PEER=$!
for _ in $(seq 1 300); do
  grep -q 'peer ready' "$DATA/peer.log" && break
  kill -0 "$PEER" 2>/dev/null || { cat "$DATA/peer.log" >&2; exit 1; }
  sleep 0.1
done

node bench/peer/compare.mjs "http://127.0.0.1:$PORT" "http://127.0.0.1:$PEER_PORT/" \
    "$SECONDS_PER_RUN" "$ROUNDS" "$CONNECTIONS" "$WARMUP" $SECOND_URL > "$DATA/compare.json"

{
  echo "# Peer benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "bench/peer.sh on $(nproc) cores (shared machine): the hub (embedded Neo4j, seed network) and"
  echo "$(node -p "'@neo4j/graphql ' + require('./bench/peer/node_modules/@neo4j/graphql/package.json').version + ' on @apollo/server ' + require('./bench/peer/node_modules/@apollo/server/package.json').version") (one Node $(node --version) process)"
  echo "over the same database by Bolt; autocannon on the same machine, $CONNECTIONS connections, POST,"
  echo "$SECONDS_PER_RUN s per query and server in each of $ROUNDS rounds (one after the other, another one first"
  echo "every round) after $WARMUP s of each unreported. Ratio: a hub's requests per second / the peer's, in the same round."
  echo "The hub as it ships (its answer cache on)${SECOND_URL:+; and a second hub with the answer cache off, in external mode on the same database}."
  echo "Limits and the network measures' background refresh off in the hubs.${HUB_ARGS:+ Hub arguments: $HUB_ARGS}"
  echo
  node bench/peer/report.mjs "$DATA/compare.json"
} > "$OUT"
cat "$OUT"
