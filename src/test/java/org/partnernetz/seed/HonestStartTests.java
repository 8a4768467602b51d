package org.partnernetz.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnernetz.PartnernetzApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * A hub starting on an empty database does not answer with empty lists while it imports the seed:
 * the import runs before the web server opens its port, so a request sent meanwhile is refused, and
 * the first one answered already sees the whole seed.
 */
class HonestStartTests {

    private static final String QUERY = "{\"query\":\"{ organisations(first: 1) { totalCount } regions(first: 1) { totalCount } }\"}";

    @TempDir
    Path data;

    @Test
    void requestsDuringTheFirstImportAreRefusedNeverAnsweredEmpty() throws Exception {
        int port = freePort();
        var importingAt = new AtomicLong();
        var seedReadyAt = new AtomicLong();
        var starting = CompletableFuture.supplyAsync(() -> new SpringApplicationBuilder(PartnernetzApplication.class)
                .listeners((ApplicationListener<PayloadApplicationEvent<?>>) event -> {
                    switch (event.getPayload()) {
                        case SeedOnStartup.SeedImporting importing -> importingAt.set(System.nanoTime());
                        case SeedOnStartup.SeedReady ready -> seedReadyAt.set(System.nanoTime());
                        default -> { }
                    }
                })
                .run("--server.port=" + port,
                        "--partnernetz.embedded.data-directory=" + data,
                        "--partnernetz.embedded.bolt-port=0",
                        "--partnernetz.embedded.page-cache=32MB",
                        "--partnernetz.seed.mode=if-empty"));
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        var answers = new ArrayList<String>();
        var refusedAt = new ArrayList<Long>();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        try {
            while (answers.size() < 3 && System.nanoTime() < deadline && !starting.isCompletedExceptionally()) {
                try {
                    var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                                    .timeout(Duration.ofSeconds(20))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(QUERY)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    answers.add(response.statusCode() + " " + response.body());
                } catch (ConnectException | HttpTimeoutException e) {
                    refusedAt.add(System.nanoTime());
                    Thread.sleep(50);
                }
            }
            assertThat(starting).isNotCompletedExceptionally();
            assertThat(importingAt.get()).as("an import ran").isPositive();
            assertThat(seedReadyAt.get()).as("the seed was imported").isGreaterThan(importingAt.get());
            assertThat(refusedAt).as("requests sent while the import ran were refused")
                    .anySatisfy(at -> assertThat(at).isBetween(importingAt.get(), seedReadyAt.get()));
            assertThat(answers).hasSize(3).allSatisfy(answer -> {
                assertThat(answer).startsWith("200 ").doesNotContain("\"totalCount\":0").doesNotContain("errors");
                assertThat(answer).containsPattern("\"totalCount\":[1-9]\\d*");
            });
        } finally {
            starting.handle((hub, failure) -> hub).thenAccept(hub -> { if (hub != null) hub.close(); }).join();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
