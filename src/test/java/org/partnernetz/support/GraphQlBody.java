package org.partnernetz.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A GraphQL request with any body (a persisted query's {@code extensions}, or no {@code query} at
 * all) POSTed over real HTTP, keeping the response's status and headers, for tests of persisted
 * queries and limits.
 */
public final class GraphQlBody {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;

    public GraphQlBody(int port) {
        this.port = port;
    }

    /** What came back. */
    public record Response(int status, HttpHeaders headers, String text, JsonNode body) {

        /** The classification of the first error, or "" when there is none. */
        public String classification() {
            return body.at("/errors/0/extensions/classification").asString("");
        }

        /** {@code extensions.code} of the first error, or "". */
        public String code() {
            return body.at("/errors/0/extensions/code").asString("");
        }

        public String message() {
            return body.at("/errors/0/message").asString("");
        }

        public boolean ok() {
            return body.at("/errors").isMissingNode();
        }
    }

    /** The body as JSON, with a bearer credential (null: none) and other headers. */
    public Response post(String bearer, Map<String, Object> body, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(request::header);
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response post(String bearer, Map<String, Object> body) {
        return post(bearer, body, Map.of());
    }

    /** {@code {"query": ...}}. */
    public Response query(String bearer, String query) {
        return post(bearer, Map.of("query", query));
    }

    /** A persisted query: the hash in {@code extensions.persistedQuery}, with the text (null: the hash alone). */
    public Response persisted(String bearer, String hash, String query, Map<String, String> headers) {
        var body = new java.util.HashMap<String, Object>();
        body.put("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash)));
        if (query != null) {
            body.put("query", query);
        }
        return post(bearer, body, headers);
    }

    /** The SHA-256 of a text (UTF-8) in lower-case hex, as Apollo clients compute it. */
    public static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
