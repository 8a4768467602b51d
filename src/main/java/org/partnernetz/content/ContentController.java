package org.partnernetz.content;

import java.util.Map;

import graphql.GraphQLContext;
import org.partnernetz.account.Caller;
import org.partnernetz.graph.Nodes;
import org.partnernetz.graphql.Answers;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * {@code content} and {@code contents} for partner websites, and the editors' content mutations.
 * Answers are in the language asked for ({@code locale}, else the request's {@code Accept-Language},
 * {@link ContentWiring}); a mutation answers with the item's draft, in German unless asked otherwise.
 */
@Controller
class ContentController {

    private final ContentService service;
    private final Nodes nodes;

    ContentController(ContentService service, Nodes nodes) {
        this.service = service;
        this.nodes = nodes;
    }

    record ContentPayload(ContentItem content) {
    }

    @QueryMapping
    ContentItem content(@Argument String id, @Argument String slug, @Argument String locale, @Argument Boolean preview,
            @Argument String previewToken,
            @ContextValue(name = ContentWiring.ACCEPT_LANGUAGE, required = false) String acceptLanguage, GraphQLContext context) {
        if (id != null && slug != null || id == null && slug == null && previewToken == null) {
            throw new org.partnernetz.graphql.BadRequestException("content: give one of id and slug (or a preview token)");
        }
        boolean draft = Boolean.TRUE.equals(preview) || previewToken != null;
        if (draft) {
            // A preview token expires on its own, without an edit: what it shows is for this request only.
            Answers.markPrivate(context);
        }
        var stored = previewToken != null ? service.previewed(previewToken, id, slug)
                : draft ? service.draft(id, slug) : service.published(id, slug);
        return stored.map(item -> ContentView.of(item, ContentView.language(locale, acceptLanguage), draft, nodes))
                .orElse(null);
    }

    @QueryMapping
    Connection<Connection.Edge<ContentItem>> contents(@Argument String type, @Argument String region,
            @Argument String mentions, @Argument String tag, @Argument String locale, @Argument Integer first,
            @Argument String after, @ContextValue(name = ContentWiring.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        var language = ContentView.language(locale, acceptLanguage);
        var page = service.list(type, region, mentions, tag, PageRequest.of(first, after));
        return new Connection<>(page.edges().stream()
                .map(edge -> new Connection.Edge<>(edge.cursor(), ContentView.of(edge.node(), language, false, nodes)))
                .toList(), page.pageInfo(), page.totalCount());
    }

    @MutationMapping
    ContentPayload createContent(@Argument Map<String, Object> input, @AuthenticationPrincipal Caller caller) {
        return payload(service.create(input, caller));
    }

    @MutationMapping
    ContentPayload updateContent(@Argument Map<String, Object> input, @AuthenticationPrincipal Caller caller) {
        return payload(service.update(input, caller));
    }

    @MutationMapping
    ContentPayload submitContentForReview(@Argument Map<String, Object> input, @AuthenticationPrincipal Caller caller) {
        return payload(service.submitForReview(input, caller));
    }

    @MutationMapping
    ContentPayload publishContent(@Argument Map<String, Object> input, @AuthenticationPrincipal Caller caller) {
        return payload(service.publish(input, caller));
    }

    @MutationMapping
    ContentPayload unpublishContent(@Argument Map<String, Object> input, @AuthenticationPrincipal Caller caller) {
        return payload(service.unpublish(input, caller));
    }

    @MutationMapping
    ContentPayload archiveContent(@Argument Map<String, Object> input, @AuthenticationPrincipal Caller caller) {
        return payload(service.archive(input, caller));
    }

    @MutationMapping
    ContentPayload restoreContentRevision(@Argument Map<String, Object> input, @AuthenticationPrincipal Caller caller) {
        return payload(service.restoreRevision(input, caller));
    }

    record CreatePreviewTokenPayload(String token, String expiresAt, ContentItem content) {
    }

    @MutationMapping
    CreatePreviewTokenPayload createPreviewToken(@Argument Map<String, Object> input, @AuthenticationPrincipal Caller caller) {
        var created = service.createPreviewToken(input, caller);
        return new CreatePreviewTokenPayload(created.token(), created.expiresAt().toInstant().toString(),
                ContentView.of(created.content(), "DE", true, nodes));
    }

    private ContentPayload payload(ContentQueries.Stored stored) {
        return new ContentPayload(ContentView.of(stored, "DE", true, nodes));
    }
}
