package org.partnernetz.account;

import java.util.List;

import org.partnernetz.graphql.Connection;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** {@code viewer}, {@code apiTokens}, {@code createApiToken}, {@code revokeApiToken}. */
@Controller
class AccountController {

    private final ApiTokens tokens;

    AccountController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** The input of {@code createApiToken}. */
    record CreateApiTokenInput(String name, Role role, List<String> organisations, String expiresAt) {
    }

    record CreateApiTokenPayload(ApiToken token, String secret) {
    }

    record RevokeApiTokenInput(String id) {
    }

    record RevokeApiTokenPayload(ApiToken token) {
    }

    @QueryMapping
    Caller viewer(@AuthenticationPrincipal Caller caller) {
        return caller;
    }

    @QueryMapping
    Connection<Connection.Edge<ApiToken>> apiTokens(@Argument Integer first, @Argument String after) {
        return tokens.list(first, after);
    }

    @MutationMapping
    CreateApiTokenPayload createApiToken(@Argument CreateApiTokenInput input, @AuthenticationPrincipal Caller caller) {
        var created = tokens.create(input.name(), input.role(), input.organisations(), input.expiresAt(),
                caller == null ? null : caller.name());
        return new CreateApiTokenPayload(created.token(), created.secret());
    }

    @MutationMapping
    RevokeApiTokenPayload revokeApiToken(@Argument RevokeApiTokenInput input) {
        return new RevokeApiTokenPayload(tokens.revoke(input.id()));
    }
}
