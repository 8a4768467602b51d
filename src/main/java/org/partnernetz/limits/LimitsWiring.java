package org.partnernetz.limits;

import java.util.Map;

import org.partnernetz.graphql.QueryCostListener;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Charges the estimated cost of each operation to its client's budget: puts a
 * {@link QueryCostListener} into the request's GraphQL context, which the query limits tell the
 * cost of the operation they let through. Over HTTP the client is the one {@link LimitsFilter}
 * admitted; over a WebSocket (subscriptions, and queries sent that way) it is found here.
 */
@Component
class LimitsWiring implements WebGraphQlInterceptor {

    private final RequestLimits limits;

    LimitsWiring(RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!limits.enabled()) {
            return chain.next(request);
        }
        var client = request.getAttributes().get(LimitsFilter.CLIENT) instanceof RequestLimits.Client admitted ? admitted
                : limits.client(SecurityContextHolder.getContext().getAuthentication(),
                        request.getRemoteAddress() == null || request.getRemoteAddress().getAddress() == null ? null
                                : request.getRemoteAddress().getAddress().getHostAddress(),
                        request.getHeaders().getFirst("X-Forwarded-For"));
        QueryCostListener charge = cost -> limits.charge(client, cost);
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(Map.of(QueryCostListener.CONTEXT_KEY, charge)).build());
        return chain.next(request);
    }
}
