package org.partnernetz.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over real HTTP to the running hub, with or without a bearer credential, keeping the status
 * and the raw text (to check what a response must not contain). For tests of who may do what.
 */
public final class GraphQlHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;

    public GraphQlHttp(int port) {
        this.port = port;
    }

    /** What came back. */
    public record Response(int status, String text, JsonNode body, java.net.http.HttpHeaders headers) {

        /** A response header's first value, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }


        /** The classification of the first error, or "" when there is none. */
        public String classification() {
            return body.at("/errors/0/extensions/classification").asString("");
        }

        public boolean ok() {
            return body.at("/errors").isMissingNode();
        }
    }

    /** A token made over HTTP by an admin, as {@code createApiToken} returns it. */
    public record Token(String id, String secret) {
    }

    /**
     * Creates an API token with {@code adminSecret}: its name, role and, for a limited editor, its
     * organisations (none: no limit). Fails the test when the hub refuses.
     */
    public Token createToken(String adminSecret, String name, String role, String... organisations) {
        var variables = new java.util.HashMap<String, Object>(Map.of("name", name, "role", role));
        if (organisations.length > 0) {
            variables.put("organisations", java.util.List.of(organisations));
        }
        var response = post(adminSecret, """
                mutation($name: String!, $role: Role!, $organisations: [String!]) {
                  createApiToken(input: {name: $name, role: $role, organisations: $organisations}) { secret token { id } }
                }""", variables);
        var created = response.body().at("/data/createApiToken");
        if (!created.at("/secret").isString()) {
            throw new AssertionError("no token made: " + response.text());
        }
        return new Token(created.at("/token/id").asString(), created.at("/secret").asString());
    }

    public Response post(String bearer, String query, Map<String, Object> variables) {
        return send(bearer == null ? null : "Bearer " + bearer, query, variables);
    }

    /** With any {@code Authorization} header (null: none). */
    public Response send(String authorization, String query, Map<String, Object> variables) {
        return send(authorization, query, variables, Map.of());
    }

    /** With any {@code Authorization} header (null: none) and other headers. */
    public Response send(String authorization, String query, Map<String, Object> variables,
            Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("query", query, "variables", variables))));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), JSON.readTree(response.body()), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
