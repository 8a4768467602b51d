#!/usr/bin/env bash
# Scale benchmark: starts the hub on a fresh embedded database with the curated seed, writes a
# synthetic network of NRW's full size beside it (100k organisations, 1M relationships by default),
# derives the collaborations, then times the main queries over HTTP and profiles their Cypher.
# Writes bench/results/scale-<date>.md (other sizes: scale-<date>-<organisations>x<relationships>.md).
#
#   bench/scale.sh                    # full size; about 5 minutes on 2 cores
#   bench/scale.sh small              # 2,000 organisations, 20,000 relationships: a quick try
#   ORGANISATIONS=20000 RELATIONSHIPS=200000 bench/scale.sh
#
# Settings (environment): ORGANISATIONS, RELATIONSHIPS, WARM_SECONDS (of every query in turn before timing, 60),
# REPEATS (timed requests per query, 20),
# WARMUP (3), QUERY_TIMEOUT (seconds, 60), QUERY_BUDGET (seconds of timed requests per query, 150),
# PAGE_CACHE (2GB), HEAP (JVM -Xmx of the benchmark, 8g), SEED (42). Other -D arguments are passed on
# to Maven, e.g. -Dscale.name=caritas or -Dscale.keepData=true.
#
# Only loopback is used: the hub listens on 127.0.0.1 on free ports. The normal build (./mvnw verify)
# does not run this benchmark: it is the JUnit tag "scale", excluded unless the profile scale-bench is on.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = small ]; then
  ORGANISATIONS=${ORGANISATIONS:-2000}
  RELATIONSHIPS=${RELATIONSHIPS:-20000}
  shift
fi

exec ./mvnw -B -Pscale-bench test \
  -Dscale.organisations="${ORGANISATIONS:-100000}" \
  -Dscale.relationships="${RELATIONSHIPS:-1000000}" \
  -Dscale.repeats="${REPEATS:-20}" \
  -Dscale.warmup="${WARMUP:-3}" \
  -Dscale.warmSeconds="${WARM_SECONDS:-60}" \
  -Dscale.queryTimeoutSeconds="${QUERY_TIMEOUT:-60}" \
  -Dscale.queryBudgetSeconds="${QUERY_BUDGET:-150}" \
  -Dscale.pageCache="${PAGE_CACHE:-2GB}" \
  -Dscale.heap="${HEAP:-8g}" \
  -Dscale.seed="${SEED:-42}" \
  "$@"
