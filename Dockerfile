# The partnernetz hub as a container. Without NEO4J_URI it runs its embedded Neo4j (data in
# /app/data, mount a volume there); docker-compose.yml runs it against a Neo4j server instead.

FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /build
# Dependencies first, so a change in the sources does not download them again.
COPY pom.xml ./
RUN --mount=type=cache,target=/root/.m2 mvn -B -q dependency:go-offline
COPY schema.graphqls ./
COPY graph-seed/ graph-seed/
COPY src/ src/
# The tests boot the hub with a database and a browser; they run in CI, not in the image build.
RUN --mount=type=cache,target=/root/.m2 mvn -B -q package -DskipTests

FROM eclipse-temurin:21-jre
RUN groupadd --system partnernetz \
    && useradd --system --gid partnernetz --home-dir /app --no-create-home partnernetz \
    && mkdir -p /app/data \
    && chown partnernetz:partnernetz /app/data
WORKDIR /app
COPY --from=build /build/target/partnernetz.jar app.jar
USER partnernetz
ENV PARTNERNETZ_DATA=/app/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
