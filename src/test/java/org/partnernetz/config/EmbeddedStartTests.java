package org.partnernetz.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnernetz.PartnernetzApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The embedded database starts on its own thread while the context's beans are made: a bad setting
 * still stops the start with its rule, and a context that fails after the database ran shuts it
 * down, leaving its data directory free for the next start.
 */
class EmbeddedStartTests {

    @TempDir
    Path data;

    @Test
    void aBadSettingStopsTheStartWithItsRuleAndTheNextStartRuns() {
        var failure = catchThrowable(() -> start("--partnernetz.embedded.bolt-port=70000").close());
        assertThat(failure).isNotNull().hasStackTraceContaining("boltPort").hasStackTraceContaining("65535");

        // This start fails after the database ran (the admin token is checked once every bean is
        // made): closing the failed context must shut it down, or the next start finds its store locked.
        var late = catchThrowable(() -> start("--partnernetz.embedded.bolt-port=0",
                "--partnernetz.security.admin-token=pn_short").close());
        assertThat(late).isNotNull().hasStackTraceContaining("an admin token must be");

        try (var hub = start("--partnernetz.embedded.bolt-port=0")) {
            assertThat(hub.getBean(Neo4jClient.class).query("MATCH (r:Region {key: 'nrw'}) RETURN count(r) AS n")
                    .fetchAs(Long.class).one()).contains(1L);
        }
    }

    private ConfigurableApplicationContext start(String... settings) {
        var arguments = new java.util.ArrayList<>(List.of("--partnernetz.embedded.data-directory=" + data,
                "--partnernetz.embedded.page-cache=32MB", "--partnernetz.seed.mode=if-empty"));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(PartnernetzApplication.class)
                .web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
    }
}
