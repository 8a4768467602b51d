package org.partnernetz.http;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How public reads are cached and which partner sites may call the hub from their pages.
 *
 * @param cache the {@code Cache-Control} of a successful query sent by GET without credentials
 * @param cors the origins (scheme, host and port, e.g. {@code https://www.example.org}) whose pages may
 *     call {@code /graphql} and {@code /exports/**}; none by default
 */
@Validated
@ConfigurationProperties("partnernetz.http")
public record HttpProperties(@DefaultValue @Valid @NotNull Cache cache, @DefaultValue @Valid @NotNull Cors cors) {

    /**
     * @param maxAge how long a shared cache (a CDN) may serve an answer without asking again
     * @param staleWhileRevalidate how much longer it may serve the old answer while it asks again
     */
    public record Cache(@DefaultValue("10s") @NotNull Duration maxAge, @DefaultValue("60s") @NotNull Duration staleWhileRevalidate) {
    }

    /**
     * @param allowedOrigins the partner origins; {@code *} allows every origin (without credentials
     *     sent by the browser, which the hub does not use: credentials are bearer headers)
     * @param maxAge how long a browser may keep the answer to a preflight request
     */
    public record Cors(@DefaultValue List<String> allowedOrigins, @DefaultValue("1h") @NotNull Duration maxAge) {
    }
}
