package org.partnernetz.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnernetz.PartnernetzApplication;
import org.partnernetz.support.GraphFingerprint;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.data.neo4j.core.Neo4jClient;

/** The embedded database keeps its data on disk: a restarted hub serves the same graph without importing. */
class RestartKeepsDataTests {

    @TempDir
    Path data;

    @Test
    void restartedHubHasTheSameGraph() {
        List<String> first;
        try (var hub = start("if-empty")) {
            first = GraphFingerprint.of(hub.getBean(Neo4jClient.class));
        }
        assertThat(first).hasSizeGreaterThan(1000);
        try (var hub = start("never")) {
            assertThat(GraphFingerprint.of(hub.getBean(Neo4jClient.class))).isEqualTo(first);
        }
    }

    private org.springframework.context.ConfigurableApplicationContext start(String seedMode) {
        return new SpringApplicationBuilder(PartnernetzApplication.class)
                .web(WebApplicationType.NONE)
                .run("--partnernetz.embedded.data-directory=" + data,
                        "--partnernetz.embedded.bolt-port=0",
                        "--partnernetz.embedded.page-cache=32MB",
                        "--partnernetz.seed.mode=" + seedMode);
    }
}
