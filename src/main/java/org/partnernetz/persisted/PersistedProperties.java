package org.partnernetz.persisted;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Persisted queries.
 *
 * @param mode {@code off}: every request sends its document, a hash alone is refused
 *     (PERSISTED_QUERY_NOT_SUPPORTED, which tells Apollo clients to stop sending hashes);
 *     {@code apq}: automatic persisted queries, a client may send a hash for a document it registered
 *     before with hash and text, and documents still run in full; {@code trusted}: only documents an
 *     admin registered run (by hash or in full), everything else is refused (PERSISTED_QUERY_NOT_ALLOWED),
 *     except for admins
 * @param maxDocumentLength the longest document that is kept (characters)
 */
@Validated
@ConfigurationProperties("partnernetz.graphql.persisted")
public record PersistedProperties(
        @DefaultValue("apq") @NotNull Mode mode,
        @DefaultValue("100000") @Min(1) int maxDocumentLength) {

    /** Which documents run. */
    public enum Mode {
        OFF, APQ, TRUSTED
    }
}
