# Sourced by the bench scripts: sets JAVA to a JDK of 21 or newer to run the jar (the build finds its
# own through the toolchains plugin; BENCH_JAVA, when set, is taken as it is), and defines wait_for_hub.
JAVA=${BENCH_JAVA:-}
if [ -z "$JAVA" ]; then
  for candidate in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/*/bin/java java; do
    if [ -x "$(command -v "$candidate" 2>/dev/null)" ] &&
       [ "$("$candidate" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')" -ge 21 ]; then
      JAVA=$candidate
      break
    fi
  done
fi
[ -n "$JAVA" ] || { echo "No Java 21+ found; set BENCH_JAVA" >&2; exit 1; }

# Waits until the hub on port $1 (process $2, log $3) answers with the seed's data, for at most 3
# minutes; if the process ends first, shows the end of its log and stops the script.
wait_for_hub() {
  for _ in $(seq 1 1800); do
    if curl -s --max-time 5 "http://127.0.0.1:$1/graphql" -H 'content-type: application/json' \
        -d '{"query":"{ organisations(first: 1) { totalCount } }"}' 2>/dev/null | grep -q '"totalCount":[1-9]'; then
      return 0
    fi
    kill -0 "$2" 2>/dev/null || { tail -20 "$3" >&2; exit 1; }
    sleep 0.1
  done
  echo "the hub on port $1 did not answer with data in time" >&2
  exit 1
}
