package org.partnernetz.http;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How public reads are cached and which partner sites may call the hub from their pages.
 *
 * @param cache the {@code Cache-Control} of a successful query sent by GET without credentials
 * @param answers the answer cache of queries without credentials, sent by GET or POST ({@link AnswerCache})
 * @param cors the origins (scheme, host and port, e.g. {@code https://www.example.org}) whose pages may
 *     call {@code /graphql} and {@code /exports/**}; none by default
 */
@Validated
@ConfigurationProperties("partnernetz.http")
public record HttpProperties(@DefaultValue @Valid @NotNull Cache cache,
        @DefaultValue @Valid @NotNull AnswerCacheSettings answers, @DefaultValue @Valid @NotNull Cors cors) {

    /**
     * @param maxAge how long a shared cache (a CDN) may serve an answer without asking again
     * @param staleWhileRevalidate how much longer it may serve the old answer while it asks again
     */
    public record Cache(@DefaultValue("10s") @NotNull Duration maxAge, @DefaultValue("60s") @NotNull Duration staleWhileRevalidate) {
    }

    /**
     * @param enabled whether answers are kept at all
     * @param maxSize what the kept answers may take in all, counted as their JSON; one answer over a
     *     sixteenth of it is not kept
     * @param timeToLive how long an answer is kept at most, even while the graph does not change (what
     *     depends on the date, such as a window that starts today, is then at most this old)
     */
    public record AnswerCacheSettings(@DefaultValue("true") boolean enabled, @DefaultValue("16MB") @NotNull DataSize maxSize,
            @DefaultValue("60s") @NotNull Duration timeToLive) {
    }

    /**
     * @param allowedOrigins the partner origins; {@code *} allows every origin (without credentials
     *     sent by the browser, which the hub does not use: credentials are bearer headers)
     * @param maxAge how long a browser may keep the answer to a preflight request
     */
    public record Cors(@DefaultValue List<String> allowedOrigins, @DefaultValue("1h") @NotNull Duration maxAge) {
    }
}
