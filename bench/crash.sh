#!/usr/bin/env bash
# Crash test of the embedded hub: streams acknowledged edits over HTTP, kills the hub with SIGKILL
# while edits are in flight, restarts it on the same data directory, and checks that every
# acknowledged edit is there and that the derived facts equal a full rebuild
# (--partnernetz.check-derived). Writes bench/results/crash-<date>.md (-2, -3 ... for more runs that day).
#
#   bench/crash.sh                  # kill after 30 to 80 acknowledged edits (random)
#   KILL_AFTER=50 bench/crash.sh    # after exactly 50
#
# Settings (environment): KILL_AFTER, WORKERS (concurrent clients, 4), MAX_EDITS (400), MAX_SECONDS
# (seconds of edits before the kill at the latest, 120), RANDOM_SEED, BENCH_JAVA.
# The edits: addRelationship (an organisation takes part in a project or event, PARTICIPATES_IN,
# stated, with a source) and updateOrganisation (a new note on one of four organisations every
# client edits, with the version read first, again on CONFLICT). The client is bench/crash-client.mjs
# (node 20). Only loopback is used: the hub listens on 127.0.0.1, on a free port. Exits 1 when an
# acknowledged edit is missing, an edit answered with an error happened all the same, or the
# derived facts differ from a full rebuild.
set -euo pipefail
cd "$(dirname "$0")/.."

KILL_AFTER=${KILL_AFTER:-$((30 + RANDOM % 51))}
WORKERS=${WORKERS:-4}
MAX_EDITS=${MAX_EDITS:-400}
MAX_SECONDS=${MAX_SECONDS:-120}
RANDOM_SEED=${RANDOM_SEED:-$RANDOM$RANDOM}

source bench/java.sh
command -v node > /dev/null || { echo "node (20 or newer) is needed for the client" >&2; exit 1; }

JAR=target/partnernetz.jar
if [ ! -f "$JAR" ] || [ -n "$(find src pom.xml schema.graphqls graph-seed -newer "$JAR" -type f -print -quit)" ]; then
  echo "building $JAR"
  ./mvnw -B -q -DskipTests package
fi

