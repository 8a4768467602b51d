package org.partnernetz.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL subscriptions over a real WebSocket to the running hub, speaking graphql-transport-ws as a
 * browser client would: {@code connection_init}, wait for {@code connection_ack}, then
 * {@code subscribe} messages, each with an id of its own. What arrives is queued per id, so a test
 * can wait for the next message of one subscription; the hub closing the connection shows in every
 * queue as a message of type {@code closed} with its code.
 */
public final class GraphQlSocket implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebSocket socket;
    private final Map<String, BlockingQueue<JsonNode>> byId = new ConcurrentHashMap<>();
    private final BlockingQueue<JsonNode> control = new LinkedBlockingQueue<>();

    private GraphQlSocket(int port, Map<String, String> headers) {
        var builder = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/graphql"), new Listener()).join();
    }

    /** A connection the hub has acknowledged; fails the test otherwise. */
    public static GraphQlSocket open(int port, Map<String, String> headers) throws InterruptedException {
        var connection = new GraphQlSocket(port, headers);
        connection.send(Map.of("type", "connection_init", "payload", Map.of()));
        var ack = connection.control.poll(5, TimeUnit.SECONDS);
        if (ack == null || !"connection_ack".equals(ack.at("/type").asString())) {
            connection.close();
            throw new AssertionError("no connection_ack: " + ack);
        }
        return connection;
    }

    /** Starts a subscription under {@code id}. */
    public void subscribe(String id, String query, Map<String, Object> variables) {
        subscribe(id, query, null, variables);
    }

    /** Starts the subscription {@code operationName} of a document under {@code id}. */
    public void subscribe(String id, String document, String operationName, Map<String, Object> variables) {
        byId.computeIfAbsent(id, key -> new LinkedBlockingQueue<>());
        var payload = new java.util.HashMap<String, Object>(Map.of("query", document, "variables", variables));
        if (operationName != null) {
            payload.put("operationName", operationName);
        }
        send(Map.of("id", id, "type", "subscribe", "payload", payload));
    }

    /** The next message of subscription {@code id} ({@code next}, {@code error} or {@code complete}), or null. */
    public JsonNode next(String id, Duration wait) throws InterruptedException {
        return byId.computeIfAbsent(id, key -> new LinkedBlockingQueue<>()).poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends subscription {@code id}. */
    public void complete(String id) {
        send(Map.of("id", id, "type", "complete"));
    }

    private void send(Map<String, Object> message) {
        socket.sendText(JSON.writeValueAsString(message), true).join();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(error -> null).join();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                var message = JSON.readTree(partial.toString());
                partial.setLength(0);
                var id = message.at("/id");
                if (id.isString()) {
                    byId.computeIfAbsent(id.asString(), key -> new LinkedBlockingQueue<>()).add(message);
                } else if ("ping".equals(message.at("/type").asString())) {
                    webSocket.sendText("{\"type\":\"pong\"}", true);
                } else {
                    control.add(message);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            // Whoever waits hears that the hub closed the connection, and why, instead of nothing.
            var closed = JSON.valueToTree(Map.of("type", "closed", "code", statusCode, "reason", reason));
            byId.values().forEach(queue -> queue.add((JsonNode) closed));
            control.add((JsonNode) closed);
            return null;
        }
    }
}
