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
 * @param maxDepth deepest nesting of objects a query may have; the {@code edges} and {@code node}
 *     wrappers of a connection do not count
 * @param maxComplexity largest estimated number of objects a query may ask for: what is below a
 *     connection counts as often as its page size ({@code first} or the schema's default), below a
 *     plain list {@code listEstimate} times; scalar fields are free
 * @param maxFields most fields a query may select, aliases and fragments expanded
 * @param maxRootFields most fields at the top of a query, aliases counted: each runs its own
 *     database query
 * @param listEstimate how many items a plain (not paged) list of objects is assumed to hold
 * @param timeout longest a request may run before it is answered with an error
 */
@Validated
@ConfigurationProperties("partnernetz.graphql")
public record QueryLimitsProperties(
        @DefaultValue("8") @Min(1) int maxDepth,
        @DefaultValue("25000") @Min(1) int maxComplexity,
        @DefaultValue("500") @Min(1) int maxFields,
        @DefaultValue("20") @Min(1) int maxRootFields,
        @DefaultValue("10") @Min(1) int listEstimate,
        @DefaultValue("20s") @NotNull Duration timeout) {
}
