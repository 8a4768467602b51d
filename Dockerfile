# The partnernetz hub as a container. Without NEO4J_URI it runs its embedded Neo4j (data in
# /app/data, mount a volume there); docker-compose.yml runs it against a Neo4j server instead.

FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /build
# Dependencies first, so a change in the sources does not download them again.
COPY pom.xml ./
RUN --mount=type=cache,target=/root/.m2 mvn -B -q dependency:go-offline
COPY schema.graphqls ./
COPY graph-seed/ graph-seed/
COPY src/ src/
# The tests boot the hub with a database and a browser; they run in CI, not in the image build.
RUN --mount=type=cache,target=/root/.m2 mvn -B -q package -DskipTests

# The memory and GC options of the hub, shared by the training run and the hub itself (an AOT
# cache only serves a JVM started like the one that made it). README, "Start and memory".
FROM eclipse-temurin:25-jre AS runtime
ENV PARTNERNETZ_JAVA_OPTIONS="-XX:+UseSerialGC -Xms64m -Xmx256m -Xss512k -XX:ReservedCodeCacheSize=64m"

# A training run on the seed network makes the JDK's AOT cache: classes loaded and linked ahead,
# and the profiles of the methods typical requests run (src/main/scripts/aot-training.sh).
FROM runtime AS training
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY --from=build /build/target/partnernetz.jar /tmp/partnernetz.jar
COPY src/main/scripts/aot-training.sh /tmp/aot-training.sh
RUN java -Djarmode=tools -jar /tmp/partnernetz.jar extract --destination /app \
    && JAVA_OPTIONS="$PARTNERNETZ_JAVA_OPTIONS" /tmp/aot-training.sh java /app/partnernetz.jar /app/partnernetz.aot

FROM runtime
RUN groupadd --system partnernetz \
    && useradd --system --gid partnernetz --home-dir /app --no-create-home partnernetz \
    && mkdir -p /app/data \
    && chown partnernetz:partnernetz /app/data
WORKDIR /app
COPY --from=training /app/ /app/
USER partnernetz
ENV PARTNERNETZ_DATA=/app/data
EXPOSE 8080
ENTRYPOINT ["sh", "-c", "exec java $PARTNERNETZ_JAVA_OPTIONS -XX:AOTCache=/app/partnernetz.aot -jar /app/partnernetz.jar \"$@\"", "partnernetz"]
