#!/usr/bin/env bash
# Makes the JDK's AOT cache for the hub (JDK 25: classes loaded and linked ahead, and method
# profiles) from a training run: the extracted jar starts on a throw-away copy of the seed network,
# answers a mix of typical requests, and stops; the JVM writes the cache as it exits. A hub started
# with -XX:AOTCache=<cache> on the same JDK and the same jar then starts and warms up faster.
#
#   src/main/scripts/aot-training.sh JAVA EXTRACTED_JAR CACHE
#
# JAVA: a JDK 25 java; EXTRACTED_JAR: the jar from `java -Djarmode=tools -jar partnernetz.jar extract`
# (the cache needs plain jars on the class path); CACHE: where the cache goes. JAVA_OPTIONS: the
# memory and GC options the hub will run with (the training must use the same). Loopback only.
set -euo pipefail
JAVA=$1 JAR=$2 CACHE=$3
PORT=${AOT_TRAINING_PORT:-18971}
DATA=$(mktemp -d)
trap 'kill "${PID:-}" 2>/dev/null || true; rm -rf "$DATA"' EXIT

# shellcheck disable=SC2086 # JAVA_OPTIONS is a list of options
"$JAVA" ${JAVA_OPTIONS:-} -XX:AOTCacheOutput="$CACHE" -jar "$JAR" --server.port="$PORT" --management.server.port=0 --server.address=127.0.0.1 \
    --partnernetz.embedded.bolt-port=0 --partnernetz.embedded.data-directory="$DATA/db" \
    --partnernetz.measures.enabled=false > "$DATA/training.log" 2>&1 &
PID=$!

post() { curl -s -o /dev/null --max-time 30 "http://127.0.0.1:$PORT/graphql" -H 'content-type: application/json' -d "$1"; }
for _ in $(seq 1 1200); do
  if curl -s --max-time 5 "http://127.0.0.1:$PORT/graphql" -H 'content-type: application/json' \
      -d '{"query":"{ partners(region: \"nrw\", first: 1) { totalCount } }"}' 2>/dev/null | grep -q '"totalCount":[1-9]'; then
    break
  fi
  kill -0 "$PID" 2>/dev/null || { cat "$DATA/training.log" >&2; exit 1; }
  sleep 0.2
done

for _ in $(seq 1 30); do
  post '{"query":"{ organisation(slug: \"whkt\") { name memberOf { edges { node { id } relationship { basis sources { title } } } } participations { totalCount } } }"}'
  post '{"query":"{ organisations(name: \"dusseldorf\") { totalCount edges { node { name kind } } } }"}'
  post '{"query":"{ partners(region: \"amr-westfaelisches-ruhrgebiet\", first: 20) { totalCount edges { node { name } ties { kind region { name } } } } }"}'
  post '{"query":"{ collaborations(region: \"duesseldorf\", first: 20) { totalCount edges { node { organisationA { name } organisationB { name } weight } } } }"}'
  post '{"query":"{ regions(first: 20) { edges { node { name kind } } } }"}'
  curl -s -o /dev/null --max-time 30 "http://127.0.0.1:$PORT/graphql?query=%7B%20__typename%20%7D"
done

kill -TERM "$PID"
wait "$PID" || true
[ -s "$CACHE" ] || { echo "no AOT cache written; see the training log:" >&2; tail -20 "$DATA/training.log" >&2; exit 1; }
echo "AOT cache: $CACHE ($(du -h "$CACHE" | cut -f1))"
