package org.partnernetz.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnernetz.account.ApiTokens;
import org.partnernetz.support.FullStackTest;
import org.partnernetz.support.GraphQlHttp;
import org.partnernetz.support.GraphQlSocket;
import org.partnernetz.support.HubProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Webhooks and subscriptions with more than one hub process: two instances on one database announce
 * an item published for later exactly once, at its time, to the webhook and to a subscriber of each
 * instance (the item published through the other one); a hub killed with {@code kill -9} while a delivery
 * is on its way makes the delivery after it is started again, and publishes (and announces, once)
 * an item whose time came while it was down.
 */
@FullStackTest
class WebhookInstancesTests {

    private static final List<String> QUICK_WEBHOOKS = List.of("--partnernetz.webhooks.allow-loopback=true",
            "--partnernetz.webhooks.poll-interval=200ms", "--partnernetz.webhooks.lease=2s",
            "--partnernetz.webhooks.timeout=20s", "--partnernetz.webhooks.backoff=200ms",
            "--partnernetz.embedded.bolt-port=0", "--partnernetz.embedded.page-cache=32MB");

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Neo4jConnectionDetails neo4j;

    HttpServer receiver;
    final BlockingQueue<String> deliveries = new LinkedBlockingQueue<>();
    volatile long hangMillis;

