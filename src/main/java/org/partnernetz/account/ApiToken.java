package org.partnernetz.account;

import java.time.Instant;
import java.util.List;

/**
 * An API token as admins see it: never its secret, which is shown once at creation and stored only
 * as a hash. {@code organisations}: for an EDITOR limited to some organisations, their seed keys.
 */
public record ApiToken(String id, String name, Role role, List<String> organisations, Instant createdAt,
        String createdBy, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
}
