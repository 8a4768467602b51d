#!/usr/bin/env bash
# Benchmark of the hub on this machine: time from launch to the first answer, memory, and the
# latency of typical queries. Builds the jar, starts it on a fresh embedded database (and once more
# on the filled one), and writes the figures to bench/results/<date>.md. Then the start as the
# Dockerfile does it (lean memory options and the JDK's AOT cache from a training run) against the
# plain `java -jar`, in turns on the filled database, and the memory of each after 60 s of load.
#
#   bench/run.sh                 # 200 requests per query
#   REQUESTS=50 bench/run.sh     # quicker
#
# Only loopback is used: the hub listens on 127.0.0.1 ports given below. The limits per client are
# off (one loopback client sends far more than an anonymous client may).
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

start() { # label [java options...] -> sets PID and ELAPSED (seconds from launch to the first answer with seed data)
  local label=$1
  shift
  local started=$(date +%s.%N)
  "$JAVA" "$@" -jar "${START_JAR:-$JAR}" --server.port="$PORT" --management.server.port=0 --server.address=127.0.0.1 \
      --partnernetz.embedded.bolt-port="$BOLT_PORT" --partnernetz.embedded.data-directory="$DATA" \
      --partnernetz.measures.enabled=false --partnernetz.limits.enabled=false > "$DATA/$label.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 1200); do
    if graphql '{ partners(region: "nrw", first: 1) { totalCount } }' 2>/dev/null | grep -q '"totalCount":[1-9]'; then
      ELAPSED=$(awk -v now="$(date +%s.%N)" -v then="$started" 'BEGIN { print now - then }')
      return
    fi
    sleep 0.1
  done
  echo "the hub did not answer within 120 s; see $DATA/$label.log" >&2
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

revalidated() { # name query -> markdown row: the query by GET with its ETag (304), over one kept-alive connection
  local times=$DATA/times args=() url
  url=$(curl -s -G --data-urlencode "query=$2" -o /dev/null -w '%{url_effective}' "http://127.0.0.1:$PORT/graphql")
  local etag=$(curl -s -D - -o /dev/null "$url" | awk 'tolower($1) == "etag:" { print $2 }' | tr -d '\r')
  for _ in $(seq 1 "$REQUESTS"); do
    args+=(-o /dev/null -w '%{http_code} %{time_total}\n' "$url")
  done
  # One header for all the URLs (curl repeats a -H given per URL on every request).
  curl -s -H "If-None-Match: $etag" "${args[@]}" > "$times"
  awk '$1 != 304 { bad++ } END { if (bad) { print bad " answers were not 304" > "/dev/stderr"; exit 1 } }' "$times"
  awk '{ print $2 }' "$times" | sort -n | awk -v name="$1" '{ t[NR] = $1 * 1000; sum += $1 * 1000 }
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
  revalidated "cached GET revalidated (304), kept-alive connection" '{ organisation(slug: "whkt") { name memberOf { edges { node { id } } } } }'
)
rss_after=$(rss_mb)
stop

start warm
warm=$ELAPSED
rss_warm=$(rss_mb)
stop

# The start as the Dockerfile makes it, against the plain one, in turns on the filled database.
LEAN=${LEAN:-"-XX:+UseSerialGC -Xms64m -Xmx256m -Xss512k -XX:ReservedCodeCacheSize=64m"}
"$JAVA" -Djarmode=tools -jar "$JAR" extract --force --destination "$DATA/app" > /dev/null
JAVA_OPTIONS="$LEAN" src/main/scripts/aot-training.sh "$JAVA" "$DATA/app/partnernetz.jar" "$DATA/partnernetz.aot" > /dev/null

load_for() { # seconds -> mixed reads from 4 clients at once, each one request after another
  local until=$(( $(date +%s) + $1 )) clients=()
  for _ in 1 2 3 4; do
    ( while [ "$(date +%s)" -lt "$until" ]; do
        for query in '{ organisation(slug: \"whkt\") { name memberOf { edges { node { id } } } } }' \
                     '{ partners(region: \"amr-westfaelisches-ruhrgebiet\", first: 20) { totalCount edges { node { name } } } }' \
                     '{ collaborations(region: \"duesseldorf\", first: 20) { edges { node { weight organisationA { name } } } } }'; do
          curl -s -o /dev/null --max-time 30 "http://127.0.0.1:$PORT/graphql" -H 'content-type: application/json' \
               -d "{\"query\":\"$query\"}"
        done
      done ) &
    clients+=($!)
  done
  wait "${clients[@]}"
}

starts=""
for turn in 1 2; do
  for variant in plain lean-aot; do
    if [ "$variant" = plain ]; then
      START_JAR=$DATA/app/partnernetz.jar start "$variant-$turn"
    else
      # shellcheck disable=SC2086 # LEAN is a list of options
      START_JAR=$DATA/app/partnernetz.jar start "$variant-$turn" $LEAN -XX:AOTCache="$DATA/partnernetz.aot"
    fi
    elapsed=$ELAPSED
    idle=$(rss_mb)
    load_for 60
    starts+="| $variant | $turn | $(printf '%.1f' "$elapsed") | $idle | $(rss_mb) |"$'\n'
    stop
  done
done

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

The extracted jar on the filled database, in turns: plain \`java -jar\` against the Dockerfile's start
(\`$LEAN\` and \`-XX:AOTCache\` from \`src/main/scripts/aot-training.sh\`); RSS once it answers,
and after 60 s of reads from 4 clients:

| start | turn | launch to first answer (s) | RSS then (MB) | RSS after 60 s of load (MB) |
| --- | --- | --- | --- | --- |
$starts
Latency of single requests, one after another, over HTTP on loopback (ms; a new connection each,
except the 304 row):

| query | requests | mean | p50 | p95 | max |
| --- | --- | --- | --- | --- | --- |
$rows
MD
cat "$OUT"
