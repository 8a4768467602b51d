# Sourced by the bench scripts: sets JAVA to a JDK of 21 or newer to run the jar (the build finds its
# own through the toolchains plugin). BENCH_JAVA, when set, is taken as it is.
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