    @BeforeEach
    void receiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            deliveries.add(exchange.getRequestHeaders().getFirst("Partnernetz-Delivery"));
            if (hangMillis > 0) {
                try {
                    Thread.sleep(hangMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void twoInstancesAnnounceAnItemPublishedForLaterOnceAtItsTime() throws InterruptedException {
        var here = new GraphQlHttp(port);
        var admin = tokens.createFirstAdmin("instances admin").secret();
        var editor = here.createToken(admin, "instances editor", "EDITOR").secret();
        var partner = here.createToken(admin, "instances partner", "PARTNER").secret();
        var arguments = new ArrayList<>(QUICK_WEBHOOKS);
        arguments.add("--NEO4J_URI=" + neo4j.getUri());
        try (var second = HubProcess.start("second-instance", arguments);
                var hereLive = GraphQlSocket.open(port, Map.of());
                var thereLive = GraphQlSocket.open(second.port(), Map.of())) {
            var there = new GraphQlHttp(second.port());
            var tag = "instances-" + System.nanoTime();
            var subscription = "subscription($tag: String) { contentPublished(tag: $tag) { event content { id } } }";
            hereLive.subscribe("here", subscription, Map.of("tag", tag));
            thereLive.subscribe("there", subscription, Map.of("tag", tag));
            var webhook = register(here, partner, tag);
            var item = create(there, editor, tag);
            var at = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(3);
            var published = there.post(editor, """
                    mutation($input: PublishContentInput!) { publishContent(input: $input) { content { publishAt } } }""",
                    Map.of("input", Map.of("content", item, "version", 1, "publishAt", at.toString())));
            assertThat(published.ok()).as(published.text()).isTrue();
            assertThat(visible(here, item)).as("before its time").isFalse();
            // The first delivery comes at its time, not before (the wait is not a fixed one, so a slow request cannot fool it).
            var first = deliveries.poll(10, TimeUnit.SECONDS);
            assertThat(first).as("the announcement").isNotNull();
            assertThat(OffsetDateTime.now(ZoneOffset.UTC)).as("when it came").isAfterOrEqualTo(at);
            assertThat(deliveries.poll(3, TimeUnit.SECONDS)).as("a second announcement, by the other instance").isNull();
            for (var live : Map.of("here", hereLive, "there", thereLive).entrySet()) {
                var message = live.getValue().next(live.getKey(), java.time.Duration.ofSeconds(1));
                assertThat(message).as("the subscriber " + live.getKey()).isNotNull();
                assertThat(message.at("/payload/data/contentPublished/content/id").asString()).isEqualTo(item);
                assertThat(live.getValue().next(live.getKey(), java.time.Duration.ofMillis(300)))
                        .as("a second message " + live.getKey()).isNull();
            }
            assertThat(visible(here, item)).isTrue();
            assertThat(visible(there, item)).isTrue();
            var log = here.post(partner, "query($w: ID!) { webhookDeliveries(webhook: $w) { totalCount edges { node { status attempts } } } }",
                    Map.of("w", webhook)).body().at("/data/webhookDeliveries");
            assertThat(log.at("/totalCount").asInt()).isEqualTo(1);
            assertThat(log.at("/edges/0/node/status").asString()).isEqualTo("DELIVERED");
            assertThat(log.at("/edges/0/node/attempts").asInt()).isEqualTo(1);
            here.post(partner, "mutation($id: ID!) { deleteWebhook(id: $id) { webhook { id } } }", Map.of("id", webhook));
        }
    }

    @Test
    void aHubKilledWhileADeliveryIsOnItsWayMakesItAfterItIsStartedAgainAndPublishesWhatFellDueMeanwhile()
            throws Exception {
        var data = Files.createTempDirectory("partnernetz-crash");
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        var admin = "pn_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var arguments = new ArrayList<>(QUICK_WEBHOOKS);
        arguments.add("--partnernetz.embedded.data-directory=" + data);
        arguments.add("--partnernetz.security.admin-token=" + admin);
        String delivery;
        String later;
        OffsetDateTime laterAt;
        hangMillis = 60_000;
        try (var hub = HubProcess.start("before-the-kill", arguments)) {
            var http = new GraphQlHttp(hub.port());
            var tag = "crash-" + System.nanoTime();
            register(http, admin, tag);
            var item = create(http, admin, tag);
            var published = http.post(admin, """
                    mutation($input: PublishContentInput!) { publishContent(input: $input) { content { status } } }""",
                    Map.of("input", Map.of("content", item, "version", 1)));
            assertThat(published.ok()).as(published.text()).isTrue();
            delivery = deliveries.poll(10, TimeUnit.SECONDS);
            assertThat(delivery).as("the attempt that the kill interrupts").isNotNull();
            // Scheduled for a time that passes while the hub is down.
            later = create(http, admin, tag);
            laterAt = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(4);
            var scheduled = http.post(admin, """
                    mutation($input: PublishContentInput!) { publishContent(input: $input) { content { status } } }""",
                    Map.of("input", Map.of("content", later, "version", 1, "publishAt", laterAt.toString())));
            assertThat(scheduled.ok()).as(scheduled.text()).isTrue();
            assertThat(visible(http, later)).as("before its time").isFalse();
            hub.kill();
        }
        assertThat(OffsetDateTime.now(ZoneOffset.UTC)).as("the hub is down when the time comes").isBefore(laterAt);
        hangMillis = 0;
        try (var again = HubProcess.start("after-the-kill", arguments)) {
            String made = null;
            for (int i = 0; i < 5 && !delivery.equals(made); i++) {
                made = deliveries.poll(15, TimeUnit.SECONDS);
            }
            assertThat(made).as("the same delivery, made after the restart").isEqualTo(delivery);
            var http = new GraphQlHttp(again.port());
            var state = http.post(admin, "{ webhooks { id } }", Map.of()).body().at("/data/webhooks/0/id").asString();
            var query = "query($w: ID!) { webhookDeliveries(webhook: $w) { totalCount edges { node { id subject status attempts } } } }";
            var log = http.post(admin, query, Map.of("w", state)).body().at("/data/webhookDeliveries");
            for (int i = 0; i < 40 && log.toString().contains("\"PENDING\""); i++) {
                Thread.sleep(250);
                log = http.post(admin, query, Map.of("w", state)).body().at("/data/webhookDeliveries");
            }
            // Newest first: the item whose time came while the hub was down, then the interrupted delivery.
            assertThat(log.at("/totalCount").asInt()).as(log.toString()).isEqualTo(2);
            var interrupted = log.at("/edges/1/node");
            assertThat(interrupted.at("/id").asString()).isEqualTo(delivery);
            assertThat(interrupted.at("/status").asString()).isEqualTo("DELIVERED");
            var scheduled = log.at("/edges/0/node");
            assertThat(scheduled.at("/subject").asString()).isEqualTo(later);
            assertThat(scheduled.at("/status").asString()).isEqualTo("DELIVERED");
            assertThat(scheduled.at("/attempts").asInt()).as("announced once").isEqualTo(1);
            assertThat(visible(http, later)).as("the item scheduled for while the hub was down").isTrue();
        }
    }

    private String register(GraphQlHttp http, String bearer, String tag) {
        var created = http.post(bearer, """
                mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id } } }""",
                Map.of("input", Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                        "events", List.of("CONTENT_PUBLISHED"), "tags", List.of(tag))));
        assertThat(created.ok()).as(created.text()).isTrue();
        return created.body().at("/data/createWebhook/webhook/id").asString();
    }

    private static String create(GraphQlHttp http, String editor, String tag) {
        var created = http.post(editor, """
                mutation($input: CreateContentInput!) { createContent(input: $input) { content { id } } }""",
                Map.of("input", Map.of("type", "ARTICLE", "title", Map.of("de", "Termin " + tag + " " + System.nanoTime()),
                        "tags", List.of(tag))));
        assertThat(created.ok()).as(created.text()).isTrue();
        return created.body().at("/data/createContent/content/id").asString();
    }

    private static boolean visible(GraphQlHttp http, String item) {
        var read = http.post(null, "query($id: ID) { content(id: $id) { id } }", Map.of("id", item));
        assertThat(read.ok()).as(read.text()).isTrue();
        return !read.body().at("/data/content").isNull();
    }
}
