package org.partnernetz.content;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.partnernetz.content.ContentItem.ContentType;
import org.partnernetz.graphql.BadRequestException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fields of an item's draft as a flat map, as they are stored on its version node and listed in
 * its revisions: texts per language ({@code title_de}, {@code title_en} ...), images and videos as
 * JSON text, tags sorted, references as the keys of what they name. {@link #apply} checks a
 * mutation's input (sizes, addresses, slugs) and writes it over the fields it had; references are
 * resolved by the service, which knows the graph.
 */
final class ContentInput {

    /** The draft's fields, in the order a revision lists them. */
    static final List<String> FIELDS = List.of("title_de", "title_en", "slug_de", "slug_en", "summary_de",
            "summary_en", "body_de", "body_en", "heroImage", "gallery", "videos", "tags", "topics", "regions",
            "mentions", "project");

    /** The texts that have a German and an English value, and their longest length. */
    static final Map<String, Integer> LOCALIZED = Map.of("title", 200, "slug", 80, "summary", 600, "body", 100_000);

    static final List<String> LANGUAGES = List.of("de", "en");

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ContentInput() {
    }

    /** References an input names, for the service to resolve: field to the references given. */
    record References(List<String> topics, List<String> regions, List<String> mentions, String project) {
    }

    /**
     * Writes the input's draft fields over {@code fields}: a text given replaces that language's
     * (an empty one removes it), a list given replaces the list, what is left out stays.
     */
    static void apply(Map<String, Object> input, Map<String, Object> fields) {
        LOCALIZED.forEach((name, limit) -> {
            if (input.get(name) instanceof Map<?, ?> texts) {
                for (var language : LANGUAGES) {
                    if (texts.containsKey(language)) {
                        set(fields, name + "_" + language, text("input." + name + "." + language, texts.get(language), limit,
                                name.equals("title") || name.equals("slug")));
                    }
                }
            }
        });
        for (var language : LANGUAGES) {
            var slug = (String) fields.get("slug_" + language);
            if (slug != null && !SLUG.matcher(slug).matches()) {
                throw new BadRequestException("input.slug." + language + ": '" + slug
                        + "' is not a slug; slugs are lower-case letters, digits and single dashes");
            }
        }
        if (input.containsKey("heroImage")) {
            var hero = input.get("heroImage") instanceof Map<?, ?> image && !blank(image.get("url"))
                    ? image("input.heroImage", image) : null;
            set(fields, "heroImage", hero == null ? null : JSON.writeValueAsString(hero));
        }
        if (input.containsKey("gallery")) {
            set(fields, "gallery", jsonList("input.gallery", input.get("gallery"), 50, ContentInput::image));
        }
        if (input.containsKey("videos")) {
            set(fields, "videos", jsonList("input.videos", input.get("videos"), 20, ContentInput::video));
        }
        if (input.containsKey("tags")) {
            var tags = new TreeSet<String>();
            for (var tag : list("input.tags", input.get("tags"), 30)) {
                var text = text("input.tags", tag, 60, true);
                if (text != null) {
                    tags.add(text);
                }
            }
            set(fields, "tags", tags.isEmpty() ? null : List.copyOf(tags));
        }
    }

    /** The references an input gives (null where it gives none: they stay). */
    static References references(Map<String, Object> input) {
        return new References(strings("input.topics", input, 50), strings("input.regions", input, 50),
                strings("input.mentions", input, 200), input.containsKey("project") ? (String) input.get("project") : null);
    }

    /** A key or slug made from the first title there is. */
    static String slugOf(Map<String, Object> fields, String language) {
        var title = (String) fields.get("title_" + language);
        return title == null ? "" : org.partnernetz.graph.SearchText.slug(title);
    }

    /** Checks what a type needs: a title in some language; a project for a project profile. */
    static void check(ContentType type, Map<String, Object> fields) {
        if (fields.get("title_de") == null && fields.get("title_en") == null) {
            throw new BadRequestException("input.title: an item needs a title in German or English");
        }
        if (type == ContentType.PROJECT_PROFILE && fields.get("project") == null) {
            throw new BadRequestException("input.project: a project profile needs its project");
        }
        if (type != ContentType.PROJECT_PROFILE && fields.get("project") != null) {
            throw new BadRequestException("input.project: only a project profile has a project");
        }
    }

    /** A list of images or videos as JSON text, each checked by {@code item}; null for none. */
    private static String jsonList(String field, Object value, int limit,
            java.util.function.BiFunction<String, Map<?, ?>, Map<String, Object>> item) {
        var items = new ArrayList<Map<String, Object>>();
        var given = list(field, value, limit);
        for (int i = 0; i < given.size(); i++) {
            items.add(item.apply(field + "[" + i + "]", (Map<?, ?>) given.get(i)));
        }
        return items.isEmpty() ? null : JSON.writeValueAsString(items);
    }

    private static Map<String, Object> image(String field, Map<?, ?> image) {
        var row = new LinkedHashMap<String, Object>();
        row.put("url", url(field + ".url", image.get("url")));
        row.put("alt", texts(field + ".alt", image.get("alt"), 300));
        row.put("credit", text(field + ".credit", image.get("credit"), 200, true));
        row.put("width", size(field + ".width", image.get("width")));
        row.put("height", size(field + ".height", image.get("height")));
        return row;
    }

    private static Map<String, Object> video(String field, Map<?, ?> video) {
        var url = url(field + ".url", video.get("url"));
        var host = URI.create(url).getHost().toLowerCase(Locale.ROOT);
        var provider = video.get("provider") == null || "OTHER".equals(video.get("provider"))
                ? host.endsWith("youtube.com") || host.equals("youtu.be") ? "YOUTUBE"
                        : host.endsWith("vimeo.com") ? "VIMEO" : "OTHER"
                : (String) video.get("provider");
        var row = new LinkedHashMap<String, Object>();
        row.put("provider", provider);
        row.put("url", url);
        row.put("title", texts(field + ".title", video.get("title"), 300));
        return row;
    }

    private static Map<String, String> texts(String field, Object value, int limit) {
        var texts = new LinkedHashMap<String, String>();
        if (value instanceof Map<?, ?> map) {
            for (var language : LANGUAGES) {
                var text = text(field + "." + language, map.get(language), limit, true);
                if (text != null) {
                    texts.put(language, text);
                }
            }
        }
        return texts;
    }

    private static String url(String field, Object value) {
        var text = text(field, value, 2_000, true);
        if (text == null) {
            throw new BadRequestException(field + ": an address is required");
        }
        try {
            var uri = URI.create(text);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new BadRequestException(field + ": '" + text + "' is not an http or https address");
            }
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(field + ": '" + text + "' is not an address");
        }
        return text;
    }

    private static int size(String field, Object value) {
        if (!(value instanceof Number number) || number.intValue() < 1 || number.intValue() > 20_000) {
            throw new BadRequestException(field + ": a size in pixels from 1 to 20000 is required");
        }
        return number.intValue();
    }

    private static String text(String field, Object value, int limit, boolean oneLine) {
        if (value == null) {
            return null;
        }
        var text = value.toString().strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > limit) {
            throw new BadRequestException(field + ": at most " + limit + " characters (" + text.length() + " given)");
        }
        if (oneLine && text.chars().anyMatch(c -> c == '\n' || c == '\r')) {
            throw new BadRequestException(field + ": one line of text, without line breaks");
        }
        return text;
    }

    private static List<?> list(String field, Object value, int limit) {
        var list = value == null ? List.of() : (List<?>) value;
        if (list.size() > limit) {
            throw new BadRequestException(field + ": at most " + limit + " items (" + list.size() + " given)");
        }
        return list;
    }

    private static List<String> strings(String field, Map<String, Object> input, int limit) {
        var name = field.substring(field.indexOf('.') + 1);
        if (!input.containsKey(name)) {
            return null;
        }
        return list(field, input.get(name), limit).stream().map(String::valueOf).toList();
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }

    private static void set(Map<String, Object> fields, String field, Object value) {
        if (value == null) {
            fields.remove(field);
        } else {
            fields.put(field, value);
        }
    }
}
