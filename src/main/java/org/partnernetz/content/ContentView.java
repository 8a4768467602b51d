package org.partnernetz.content;

import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.partnernetz.content.ContentItem.ContentStatus;
import org.partnernetz.content.ContentItem.ContentType;
import org.partnernetz.content.ContentItem.FieldLocale;
import org.partnernetz.graph.Nodes;
import org.partnernetz.project.Project;
import org.partnernetz.region.Region;
import org.partnernetz.topic.Topic;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stored item as an answer in one language: each text from the language asked for, else from the
 * other (English falls back to German, and German to English where an item has no German text),
 * with the language it came from; the body's HTML follows its body.
 */
final class ContentView {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> TEXTS = List.of("title", "slug", "summary", "body");

    private ContentView() {
    }

    /** The language of an answer: the argument, else the best of {@code Accept-Language}, else German. */
    static String language(String argument, String acceptLanguage) {
        if (argument != null) {
            return argument;
        }
        if (acceptLanguage != null) {
            try {
                for (var range : Locale.LanguageRange.parse(acceptLanguage)) {
                    var tag = range.getRange().toLowerCase(Locale.ROOT);
                    if (range.getWeight() > 0 && (tag.equals("en") || tag.startsWith("en-"))) {
                        return "EN";
                    }
                    if (range.getWeight() > 0 && (tag.equals("de") || tag.startsWith("de-") || tag.equals("*"))) {
                        return "DE";
                    }
                }
            } catch (IllegalArgumentException e) {
                // A malformed header asks for nothing in particular.
            }
        }
        return "DE";
    }

    static ContentItem of(ContentQueries.Stored stored, String language, boolean draft, Nodes nodes) {
        var c = stored.content();
        var v = stored.version();
        var wanted = language.toLowerCase(Locale.ROOT);
        var other = wanted.equals("en") ? "de" : "en";
        var texts = new java.util.HashMap<String, String>();
        var locales = new ArrayList<FieldLocale>();
        for (var field : TEXTS) {
            var from = text(v, field + "_" + wanted) != null ? wanted : text(v, field + "_" + other) != null ? other : null;
            if (from != null) {
                texts.put(field, text(v, field + "_" + from));
                texts.put(field + "Locale", from);
                locales.add(new FieldLocale(field, from.toUpperCase(Locale.ROOT)));
            }
        }
        var bodyLocale = texts.get("bodyLocale");
        var type = ContentType.valueOf(c.get("type").asString());
        return new ContentItem(ContentService.ID_PREFIX + c.get("key").asString(), c.get("key").asString(), type,
                ContentStatus.valueOf(c.get("status").asString()),
                draft ? ContentItem.ContentView.DRAFT : ContentItem.ContentView.PUBLISHED, language, texts.get("title"),
                texts.get("slug"), texts.get("summary"), texts.get("body"),
                bodyLocale == null ? null : text(v, "html_" + bodyLocale), List.copyOf(locales),
                image(json(v, "heroImage"), wanted, other), images(json(v, "gallery"), wanted, other),
                videos(json(v, "videos"), wanted, other),
                v.get("tags").isNull() ? List.of() : v.get("tags").asList(Value::asString),
                stored.topics().stream().map(Topic::from).toList(), stored.regions().stream().map(Region::from).toList(),
                stored.mentions().stream().map(nodes::toObject).toList(), time(c.get("publishedAt")),
                time(c.get("publishAt")), time(c.get("unpublishAt")), time(c.get("updatedAt")),
                c.get("version").asInt(), stored.hasUnpublishedChanges(),
                stored.project() == null ? null : Project.from(stored.project()));
    }

    private static ContentItem.Image image(JsonNode image, String wanted, String other) {
        if (image == null || image.isNull()) {
            return null;
        }
        return new ContentItem.Image(image.get("url").asString(), localized(image.get("alt"), wanted, other),
                image.hasNonNull("credit") ? image.get("credit").asString() : null, image.get("width").asInt(),
                image.get("height").asInt());
    }

    private static List<ContentItem.Image> images(JsonNode images, String wanted, String other) {
        var list = new ArrayList<ContentItem.Image>();
        if (images != null) {
            images.forEach(image -> list.add(image(image, wanted, other)));
        }
        return List.copyOf(list);
    }

    private static List<ContentItem.Video> videos(JsonNode videos, String wanted, String other) {
        var list = new ArrayList<ContentItem.Video>();
        if (videos != null) {
            videos.forEach(video -> list.add(new ContentItem.Video(video.get("provider").asString(),
                    video.get("url").asString(), localized(video.get("title"), wanted, other))));
        }
        return List.copyOf(list);
    }

    private static String localized(JsonNode texts, String wanted, String other) {
        if (texts == null || texts.isNull()) {
            return null;
        }
        return texts.hasNonNull(wanted) ? texts.get(wanted).asString()
                : texts.hasNonNull(other) ? texts.get(other).asString() : null;
    }

    private static JsonNode json(Node version, String field) {
        var text = text(version, field);
        return text == null ? null : JSON.readTree(text);
    }

    private static String text(Node node, String field) {
        var value = node.get(field);
        return value.isNull() ? null : value.asString();
    }

    private static String time(Value value) {
        if (value.isNull()) {
            return null;
        }
        TemporalAccessor time = value.asZonedDateTime();
        return ZonedDateTime.from(time).toInstant().toString();
    }
}
