package org.partnernetz.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docker-compose.yml} in line with the hub, since no test here can start it: the hub
 * service sets only variables the application reads, runs in external mode against the compose
 * Neo4j with that server's password, the server is the embedded Neo4j's version, and the published
 * port is the one the hub listens on.
 */
class DockerComposeConsistencyTests {

    private static final Pattern NEO4J_PLACEHOLDER = Pattern.compile("\\$\\{(NEO4J_[A-Z0-9_]+)");
    /** Compose interpolation: {@code ${NAME}}, {@code ${NAME:-default}} or {@code ${NAME-default}}. */
    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{[A-Za-z0-9_]+(?::?-([^}]*))?}");

    static JsonNode services;
    static String hubName;
    static JsonNode hub;
    static String neo4jName;
    static JsonNode neo4j;

    @BeforeAll
    static void readCompose() {
        services = new YAMLMapper().readTree(Path.of("docker-compose.yml").toFile()).path("services");
        hubName = serviceWhere(service -> service.has("build"));
        hub = services.path(hubName);
        neo4jName = serviceWhere(service -> service.path("image").asString("").startsWith("neo4j:"));
        neo4j = services.path(neo4jName);
    }

    @Test
    void hubSetsOnlyNeo4jVariablesTheApplicationReads() throws IOException {
        var read = Stream.concat(
                        NEO4J_PLACEHOLDER.matcher(applicationYaml()).results(),
                        NEO4J_PLACEHOLDER.matcher(EmbeddedNeo4jConfiguration.class
                                .getAnnotation(ConditionalOnExpression.class).value()).results())
                .map(match -> match.group(1))
                .collect(Collectors.toSet());
        assertThat(read).contains("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD");

        var set = environment(hub).keySet().stream().filter(name -> name.startsWith("NEO4J_")).toList();
        assertThat(set).as("NEO4J_* variables of the %s service", hubName).isNotEmpty();
        assertThat(read).as("NEO4J_* variables the application reads").containsAll(set);
    }

    @Test
    void hubRunsAgainstTheComposeNeo4j() {
        var uri = environment(hub).get("NEO4J_URI");
        assertThat(uri).as("NEO4J_URI (without it the hub starts its embedded Neo4j)").isNotBlank();
        var parsed = URI.create(uri);
        assertThat(parsed.getScheme()).isIn("bolt", "neo4j");
        assertThat(parsed.getHost()).isEqualTo(neo4jName);
        assertThat(parsed.getPort()).isIn(-1, 7687);
    }

    @Test
    void neo4jServerIsTheEmbeddedVersion() throws Exception {
        var image = neo4j.path("image").asString();
        var version = image.substring("neo4j:".length()).replaceFirst("-(community|enterprise)$", "");
        assertThat(version).as("version in %s", image).isEqualTo(embeddedNeo4jVersion());
    }

    @Test
    void hubLogsInAsTheServersUser() {
        var auth = environment(neo4j).get("NEO4J_AUTH");
        assertThat(auth).as("NEO4J_AUTH of the %s service", neo4jName).contains("/");
        var env = environment(hub);
        assertThat(env.get("NEO4J_USERNAME")).isEqualTo(auth.substring(0, auth.indexOf('/')));
        assertThat(env.get("NEO4J_PASSWORD")).isEqualTo(auth.substring(auth.indexOf('/') + 1)).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void hubWaitsForAHealthyNeo4j() {
        assertThat(neo4j.path("healthcheck").path("test").isMissingNode()).as("healthcheck of %s", neo4jName).isFalse();
        assertThat(hub.path("depends_on").path(neo4jName).path("condition").asString(""))
                .isEqualTo("service_healthy");
    }

    @Test
    void hubPublishesItsServerPort() throws IOException {
        var serverPort = environment(hub).getOrDefault("SERVER_PORT",
                new YAMLMapper().readTree(applicationYaml()).path("server").path("port").asString("8080"));
        var published = hub.path("ports").values().stream()
                .map(port -> port.isObject() ? port.path("target").asString() : containerPort(port.asString()))
                .toList();
        assertThat(published).containsExactly(serverPort);
        assertThat(Files.readAllLines(Path.of("Dockerfile")))
                .contains("EXPOSE " + serverPort);
    }

    private static String serviceWhere(Predicate<JsonNode> test) {
        var names = services.propertyNames().stream().filter(name -> test.test(services.path(name))).toList();
        assertThat(names).as("services in docker-compose.yml").hasSize(1);
        return names.getFirst();
    }

    /** A service's environment as compose would set it when no variable is given in the shell or .env. */
    private static Map<String, String> environment(JsonNode service) {
        var env = new LinkedHashMap<String, String>();
        var node = service.path("environment");
        if (node.isArray()) {
            node.values().forEach(entry -> {
                var text = entry.asString();
                var equals = text.indexOf('=');
                env.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? "" : text.substring(equals + 1));
            });
        } else {
            node.properties().forEach(entry -> env.put(entry.getKey(), entry.getValue().asString("")));
        }
        env.replaceAll((name, value) -> COMPOSE_VARIABLE.matcher(value)
                .replaceAll(match -> match.group(1) == null ? "" : match.group(1)));
        return env;
    }

    /** "8080", "8080:8080", "127.0.0.1:8080:8080/tcp" → the port inside the container. */
    private static String containerPort(String mapping) {
        var container = mapping.substring(mapping.lastIndexOf(':') + 1);
        return container.replaceFirst("/(tcp|udp)$", "");
    }

    private static String applicationYaml() throws IOException {
        try (InputStream in = DockerComposeConsistencyTests.class.getResourceAsStream("/application.yml")) {
            assertThat(in).as("application.yml on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String embeddedNeo4jVersion() throws Exception {
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        var version = pom.getElementsByTagName("neo4j-embedded.version");
        assertThat(version.getLength()).as("neo4j-embedded.version in pom.xml").isEqualTo(1);
        return version.item(0).getTextContent().trim();
    }
}
