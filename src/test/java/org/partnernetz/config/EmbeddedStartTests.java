package org.partnernetz.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnernetz.PartnernetzApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The embedded database starts on its own thread while the context's beans are made: a bad setting
 * still stops the start with its rule, and a context closed after a failed start leaves its data
 * directory free for the next.
 */
class EmbeddedStartTests {

    @TempDir
    Path data;

    @Test
    void aBadSettingStopsTheStartWithItsRuleAndTheNextStartRuns() {
        var failure = catchThrowable(() -> start("--partnernetz.embedded.bolt-port=70000").close());
        assertThat(failure).isNotNull().hasStackTraceContaining("boltPort").hasStackTraceContaining("65535");

        try (var hub = start("--partnernetz.embedded.bolt-port=0")) {
            assertThat(hub.getBean(Neo4jClient.class).query("MATCH (r:Region {key: 'nrw'}) RETURN count(r) AS n")
                    .fetchAs(Long.class).one()).contains(1L);
        }
    }

    private ConfigurableApplicationContext start(String port) {
        return new SpringApplicationBuilder(PartnernetzApplication.class)
                .web(WebApplicationType.NONE)
                .run("--partnernetz.embedded.data-directory=" + data, port,
                        "--partnernetz.embedded.page-cache=32MB", "--partnernetz.seed.mode=if-empty");
    }
}
