package org.partnernetz.submission;

import java.util.Map;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * How submissions meet HTTP: the client's remote address goes into the GraphQL context as the key
 * of its rate ({@link SubmissionRateLimiter}), and an answer refused for the rate carries an HTTP
 * {@code Retry-After} header with the seconds of its error, for clients and proxies that read
 * headers rather than GraphQL errors. Behind a reverse proxy every client has the proxy's address:
 * the proxy must then limit, or forward the client's address to the servlet container.
 */
@Component
class SubmissionWiring implements WebGraphQlInterceptor {

    /** The context value holding the client's address. */
    static final String CLIENT = "submissionClient";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        var address = request.getRemoteAddress();
        if (address != null && address.getAddress() != null) {
            var client = address.getAddress().getHostAddress();
            request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(CLIENT, client)).build());
        }
        return chain.next(request).doOnNext(response -> response.getErrors().stream()
                .filter(error -> "TOO_MANY_REQUESTS".equals(String.valueOf(error.getErrorType())))
                .map(error -> error.getExtensions().get("retryAfterSeconds"))
                .filter(Number.class::isInstance)
                .findFirst()
                .ifPresent(seconds -> response.getResponseHeaders().set("Retry-After",
                        String.valueOf(((Number) seconds).longValue()))));
    }
}
