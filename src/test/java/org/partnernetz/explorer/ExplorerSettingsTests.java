package org.partnernetz.explorer;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map's base layer setting ({@code partnernetz.explorer.*}) as the explorer page receives it:
 * none by default, a configured URL handed on, and a value that is no tile URL refused at start
 * rather than handed to every visitor's browser. No database needed, so no hub is started.
 */
class ExplorerSettingsTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Explorer.class);

    @Test
    void withoutSettingsThePageGetsNoBaseLayer() {
        context.run(started -> assertThat(started.getBean(ExplorerController.class).settings())
                .isEqualTo(new ExplorerController.Settings("", "")));
    }

    @Test
    void aConfiguredTileUrlAndItsAttributionReachThePage() {
        context.withPropertyValues("partnernetz.explorer.tile-url=https://tiles.example.org/{z}/{x}/{y}.png",
                        "partnernetz.explorer.tile-attribution=© OpenStreetMap contributors")
                .run(started -> assertThat(started.getBean(ExplorerController.class).settings())
                        .isEqualTo(new ExplorerController.Settings("https://tiles.example.org/{z}/{x}/{y}.png",
                                "© OpenStreetMap contributors")));
        context.withPropertyValues("partnernetz.explorer.tile-url=/tiles/{z}/{x}/{y}.png")
                .run(started -> assertThat(started).hasNotFailed());
    }

    @Test
    void aTileUrlOfAnotherSchemeOrWithoutPlaceholdersIsRefused() {
        for (var refused : new String[] {"ftp://tiles.example.org/{z}/{x}/{y}.png", "https://tiles.example.org/map.png",
                "javascript:alert(1)//{z}"}) {
            context.withPropertyValues("partnernetz.explorer.tile-url=" + refused)
                    .run(started -> assertThat(started.getStartupFailure()).as(refused)
                            .hasStackTraceContaining("tileUrl")
                            .hasStackTraceContaining("must be empty, or an http(s) URL or a path"));
        }
    }

    @Configuration
    @EnableConfigurationProperties(ExplorerProperties.class)
    @Import(ExplorerController.class)
    static class Explorer {
    }
}
