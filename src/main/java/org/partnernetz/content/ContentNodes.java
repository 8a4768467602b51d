package org.partnernetz.content;

import java.util.Optional;

import graphql.GraphQLContext;
import org.partnernetz.graph.NodeLookup;
import org.partnernetz.graph.Nodes;
import org.springframework.stereotype.Component;

/**
 * {@code node(id: "Content:<key>")}: an item's live published version, as {@code content} shows it
 * without a token, in the request's {@code Accept-Language} (German otherwise); null for a draft.
 */
@Component
class ContentNodes implements NodeLookup {

    private final ContentService service;
    private final Nodes nodes;

    ContentNodes(ContentService service, Nodes nodes) {
        this.service = service;
        this.nodes = nodes;
    }

    @Override
    public String prefix() {
        return "Content";
    }

    @Override
    public Optional<ContentItem> find(String id, GraphQLContext context) {
        String acceptLanguage = context.get(ContentWiring.ACCEPT_LANGUAGE);
        return service.published(id, null)
                .map(item -> ContentView.of(item, ContentView.language(null, acceptLanguage), false, nodes));
    }
}
