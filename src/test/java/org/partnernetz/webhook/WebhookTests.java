package org.partnernetz.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnernetz.account.ApiTokens;
import org.partnernetz.support.FullStackTest;
import org.partnernetz.support.GraphQlHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end: a real HTTP receiver on loopback, the real hub publishing content. A delivery
 * arrives signed and within a second; an endpoint answering 500 is tried again after growing waits
 * and paused after failing four times in a row (the tests' setting); one that hangs does not slow
 * publishing; filters choose the endpoints; private addresses are refused.
 */
@FullStackTest
class WebhookTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CREATE_WEBHOOK = """
            mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id paused } } }""";
    private static final String CREATE_CONTENT = """
            mutation($input: CreateContentInput!) { createContent(input: $input) { content { id version } } }""";
    private static final String PUBLISH = """
            mutation($input: PublishContentInput!) { publishContent(input: $input) { content { id version } } }""";
    private static final String DELIVERIES = """
            query($webhook: ID!) { webhookDeliveries(webhook: $webhook) { totalCount edges { node {
              id event subject status attempts lastStatus log { number at status latencyMs error } } } } }""";

    /** One request the receiver got. */
    record Received(long at, String signature, String event, String delivery, String body) {
    }

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Neo4jClient neo4j;

    GraphQlHttp http;
    String editor;
    String partner;
    HttpServer receiver;
    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    volatile IntSupplier answer = () -> 204;
    volatile long hangMillis;
    final List<String> registered = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        http = new GraphQlHttp(port);
        var admin = tokens.createFirstAdmin("webhook admin").secret();
        editor = http.createToken(admin, "webhook editor", "EDITOR").secret();
        partner = http.createToken(admin, "webhook partner", "PARTNER").secret();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(System.nanoTime(), exchange.getRequestHeaders().getFirst("Partnernetz-Signature"),
                    exchange.getRequestHeaders().getFirst("Partnernetz-Event"),
                    exchange.getRequestHeaders().getFirst("Partnernetz-Delivery"), body));
            if (hangMillis > 0) {
                try {
                    Thread.sleep(hangMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(answer.getAsInt(), -1);
            exchange.close();
        });
        receiver.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        receiver.start();
    }

    @AfterEach
    void stop() {
        for (var id : registered) {
            http.post(partner, "mutation($id: ID!) { deleteWebhook(id: $id) { webhook { id } } }", Map.of("id", id));
        }
        receiver.stop(0);
    }

    @Test
    void aPublishedItemReachesTheEndpointSignedWithinASecond() throws InterruptedException {
        // One delivery first, so that the timed one is not the JVM's first HTTP request (whose client
        // classes load then): a hub in service has sent before.
        var warm = "warm-" + System.nanoTime();
        register(Map.of("events", List.of("CONTENT_PUBLISHED"), "tags", List.of(warm)));
        publish(createContent(warm, "nrw"));
        assertThat(received.poll(10, TimeUnit.SECONDS)).as("the warm-up delivery").isNotNull();
        var tag = "hook-" + System.nanoTime();
        var webhook = register(Map.of("events", List.of("CONTENT_PUBLISHED"), "tags", List.of(tag)));
        var item = createContent(tag, "duesseldorf");
        long published = System.nanoTime();
        publish(item);
        var got = received.poll(5, TimeUnit.SECONDS);
        assertThat(got).as("a delivery").isNotNull();
        assertThat(Duration.ofNanos(got.at() - published)).as("from the publish's answer to the delivery")
                .isLessThan(Duration.ofSeconds(1));
        assertThat(got.event()).isEqualTo("CONTENT_PUBLISHED");
        var body = JSON.readTree(got.body());
        assertThat(body.at("/event").asString()).isEqualTo("CONTENT_PUBLISHED");
        assertThat(body.at("/data/id").asString()).isEqualTo(item);
        assertThat(body.at("/data/tags/0").asString()).isEqualTo(tag);

        // The signature: t=<seconds>,v1=HMAC-SHA256(secret, t + "." + body), computed here independently.
        var parts = Map.of(got.signature().split(",")[0].split("=")[0], got.signature().split(",")[0].split("=")[1],
                got.signature().split(",")[1].split("=")[0], got.signature().split(",")[1].split("=")[1]);
        long t = Long.parseLong(parts.get("t"));
        assertThat(Math.abs(System.currentTimeMillis() / 1000 - t)).isLessThan(300);
        assertThat(parts.get("v1")).isEqualTo(hmac(webhook.secret(), t + "." + got.body()));
        assertThat(parts.get("v1")).isNotEqualTo(hmac(webhook.secret() + "x", t + "." + got.body()));

        // The receiver has it before the hub has read the answer and recorded the attempt.
        waitFor(() -> deliveries(webhook.id()).at("/edges/0/node/status").asString().equals("DELIVERED"));
        var log = deliveries(webhook.id());
        assertThat(log.at("/totalCount").asInt()).isEqualTo(1);
        assertThat(log.at("/edges/0/node/status").asString()).isEqualTo("DELIVERED");
        assertThat(log.at("/edges/0/node/id").asString()).isEqualTo(got.delivery());
        assertThat(log.at("/edges/0/node/log/0/status").asInt()).isEqualTo(204);

        // Taken down and published again: a publication once more, not an update.
        var down = http.post(editor, "mutation($input: ContentTransitionInput!) { unpublishContent(input: $input) { content { version } } }",
                Map.of("input", Map.of("content", item, "version", 2)));
        assertThat(down.ok()).as(down.text()).isTrue();
        var again = http.post(editor, PUBLISH, Map.of("input", Map.of("content", item, "version", 3)));
        assertThat(again.ok()).as(again.text()).isTrue();
        var republished = received.poll(5, TimeUnit.SECONDS);
        assertThat(republished).as("the second publication").isNotNull();
        assertThat(republished.event()).isEqualTo("CONTENT_PUBLISHED");
    }

    @Test
    void anEndpointAnswering500IsTriedAgainAfterGrowingWaitsThenPausedAndResumed() throws InterruptedException {
        var tag = "failing-" + System.nanoTime();
        answer = () -> 500;
        var webhook = register(Map.of("events", List.of("CONTENT_PUBLISHED"), "tags", List.of(tag)));
        publish(createContent(tag, "duesseldorf"));
        var times = new ArrayList<Long>();
        for (int i = 0; i < 4; i++) {
            var got = received.poll(10, TimeUnit.SECONDS);
            assertThat(got).as("attempt " + (i + 1)).isNotNull();
            times.add(got.at());
        }
        // Waits of 150 ms, then 300, then 600 (each with up to 20 % jitter, and the poll after it).
        for (int i = 1; i < times.size(); i++) {
            var wait = Duration.ofNanos(times.get(i) - times.get(i - 1)).toMillis();
            assertThat(wait).as("wait before attempt " + (i + 1)).isGreaterThanOrEqualTo((long) (0.8 * 150 * (1L << (i - 1))));
        }
        // Paused after four failures in a row: no fifth attempt.
        assertThat(received.poll(2, TimeUnit.SECONDS)).as("an attempt after the pause").isNull();
        var endpoint = http.post(partner, "{ webhooks { id paused consecutiveFailures } }", Map.of()).body().at("/data/webhooks");
        var mine = find(endpoint, webhook.id());
        assertThat(mine.at("/paused").asBoolean()).isTrue();
        assertThat(mine.at("/consecutiveFailures").asInt()).isEqualTo(4);
        var log = deliveries(webhook.id()).at("/edges/0/node");
        assertThat(log.at("/status").asString()).isEqualTo("PENDING");
        assertThat(log.at("/attempts").asInt()).isEqualTo(4);
        assertThat(log.at("/log/0/status").asInt()).isEqualTo(500);

        answer = () -> 200;
        var resumed = http.post(partner, "mutation($id: ID!) { resumeWebhook(id: $id) { webhook { paused } } }",
                Map.of("id", webhook.id()));
        assertThat(resumed.body().at("/data/resumeWebhook/webhook/paused").asBoolean()).isFalse();
        assertThat(received.poll(10, TimeUnit.SECONDS)).as("the waiting delivery after resuming").isNotNull();
        waitFor(() -> deliveries(webhook.id()).at("/edges/0/node/status").asString().equals("DELIVERED"));

        // Replayed: sent once more.
        var replayed = http.post(partner, "mutation($id: ID!) { replayWebhookDelivery(id: $id) { delivery { status attempts } } }",
                Map.of("id", log.at("/id").asString()));
        assertThat(replayed.body().at("/data/replayWebhookDelivery/delivery/status").asString()).isEqualTo("PENDING");
        assertThat(received.poll(5, TimeUnit.SECONDS)).as("the replay").isNotNull();
    }

    @Test
    void anEndpointThatHangsDoesNotSlowPublishing() throws InterruptedException {
        var tag = "slow-" + System.nanoTime();
        var without = publishTimes("none-" + tag, 5);
        hangMillis = 8_000;
        register(Map.of("events", List.of("CONTENT_PUBLISHED"), "tags", List.of(tag)));
        var with = publishTimes(tag, 5);
        assertThat(received.poll(5, TimeUnit.SECONDS)).as("the endpoint was called").isNotNull();
        // Attempts time out after 2 s and the endpoint hangs for 8: a publish that waited would take seconds.
        assertThat(with.stream().mapToLong(Long::longValue).max().orElseThrow())
                .as("slowest publish with a hanging endpoint (ms); without one: %s", without).isLessThan(1_500);
        assertThat(median(with)).as("median publish with a hanging endpoint against without (ms): %s vs %s", with, without)
                .isLessThan(3 * median(without) + 50);
        hangMillis = 0;
    }

    @Test
    void filtersChooseTheEndpointsAndPrivateAddressesAreRefused() throws InterruptedException {
        var tag = "filter-" + System.nanoTime();
        var nrw = register(Map.of("events", List.of("CONTENT_PUBLISHED"), "tags", List.of(tag), "regions", List.of("nrw")));
        var olpe = register(Map.of("events", List.of("CONTENT_PUBLISHED"), "tags", List.of(tag), "regions", List.of("kreis-olpe")));
        var pages = register(Map.of("events", List.of("CONTENT_PUBLISHED"), "tags", List.of(tag), "types", List.of("PAGE")));
        publish(createContent(tag, "duesseldorf"));
        assertThat(received.poll(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(received.poll(1, TimeUnit.SECONDS)).as("a second delivery").isNull();
        assertThat(deliveries(nrw.id()).at("/totalCount").asInt()).as("NRW holds Düsseldorf").isEqualTo(1);
        assertThat(deliveries(olpe.id()).at("/totalCount").asInt()).isZero();
        assertThat(deliveries(pages.id()).at("/totalCount").asInt()).isZero();

        for (var url : List.of("http://10.1.2.3/hook", "http://169.254.169.254/latest", "http://192.168.0.10:8080/",
                "ftp://example.org/hook")) {
            var refused = http.post(partner, CREATE_WEBHOOK, Map.of("input", Map.of("url", url,
                    "events", List.of("CONTENT_PUBLISHED"))));
            assertThat(refused.classification()).as(url).isEqualTo("BAD_REQUEST");
        }
        var anonymous = http.post(null, CREATE_WEBHOOK, Map.of("input", Map.of("url", "http://127.0.0.1:1/hook",
                "events", List.of("CONTENT_PUBLISHED"))));
        assertThat(anonymous.classification()).isEqualTo("UNAUTHORIZED");

        // A publish refused (a stale version) queues nothing.
        var stale = http.post(editor, PUBLISH, Map.of("input", Map.of("content", createContent(tag, "nrw"), "version", 7)));
        assertThat(stale.classification()).isEqualTo("CONFLICT");
        assertThat(received.poll(1, TimeUnit.SECONDS)).isNull();
        assertThat(deliveries(nrw.id()).at("/totalCount").asInt()).isEqualTo(1);
    }

    @Test
    void anEntryChangedReachesTheEndpointsOfItsTypeAndRegionSigned() throws InterruptedException {
        var kleve = register(Map.of("events", List.of("ENTITY_CHANGED"), "entityTypes", List.of("ORGANISATION"),
                "regions", List.of("rb-duesseldorf")));
        var projects = register(Map.of("events", List.of("ENTITY_CHANGED"), "entityTypes", List.of("PROJECT")));
        var created = http.post(editor, """
                mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } } }""",
                Map.of("input", Map.of("name", "Webhook-Beratung " + System.nanoTime(), "kind", "NONPROFIT",
                        "sources", List.of("src-whkt-2019-06-26-ehrenamt-bewegt"))));
        assertThat(created.ok()).as(created.text()).isTrue();
        var id = created.body().at("/data/createOrganisation/organisation/id").asString();
        // Created in no region yet: the region's endpoint hears nothing.
        assertThat(received.poll(1, TimeUnit.SECONDS)).as("a delivery of an entry outside the region").isNull();

        var located = http.post(editor, """
                mutation($input: AddRelationshipInput!) { addRelationship(input: $input) { id } }""",
                Map.of("input", Map.of("type", "LOCATED_IN", "from", id, "to", "kreis-kleve", "basis", "STATED",
                        "sources", List.of("src-whkt-2019-06-26-ehrenamt-bewegt"))));
        assertThat(located.ok()).as(located.text()).isTrue();
        var tie = received.poll(5, TimeUnit.SECONDS);
        assertThat(tie).as("the organisation's new relationship").isNotNull();
        assertThat(tie.event()).isEqualTo("ENTITY_CHANGED");
        var body = JSON.readTree(tie.body());
        assertThat(body.at("/data/id").asString()).isEqualTo(id);
        assertThat(body.at("/data/change").asString()).isEqualTo("RELATIONSHIPS");
        assertThat(body.at("/data/relationship").asString())
                .isEqualTo(located.body().at("/data/addRelationship/id").asString());
        var t = tie.signature().split(",")[0].substring(2);
        assertThat(tie.signature()).endsWith("v1=" + hmac(kleve.secret(), t + "." + tie.body()));

        var changed = http.post(editor, """
                mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { organisation { version } } }""",
                Map.of("input", Map.of("organisation", id, "version", 1, "shortName", "WB")));
        assertThat(changed.ok()).as(changed.text()).isTrue();
        var update = received.poll(5, TimeUnit.SECONDS);
        assertThat(update).as("the update, now that it lies in the region").isNotNull();
        assertThat(JSON.readTree(update.body()).at("/data/change").asString()).isEqualTo("UPDATED");
        assertThat(JSON.readTree(update.body()).at("/data/fields").toString()).isEqualTo("[\"shortName\"]");
        // Kreis Kleve's own change (a region) and the projects' endpoint: nothing for them.
        assertThat(received.poll(1, TimeUnit.SECONDS)).as("a delivery to an endpoint of other types").isNull();
        assertThat(deliveries(projects.id()).at("/totalCount").asInt()).isZero();
        assertThat(deliveries(kleve.id()).at("/totalCount").asInt()).isEqualTo(2);
    }

    // ------------------------------------------------------------------ helpers

    record Registered(String id, String secret) {
    }

    private Registered register(Map<String, Object> filters) {
        var input = new java.util.HashMap<String, Object>(filters);
        input.put("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        var created = http.post(partner, CREATE_WEBHOOK, Map.of("input", input));
        assertThat(created.ok()).as(created.text()).isTrue();
        var id = created.body().at("/data/createWebhook/webhook/id").asString();
        registered.add(id);
        return new Registered(id, created.body().at("/data/createWebhook/secret").asString());
    }

    private String createContent(String tag, String region) {
        var created = http.post(editor, CREATE_CONTENT, Map.of("input", Map.of("type", "ARTICLE",
                "title", Map.of("de", "Meldung " + tag + " " + System.nanoTime()), "tags", List.of(tag),
                "regions", List.of(region))));
        assertThat(created.ok()).as(created.text()).isTrue();
        return created.body().at("/data/createContent/content/id").asString();
    }

    private void publish(String item) {
        var published = http.post(editor, PUBLISH, Map.of("input", Map.of("content", item, "version", 1)));
        assertThat(published.ok()).as(published.text()).isTrue();
    }

    private List<Long> publishTimes(String tag, int count) {
        var times = new ArrayList<Long>();
        for (int i = 0; i < count; i++) {
            var item = createContent(tag, "nrw");
            long started = System.nanoTime();
            publish(item);
            times.add((System.nanoTime() - started) / 1_000_000);
        }
        return times;
    }

    private JsonNode deliveries(String webhook) {
        var response = http.post(partner, DELIVERIES, Map.of("webhook", webhook));
        assertThat(response.ok()).as(response.text()).isTrue();
        return response.body().at("/data/webhookDeliveries");
    }

    private static JsonNode find(JsonNode list, String id) {
        for (var item : list) {
            if (item.at("/id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no webhook " + id + " in " + list);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not within 5 s");
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static String hmac(String secret, String text) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
