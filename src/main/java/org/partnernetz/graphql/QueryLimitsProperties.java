package org.partnernetz.graphql;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits that keep one request from overloading the hub.
 *
 * @param maxDepth deepest nesting of fields a query may have
 * @param maxComplexity largest estimated number of objects a query may ask for: each field counts
 *     one, and what is below a list field counts as often as its {@code first} argument asks
 * @param timeout longest a request may run before it is answered with an error
 */
@Validated
@ConfigurationProperties("partnernetz.graphql")
public record QueryLimitsProperties(
        @DefaultValue("12") @Min(1) int maxDepth,
        @DefaultValue("10000") @Min(1) int maxComplexity,
        @DefaultValue("20s") @NotNull Duration timeout) {
}
