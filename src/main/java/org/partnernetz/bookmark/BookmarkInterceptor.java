package org.partnernetz.bookmark;

import java.util.LinkedHashMap;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Hands a GraphQL request's bookmark back: in the {@value BookmarkFilter#HEADER} response header, and
 * as {@code extensions.bookmark} for clients that cannot read headers (a browser on another origin
 * reads only the headers CORS exposes). A client that sends it with its next request reads its own
 * writes there, on any instance.
 */
@Component
class BookmarkInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        var exchange = ClientBookmarks.current();
        if (exchange == null) {
            return chain.next(request);
        }
        return chain.next(request).map(response -> {
            var latest = exchange.latest();
            if (latest.isEmpty()) {
                return response;
            }
            var token = BookmarkToken.encode(latest);
            response.getResponseHeaders().set(BookmarkFilter.HEADER, token);
            return response.transform(result -> {
                var extensions = new LinkedHashMap<Object, Object>();
                if (response.getExecutionResult().getExtensions() != null) {
                    extensions.putAll(response.getExecutionResult().getExtensions());
                }
                extensions.put("bookmark", token);
                result.extensions(extensions);
            });
        });
    }
}
