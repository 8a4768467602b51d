package org.partnernetz.limits;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How much one client may ask of one instance per minute: requests, and the estimated cost of what
 * they ask for (objects, as {@code max-complexity} counts them). Anonymous clients are told apart by
 * their address; a client with a credential by its API token, or by the subject of its JWT.
 *
 * @param enabled whether the limits apply at all
 * @param requestsPerMinute requests per minute
 * @param costPerMinute the cost budget per minute
 * @param trustedProxies addresses or CIDR ranges of reverse proxies whose {@code X-Forwarded-For}
 *     is believed (none: the header is ignored, and every client behind a proxy has the proxy's address)
 */
@Validated
@ConfigurationProperties("partnernetz.limits")
public record LimitsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue @Valid @NotNull Requests requestsPerMinute,
        @DefaultValue @Valid @NotNull Cost costPerMinute,
        @DefaultValue List<String> trustedProxies) {

    /** Requests per minute, per client address without a credential and per credential. */
    public record Requests(@DefaultValue("600") @Min(1) int anonymous, @DefaultValue("3000") @Min(1) int token) {
    }

    /** Estimated cost per minute, per client address without a credential and per credential. */
    public record Cost(@DefaultValue("300000") @Min(1) int anonymous, @DefaultValue("1500000") @Min(1) int token) {
    }
}
