package org.partnernetz.content;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import graphql.schema.idl.RuntimeWiring;
import org.partnernetz.account.Caller;
import org.partnernetz.account.Role;
import org.partnernetz.content.ContentItem.ContentType;
import org.partnernetz.graph.SchemaTypes;
import org.partnernetz.history.RevisionsFetcher;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * How content meets the schema: one record ({@link ContentItem}) serves every type of the
 * {@code Content} interface, resolved by its kind; {@code revisions} of an item (drafts included,
 * so for editors only) through the shared history loader; and the request's
 * {@code Accept-Language} handed to the controllers as a context value.
 */
@Component
class ContentWiring implements RuntimeWiringConfigurer, SchemaTypes, WebGraphQlInterceptor {

    /** The context value holding the request's {@code Accept-Language}. */
    static final String ACCEPT_LANGUAGE = "acceptLanguage";

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Content", type -> type.typeResolver(
                env -> env.getSchema().getObjectType(((ContentItem) env.getObject()).typeName())));
        var revisions = new RevisionsFetcher(env -> {
            var caller = SecurityContextHolder.getContext().getAuthentication() == null ? null
                    : SecurityContextHolder.getContext().getAuthentication().getPrincipal();
            if (!(caller instanceof Caller known) || known.role() == Role.PARTNER) {
                throw new AccessDeniedException("An item's revisions hold its drafts: EDITOR only");
            }
            return ((ContentItem) env.getSource()).key();
        });
        for (var type : ContentType.values()) {
            wiring.type(type.typeName(), t -> t.dataFetcher("revisions", revisions));
        }
    }

    @Override
    public Map<String, Class<?>> classMappings() {
        var mappings = new LinkedHashMap<String, Class<?>>();
        Arrays.stream(ContentType.values()).forEach(type -> mappings.put(type.typeName(), ContentItem.class));
        return mappings;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        var language = request.getHeaders().getFirst("Accept-Language");
        if (language != null) {
            request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(ACCEPT_LANGUAGE, language)).build());
        }
        return chain.next(request);
    }
}
