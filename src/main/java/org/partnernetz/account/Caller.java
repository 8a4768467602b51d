package org.partnernetz.account;

import java.util.List;

/**
 * Who a request acts as, from an API token or a JWT: the {@code viewer} of the schema and the
 * principal of the request's authentication. {@code organisations}: an editor's limit (empty: none);
 * {@code credential}: which token (its id) or which JWT (issuer and id), for the audit trail.
 */
public record Caller(CredentialKind kind, String name, Role role, List<String> organisations, String credential) {

    /** How the caller proved who it is. */
    public enum CredentialKind {
        API_TOKEN, JWT
    }
}
