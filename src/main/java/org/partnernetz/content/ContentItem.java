package org.partnernetz.content;

import java.util.List;

import org.partnernetz.graph.GraphObject;
import org.partnernetz.graph.NodeLookup;
import org.partnernetz.project.Project;
import org.partnernetz.region.Region;
import org.partnernetz.topic.Topic;

/**
 * An item of content as the API shows it, in one language, either its published version or its
 * draft ({@code view}): the record behind each of the schema's {@code Content} types (Article,
 * Page, ProjectProfile; {@link ContentType#typeName}). Texts are already resolved to the language
 * asked for, with the language each came from in {@code fieldLocales}.
 */
public record ContentItem(String id, String key, ContentType type, ContentStatus status, ContentView view,
        String locale, String title, String slug, String summary, String body, String bodyHtml,
        List<FieldLocale> fieldLocales, Image heroImage, List<Image> gallery, List<Video> videos, List<String> tags,
        List<Topic> topics, List<Region> regions, List<GraphObject> mentions, String publishedAt, String publishAt,
        String unpublishAt, String updatedAt, int version, boolean hasUnpublishedChanges, Project project)
        implements NodeLookup.Typed {

    @Override
    public String typeName() {
        return type.typeName();
    }

    /** The language a text field of an answer came from. */
    public record FieldLocale(String field, String locale) {
    }

    /** An image, its text alternative in the answer's language. */
    public record Image(String url, String alt, String credit, int width, int height) {
    }

    /** A video link, its title in the answer's language. */
    public record Video(String provider, String url, String title) {
    }

    /** The kinds of content; each is a GraphQL type of its own. */
    public enum ContentType {
        ARTICLE("Article"), PAGE("Page"), PROJECT_PROFILE("ProjectProfile");

        private final String typeName;

        ContentType(String typeName) {
            this.typeName = typeName;
        }

        /** The GraphQL type of items of this kind. */
        public String typeName() {
            return typeName;
        }
    }

    /** Where an item is in its workflow. */
    public enum ContentStatus {
        DRAFT, IN_REVIEW, PUBLISHED, ARCHIVED
    }

    /** Which version an answer shows. */
    public enum ContentView {
        PUBLISHED, DRAFT
    }
}
