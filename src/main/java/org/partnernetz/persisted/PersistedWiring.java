package org.partnernetz.persisted;

import java.util.Map;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Tells {@link PersistedQueries} whether the caller is an admin, who may run documents nobody
 * registered in trusted mode (to register them, and to look into the hub), through the request's
 * GraphQL context: the document is chosen where the security context of the request is not at hand.
 */
@Component
class PersistedWiring implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()))) {
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(Map.of(PersistedQueries.TRUSTED_CALLER, true)).build());
        }
        return chain.next(request);
    }
}
