package org.partnernetz.account;

import java.util.List;

/**
 * Who a request acts as, from an API token or a JWT: the {@code viewer} of the schema and the
 * principal of the request's authentication. {@code organisations}: an editor's limit (empty: none).
 */
public record Caller(CredentialKind kind, String name, Role role, List<String> organisations) {

    /** How the caller proved who it is. */
    public enum CredentialKind {
        API_TOKEN, JWT
    }
}