WORK=$(mktemp -d)
DATA=$WORK/data
LOG=$WORK/edits.jsonl
PID=
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
  fi
  if [ -n "${KEEP_WORK:-}" ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

PORT=$(node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
URL=http://127.0.0.1:$PORT/graphql
TOKEN=pn_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
export URL TOKEN LOG

now() { date +%s.%N; }
since() { awk -v now="$(now)" -v then="$1" 'BEGIN { printf "%.1f", now - then }'; }

start() { # label, extra arguments -> sets PID; waits until the hub answers GraphQL with data
  local label=$1
  shift
  PARTNERNETZ_ADMIN_TOKEN=$TOKEN "$JAVA" -jar "$JAR" --server.port="$PORT" --management.server.port=0 --server.address=127.0.0.1 \
    --partnernetz.embedded.bolt-port=0 --partnernetz.embedded.data-directory="$DATA" "$@" \
    > "$WORK/$label.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 1800); do
    if curl -s --max-time 5 "$URL" -H 'content-type: application/json' \
         -d '{"query":"{ partners(region: \"nrw\", first: 1) { totalCount } }"}' 2>/dev/null | grep -q '"totalCount":[1-9]'; then
      return
    fi
    kill -0 "$PID" 2>/dev/null || { echo "the hub ($label) stopped; see below" >&2; tail -40 "$WORK/$label.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "the hub ($label) did not answer within 180 s" >&2
  tail -40 "$WORK/$label.log" >&2
  exit 1
}

echo "kill after $KILL_AFTER acknowledged edits ($WORKERS clients, random seed $RANDOM_SEED), data in $DATA"
t0=$(now)
start first
first_start=$(since "$t0")
echo "hub up in ${first_start} s (pid $PID, port $PORT); streaming edits"

t1=$(now)
stream_out=$(HUB_PID=$PID KILL_AFTER=$KILL_AFTER WORKERS=$WORKERS MAX_EDITS=$MAX_EDITS MAX_SECONDS=$MAX_SECONDS \
  RANDOM_SEED=$RANDOM_SEED RUN="crash-$(date -u +%Y%m%dT%H%M%S)" node bench/crash-client.mjs stream)
wait "$PID" 2>/dev/null && status=0 || status=$?
PID=
stream_time=$(since "$t1")
echo "stream: $stream_out; the hub's exit status: $status (137: SIGKILL)"
[ "$status" = 137 ] || { echo "the hub was not killed by SIGKILL" >&2; exit 1; }

kill_line=$(grep '"event":"kill"' "$LOG")
in_flight=$(node -e 'const k = JSON.parse(process.argv[1]); console.log(k.inFlight.length)' "$kill_line")
kill_reason=$(node -e 'console.log(JSON.parse(process.argv[1]).reason)' "$kill_line")
count() { grep -c "\"event\":\"$1\"" "$LOG" || true; }
sent=$(count sent); acked=$(count ack); refused=$(count refused); failed=$(count failed)

# The restart: no seed import, so nothing rebuilds the derived facts before they are checked.
t2=$(now)
start restart --partnernetz.seed.mode=never
restart_time=$(since "$t2")
echo "restarted in ${restart_time} s; verifying"
t3=$(now)
verify_out=$(node bench/crash-client.mjs verify) && verify_status=0 || verify_status=$?
verify_time=$(since "$t3")
echo "verify: $verify_out"
kill "$PID"
wait "$PID" 2>/dev/null || true
PID=

t4=$(now)
check_status=0
"$JAVA" -jar "$JAR" --partnernetz.check-derived --partnernetz.seed.mode=never --spring.main.web-application-type=none \
  --partnernetz.embedded.bolt-port=0 --partnernetz.embedded.data-directory="$DATA" > "$WORK/check.log" 2>&1 \
  || check_status=$?
check_time=$(since "$t4")
check_report=$(sed -n '/^seed mode at this start/,/^$/p' "$WORK/check.log")
echo "$check_report"
[ -n "$check_report" ] || { tail -40 "$WORK/check.log" >&2; }

# What Neo4j says of the restart on the killed database, and what the edits answered with an error met.
recovery=$(grep -ho '\[neo4j/[0-9a-f]*\] Recovery in [^"]*' "$DATA/logs/debug.log" 2>/dev/null | head -1 || true)
[ -n "$recovery" ] && recovery="Neo4j's log of the restart: $recovery" || recovery="Neo4j's log names no recovery."
refusals=$(grep '"event":"refused"' "$LOG" | grep -o '"classification":"[A-Z_]*"' | cut -d'"' -f4 | sort | uniq -c \
  | awk '{ printf "%s%s %d", (NR > 1 ? ", " : ""), $2, $1 }' || true)
refusals=${refusals:-none}
internal=$(grep '"classification":"INTERNAL_ERROR"' "$LOG" | grep -o 'quote [0-9a-f-]*' | cut -d' ' -f2 | while read -r id; do
  # The stack trace logged with the correlation id: its exception, the innermost cause, a Neo4j error code.
  cause=$(awk -v id="[$id]" 'index($0, id) { on = 1; next } on && /^20[0-9][0-9]-/ { exit } on' "$WORK/first.log")
  top=$(grep -o '^[A-Za-z0-9_.$]*\(Exception\|Error\)' <<< "$cause" | head -1 || true)
  root=$(grep -o '^Caused by: [A-Za-z0-9_.$]*' <<< "$cause" | tail -1 | cut -d' ' -f3 || true)
  code=$(grep -o "Error code '[^']*'\|code: [A-Za-z.]*" <<< "$cause" | head -1 || true)
  echo "$top${root:+ caused by $root}${code:+ ($code)}"
done | sort | uniq -c | awk '{ n = $1; $1 = ""; printf "%s%d x%s", (NR > 1 ? "; " : ""), n, $0 }' || true)
field() { node -e 'const s = JSON.parse(process.argv[1]); console.log(JSON.stringify(s[process.argv[2]]))' "$verify_out" "$1"; }

mkdir -p bench/results
OUT=bench/results/crash-$(date -u +%Y-%m-%d).md
n=2
while [ -e "$OUT" ]; do OUT=bench/results/crash-$(date -u +%Y-%m-%d)-$n.md; n=$((n + 1)); done
verdict=pass
java_version=$("$JAVA" -version 2>&1 | head -1)
adds=$(field acknowledgedAdds); updates=$(field acknowledgedUpdates); found=$(field found)
missing_count=$(node -e 'console.log(JSON.parse(process.argv[1]).missing.length)' "$verify_out")
committed=$(field unansweredFoundCommitted); unanswered=$(field unansweredEdits)
refused_looked_up=$(field refusedLookedUp)
refused_committed=$(node -e 'console.log(JSON.parse(process.argv[1]).refusedFoundCommitted.length)' "$verify_out")
updated=$(node -e 'for (const o of JSON.parse(process.argv[1]).updatedOrganisations)
  console.log(`| ${o.key} | ${o.acknowledgedVersion} | ${o.version} | ${o.note} | ${o.ok ? "yes" : "NO"} |`)' "$verify_out")
missing=$(field missing)
derived_equal=$(grep -o 'equal a full rebuild: [a-z]*' <<< "$check_report" | awk '{ print $NF }' || true)
[ -n "$internal" ] && internal="Causes of the INTERNAL_ERROR answers in the hub's log: $internal." || true
[ "$verify_status" = 0 ] && [ "$check_status" = 0 ] || verdict=FAIL
cat > "$WORK/report.md" <<MD
# Crash test $(date -u +%Y-%m-%dT%H:%MZ): $verdict

Machine: $(nproc) cores; $java_version; command: \`bench/crash.sh\` (KILL_AFTER=$KILL_AFTER,
WORKERS=$WORKERS, RANDOM_SEED=$RANDOM_SEED). Embedded Neo4j on a new data directory, the curated seed
imported at the first start; the restart and the check with \`--partnernetz.seed.mode=never\`.

| | |
| --- | --- |
| edits sent (mutations, retries after CONFLICT included) | $sent |
| acknowledged (HTTP 200, data, no errors) | $acked |
| refused (answered with an error: $refusals) | $refused |
| in flight when SIGKILL was sent (after $kill_reason) | $in_flight |
| never answered (the connection broke) | $failed |
| acknowledged adds / updates | $adds / $updates |
| acknowledged edits found after the restart | $found |
| acknowledged edits missing | $missing_count |
| edits without an answer found committed anyway | $committed of $unanswered |
| edits answered with an error (not CONFLICT, not "exists already") found committed | $refused_committed of $refused_looked_up |
| derived facts equal a full rebuild | ${derived_equal:-no answer} (exit status $check_status) |

Timings: first start with the seed import ${first_start} s; edits until the kill ${stream_time} s; restart
on the killed database to the first answer ${restart_time} s; verification ${verify_time} s; the check
(start, fingerprints, full rebuild) ${check_time} s.

$recovery
$internal

The organisations every client updated, after the restart:

| organisation | newest acknowledged version | version | note | the newest acknowledged note, or a later one sent |
| --- | ---: | ---: | --- | --- |
$updated

Missing: \`$missing\`

The check (\`--partnernetz.check-derived\`):

\`\`\`
$check_report
\`\`\`
MD
mv "$WORK/report.md" "$OUT"
echo "written to $OUT"
cat "$OUT"
[ "$verdict" = pass ]
