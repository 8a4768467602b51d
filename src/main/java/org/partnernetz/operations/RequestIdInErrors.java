package org.partnernetz.operations;

import java.util.LinkedHashMap;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Puts the request's id ({@link RequestIds}) into {@code extensions.requestId} of every GraphQL error. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdInErrors implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        var id = RequestIds.current();
        if (id == null) {
            return chain.next(request);
        }
        return chain.next(request).map(response -> {
            if (response.getExecutionResult().getErrors().isEmpty()) {
                return response;
            }
            var errors = response.getExecutionResult().getErrors().stream().map(error -> withId(error, id)).toList();
            return response.transform(result -> result.errors(errors));
        });
    }

    private static GraphQLError withId(GraphQLError error, String id) {
        var extensions = new LinkedHashMap<String, Object>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        extensions.put("requestId", id);
        var copy = GraphqlErrorBuilder.newError().message(error.getMessage()).extensions(extensions);
        if (error.getErrorType() != null) {
            copy.errorType(error.getErrorType());
        }
        if (error.getLocations() != null) {
            copy.locations(error.getLocations());
        }
        if (error.getPath() != null) {
            copy.path(error.getPath());
        }
        return copy.build();
    }
}
