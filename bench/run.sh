#!/usr/bin/env bash
# Benchmark of the hub on this machine: time from launch to the first answer, memory, and the
# latency of typical queries. Builds the jar, starts it on a fresh embedded database (and once more
# on the filled one), and writes the figures to bench/results/<date>.md.
#
#   bench/run.sh                 # 200 requests per query
#   REQUESTS=50 bench/run.sh     # quicker
#
# Only loopback is used: the hub listens on 127.0.0.1 ports given below.
set -euo pipefail
cd "$(dirname "$0")/.."

REQUESTS=${REQUESTS:-200}
PORT=${PORT:-18080}
BOLT_PORT=${BOLT_PORT:-17687}
OUT=bench/results/$(date -u +%Y-%m-%d).md
DATA=$(mktemp -d)
trap 'kill "${PID:-}" 2>/dev/null || true; rm -rf "$DATA"' EXIT

source bench/java.sh

./mvnw -B -q -DskipTests package
JAR=target/partnernetz.jar

json() { # one-line query -> request body
  printf '{"query":"%s"}' "$(printf '%s' "$1" | sed 's/"/\\"/g')"
}

graphql() { # query -> prints the response body
  curl -s --max-time 30 "http://127.0.0.1:$PORT/graphql" -H 'content-type: application/json' \
       -d "$(json "$1")"
}

if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "Something already listens on port $PORT; stop it or set PORT" >&2
  exit 1
fi

start() { # label -> sets PID and ELAPSED (seconds from launch to the first answer with seed data)
  local started=$(date +%s.%N)
  "$JAVA" -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
      --partnernetz.embedded.bolt-port="$BOLT_PORT" --partnernetz.embedded.data-directory="$DATA" \
      > "$DATA/$1.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 1200); do
    if graphql '{ partners(region: "nrw", first: 1) { totalCount } }' 2>/dev/null | grep -q '"totalCount":[1-9]'; then
      ELAPSED=$(awk -v now="$(date +%s.%N)" -v then="$started" 'BEGIN { print now - then }')
      return
    fi
    sleep 0.1
  done
  echo "the hub did not answer within 120 s; see $DATA/$1.log" >&2
  exit 1
}

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$PID/status"; }

stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; }

latency() { # name query -> markdown row with mean, p50, p95, max in ms
  local times=$DATA/times
  : > "$times"
  local body=$(json "$2")
  for _ in $(seq 1 "$REQUESTS"); do
    curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$PORT/graphql" \
         -H 'content-type: application/json' -d "$body" >> "$times"
  done
  sort -n "$times" | awk -v name="$1" '{ t[NR] = $1 * 1000; sum += $1 * 1000 }
    END { printf "| %s | %d | %.1f | %.1f | %.1f | %.1f |\n", name, NR, sum / NR, t[int(NR * 0.5) + 1], t[int(NR * 0.95)], t[NR] }'
}

start cold
cold=$ELAPSED
rss_loaded=$(rss_mb)

rows=$(
  latency "organisation by slug, with relationships" '{ organisation(slug: "whkt") { name memberOf { edges { node { id } relationship { basis sources { title } } } } participations { totalCount } } }'
  latency "organisations by name (diacritics folded)" '{ organisations(name: "dusseldorf") { totalCount edges { node { name kind } } } }'
  latency "partners in a labour-market region, with ties" '{ partners(region: "amr-westfaelisches-ruhrgebiet", first: 20) { totalCount edges { node { name } ties { kind region { name } relationship { role sources { title } } } } } }'
  latency "partners in NRW, 50 with nested lists" '{ partners(region: "nrw", first: 50) { edges { node { name partOf(first: 5) { edges { node { id } } } participations(first: 5) { edges { node { id } relationship { role } } } sources(first: 3) { edges { node { title } } } } } } }'
  latency "collaborations in Düsseldorf" '{ collaborations(region: "duesseldorf", first: 20) { totalCount edges { node { organisationA { name } organisationB { name } weight links { kind through { id } sources { title } } } } } }'
  latency "collaborations in NRW, ranked" '{ collaborations(region: "nrw", first: 50) { totalCount edges { node { weight organisationA { name } organisationB { name } } } } }'
)
rss_after=$(rss_mb)
stop

start warm
warm=$ELAPSED
rss_warm=$(rss_mb)
stop

counts=$(grep -o 'ImportResult\[.*\]' "$DATA/cold.log" | head -1)
mkdir -p bench/results
cat > "$OUT" <<MD
# Benchmark $(date -u +%Y-%m-%dT%H:%MZ)

Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $("$JAVA" -version 2>&1 | head -1); command: \`bench/run.sh\` (REQUESTS=$REQUESTS).
Seed import: $counts

| start | launch to first answer (s) | RSS then (MB) |
| --- | --- | --- |
| fresh data directory (imports the seed) | $(printf '%.1f' "$cold") | $rss_loaded |
| existing data directory (no import) | $(printf '%.1f' "$warm") | $rss_warm |

RSS after the latency runs: $rss_after MB.

Latency of single requests, one after another, over HTTP on loopback (ms):

| query | requests | mean | p50 | p95 | max |
| --- | --- | --- | --- | --- | --- |
$rows
MD
cat "$OUT"
