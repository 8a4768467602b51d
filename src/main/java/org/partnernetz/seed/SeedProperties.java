package org.partnernetz.seed;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When and from where the hub imports {@code graph-seed/}.
 *
 * @param mode {@code if-empty} (default): import at start-up when the graph has no seeded data, or
 *     data written by an older version of the importer;
 *     {@code always}: import at every start (the on-demand import; idempotent); {@code never}
 * @param location directory of the seed files, {@code classpath:graph-seed/} (shipped in the jar)
 *     or e.g. {@code file:./graph-seed/}
 */
@Validated
@ConfigurationProperties("partnernetz.seed")
record SeedProperties(
        @DefaultValue("if-empty") @NotNull Mode mode,
        @DefaultValue("classpath:graph-seed/") @NotBlank String location) {

    enum Mode {
        IF_EMPTY, ALWAYS, NEVER
    }
}
