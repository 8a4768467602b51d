package org.partnernetz.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.partnernetz.account.Caller;
import org.partnernetz.content.ContentItem.ContentStatus;
import org.partnernetz.content.ContentItem.ContentType;
import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.Label;
import org.partnernetz.graph.Nodes;
import org.partnernetz.graphql.BadRequestException;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.GlobalId;
import org.partnernetz.graphql.NotFoundException;
import org.partnernetz.graphql.PageRequest;
import org.partnernetz.graphql.SortKey;
import org.partnernetz.graphql.UnauthorizedException;
import org.partnernetz.history.ConflictException;
import org.partnernetz.history.Revision;
import org.partnernetz.history.Revisions;
import org.partnernetz.history.TransientFailure;
import org.partnernetz.webhook.WebhookOutbox;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Content's transaction and authorisation boundary. Partners (and callers without a token) read
 * live published versions; editors write drafts and move items through the workflow (draft, in
 * review, published, archived). Every change takes the item's lock, checks the version the editor
 * saw (CONFLICT otherwise) and writes a revision in its transaction, with the history mechanism the
 * network's entries use ({@link Revisions}).
 */
@Service
@Transactional
@Retryable(predicate = TransientFailure.class, maxRetries = 6, delay = 50, jitter = 40, multiplier = 2)
public class ContentService {

    /** The prefix of content's global ids. */
    static final String ID_PREFIX = "Content:";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Preview tokens: this prefix and 256 random bits, URL-safe; the graph keeps only their SHA-256. */
    private static final String PREVIEW_PREFIX = "pv_";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final ContentQueries queries;
    private final EntityQueries entities;
    private final Revisions revisions;
    private final WebhookOutbox outbox;
    private final java.time.Clock clock;

    ContentService(ContentQueries queries, EntityQueries entities, Revisions revisions, WebhookOutbox outbox,
            org.springframework.beans.factory.ObjectProvider<java.time.Clock> clock) {
        this.queries = queries;
        this.entities = entities;
        this.revisions = revisions;
        this.outbox = outbox;
        this.clock = clock.getIfAvailable(java.time.Clock::systemUTC);
    }

    /** The live published version of an item, by global id or slug; empty when it has none. */
    @Transactional(readOnly = true)
    public java.util.Optional<ContentQueries.Stored> published(String id, String slug) {
        return queries.find(keyOrNull(id), slug, false, now());
    }

    /**
     * Live published items whose text in {@code language} ({@code de} or {@code en}) matches a
     * full-text query, best first, each shown in that language, with the version's stored texts
     * (for the searcher's snippet) and the index's score.
     */
    @Transactional(readOnly = true)
    public List<SearchHit> search(String query, String language, List<String> types, List<String> regions, int limit,
            Nodes nodes) {
        return queries.search("content_text_" + language, query, types, regions, limit, now()).stream()
                .map(found -> new SearchHit(ContentView.of(found.stored(), language, false, nodes),
                        found.stored().version().asMap(), found.score()))
                .toList();
    }

    /** An item a search found: as shown, the texts of its live version, and the score. */
    public record SearchHit(ContentItem item, Map<String, Object> texts, double score) {
    }

    /** The keys of a region and of every region inside it. */
    @Transactional(readOnly = true)
    public List<String> regionsIn(String regionKey) {
        return queries.regionsIn(regionKey);
    }

    /** An item's draft, by global id or slug (EDITOR). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('EDITOR')")
    public java.util.Optional<ContentQueries.Stored> draft(String id, String slug) {
        return queries.find(keyOrNull(id), slug, true, now());
    }

    /**
     * The draft a preview token was made for, if {@code id} and {@code slug} name that item or
     * nothing; UNAUTHORIZED for a token that is unknown or has expired.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<ContentQueries.Stored> previewed(String token, String id, String slug) {
        var key = queries.previewed(hash(token), now())
                .orElseThrow(() -> new UnauthorizedException("The preview token is unknown or has expired; ask an editor for a new one"));
        var item = queries.find(key, null, true, now());
        if (item.isPresent() && (id != null || slug != null)) {
            var named = queries.find(keyOrNull(id), slug, true, now());
            if (named.isEmpty() || !named.get().content().get("key").asString().equals(key)) {
                return java.util.Optional.empty();
            }
        }
        return item;
    }

    /** A new preview token: its secret (shown once) and when it expires. */
    public record PreviewToken(String token, OffsetDateTime expiresAt, ContentQueries.Stored content) {
    }

    /** A preview token for one item's draft, for {@code expiresInSeconds} (an hour when null). */
    @PreAuthorize("hasRole('EDITOR')")
    public PreviewToken createPreviewToken(Map<String, Object> input, Caller caller) {
        var key = key((String) input.get("content"), "input.content");
        var seconds = input.get("expiresInSeconds") == null ? 3600 : (Integer) input.get("expiresInSeconds");
        if (seconds < 1 || seconds > 604_800) {
            throw new BadRequestException("input.expiresInSeconds: from 1 second to 604800 (a week)");
        }
        var item = queries.find(key, null, true, now())
                .orElseThrow(() -> new NotFoundException("No content has the id " + ID_PREFIX + key));
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var token = PREVIEW_PREFIX + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var now = now();
        var expiresAt = now.plusSeconds(seconds);
        queries.createPreviewToken(hash(token), key, expiresAt, caller.name(), now);
        return new PreviewToken(token, expiresAt, item);
    }

    /** Live published items, newest first. */
    @Transactional(readOnly = true)
    public Connection<Connection.Edge<ContentQueries.Stored>> list(String type, String region, String mentions,
            String tag, PageRequest page) {
        var parameters = new HashMap<String, Object>();
        SortKey.bindAfter("contents", ContentQueries.NEWEST_FIRST, page, parameters);
        List<String> regions = null;
        if (region != null) {
            var key = entities.resolveKey(Label.Region, region, "region");
            regions = queries.regionsIn(key);
        }
        var mentioned = mentions == null ? null : entities.resolveAnyKey(mentions, "mentions");
        var found = queries.list(new ContentQueries.Filter(type, regions, mentioned, tag), page.limit(), parameters,
                now());
        var rows = new ArrayList<Connection.Row<ContentQueries.Stored>>();
        for (int i = 0; i < found.items().size(); i++) {
            rows.add(new Connection.Row<>(found.items().get(i), found.keys().get(i)));
        }
        return Connection.ofNodes("contents", rows, page, found.total());
    }

    /** A new item, as a draft. */
    @PreAuthorize("hasRole('EDITOR')")
    public ContentQueries.Stored create(Map<String, Object> input, Caller caller) {
        var type = ContentType.valueOf((String) input.get("type"));
        var fields = new LinkedHashMap<String, Object>();
        ContentInput.apply(input, fields);
        resolve(ContentInput.references(input), fields);
        ContentInput.check(type, fields);
        fillSlugs(fields);
        var key = input.get("key") == null ? freeKey(fields) : givenKey((String) input.get("key"));
        var now = now();
        queries.create(key, type.name(), stored(fields), now, caller.name());
        claimSlugs(key, fields);
        revisions.record(key, 1, now, caller.name(), caller.credential(), comment(input),
                Revisions.changes(ContentInput.FIELDS, Map.of(), fields));
        return draftOf(key);
    }

    /** A change of an item's draft. */
    @PreAuthorize("hasRole('EDITOR')")
    public ContentQueries.Stored update(Map<String, Object> input, Caller caller) {
        var key = key((String) input.get("content"), "input.content");
        var item = lock(key, input);
        var before = draftFields(item);
        var after = new LinkedHashMap<String, Object>(before);
        ContentInput.apply(input, after);
        resolve(ContentInput.references(input), after);
        ContentInput.check(ContentType.valueOf((String) item.get("type")), after);
        fillSlugs(after);
        var status = ContentStatus.valueOf((String) item.get("status"));
        var nextStatus = status == ContentStatus.ARCHIVED ? ContentStatus.DRAFT : status;
        return change(key, item, before, after, nextStatus, comment(input), caller);
    }

    /** A draft marked ready for review. */
    @PreAuthorize("hasRole('EDITOR')")
    public ContentQueries.Stored submitForReview(Map<String, Object> input, Caller caller) {
        var key = key((String) input.get("content"), "input.content");
        var item = lock(key, input);
        var status = ContentStatus.valueOf((String) item.get("status"));
        if (status != ContentStatus.DRAFT) {
            throw new BadRequestException("input.content: only a draft can be submitted for review; this item is " + status);
        }
        var fields = draftFields(item);
        return change(key, item, fields, fields, ContentStatus.IN_REVIEW, comment(input), caller);
    }

    /** The draft published, now or from {@code publishAt}. */
    @PreAuthorize("hasRole('EDITOR')")
    public ContentQueries.Stored publish(Map<String, Object> input, Caller caller) {
        var key = key((String) input.get("content"), "input.content");
        var item = lock(key, input);
        var now = now();
        var from = time("input.publishAt", input.get("publishAt"));
        var until = time("input.unpublishAt", input.get("unpublishAt"));
        if (from == null || from.isBefore(now)) {
            from = now;
        }
        if (until != null && !until.isAfter(from)) {
            throw new BadRequestException("input.unpublishAt: must come after the time it is published");
        }
        var version = (int) (long) (Long) item.get("version") + 1;
        var node = stamp(version, ContentStatus.PUBLISHED, caller, now);
        queries.publish(key, from, until, node, now);
        // Published again after being taken down is a publication, not an update.
        announce(Boolean.TRUE.equals(item.get("published")) ? "CONTENT_UPDATED" : "CONTENT_PUBLISHED", key, item, from, now);
        var changes = new ArrayList<Revision.FieldChange>(statusChange(item, ContentStatus.PUBLISHED));
        changes.add(new Revision.FieldChange("publishAt", null, json(from.toString())));
        if (until != null) {
            changes.add(new Revision.FieldChange("unpublishAt", null, json(until.toString())));
        }
        revisions.record(key, version, now, caller.name(), caller.credential(), comment(input), changes);
        return draftOf(key);
    }

    /** Taken down: partners no longer see it; its draft stays. */
    @PreAuthorize("hasRole('EDITOR')")
    public ContentQueries.Stored unpublish(Map<String, Object> input, Caller caller) {
        return takeDown(input, ContentStatus.DRAFT, caller);
    }

    /** Archived: taken down and out of the way; an update brings it back as a draft. */
    @PreAuthorize("hasRole('EDITOR')")
    public ContentQueries.Stored archive(Map<String, Object> input, Caller caller) {
        return takeDown(input, ContentStatus.ARCHIVED, caller);
    }

    /** The draft's fields as they were at an earlier version, as a new change. */
    @PreAuthorize("hasRole('EDITOR')")
    public ContentQueries.Stored restoreRevision(Map<String, Object> input, Caller caller) {
        var key = key((String) input.get("content"), "input.content");
        var item = lock(key, input);
        var revision = (Integer) input.get("revision");
        var current = (int) (long) (Long) item.get("version");
        if (revision == null || revision < 1 || revision > current) {
            throw new BadRequestException("input.revision: this item has versions 1 to " + current);
        }
        var before = draftFields(item);
        var after = new LinkedHashMap<String, Object>(before);
        for (var later : revisions.after(key, revision)) {
            for (var change : later.changes()) {
                if (ContentInput.FIELDS.contains(change.field())) {
                    var value = Revisions.value(change.from());
                    if (value == null) {
                        after.remove(change.field());
                    } else {
                        after.put(change.field(), value);
                    }
                }
            }
        }
        var status = ContentStatus.valueOf((String) item.get("status"));
        var comment = input.get("comment") == null ? "restores version " + revision : (String) input.get("comment");
        return change(key, item, before, after, status == ContentStatus.ARCHIVED ? ContentStatus.DRAFT : status,
                comment, caller);
    }

    // ------------------------------------------------------------------ changes

    private ContentQueries.Stored takeDown(Map<String, Object> input, ContentStatus status, Caller caller) {
        var key = key((String) input.get("content"), "input.content");
        var item = lock(key, input);
        var now = now();
        var version = (int) (long) (Long) item.get("version") + 1;
        queries.unpublish(key, stamp(version, status, caller, now));
        if (Boolean.TRUE.equals(item.get("published"))) {
            announce("CONTENT_UNPUBLISHED", key, item, now, now);
        }
        revisions.record(key, version, now, caller.name(), caller.credential(), comment(input),
                statusChange(item, status));
        return draftOf(key);
    }

    /** Queues the event for the webhook endpoints that want it, in this transaction, due when it shows. */
    private void announce(String event, String key, Map<String, Object> item, OffsetDateTime due, OffsetDateTime now) {
        var fields = draftFields(item);
        var data = new LinkedHashMap<String, Object>();
        data.put("id", ID_PREFIX + key);
        data.put("key", key);
        data.put("type", item.get("type"));
        for (var field : List.of("title", "slug")) {
            var texts = new LinkedHashMap<String, Object>();
            for (var language : ContentInput.LANGUAGES) {
                if (fields.get(field + "_" + language) != null) {
                    texts.put(language, fields.get(field + "_" + language));
                }
            }
            data.put(field, texts);
        }
        data.put("regions", fields.getOrDefault("regions", List.of()));
        data.put("tags", fields.getOrDefault("tags", List.of()));
        data.put("publishAt", due.toInstant().toString());
        @SuppressWarnings("unchecked")
        var regions = (List<String>) fields.getOrDefault("regions", List.of());
        @SuppressWarnings("unchecked")
        var tags = (List<String>) fields.getOrDefault("tags", List.of());
        outbox.content(new WebhookOutbox.ContentEvent(event, ID_PREFIX + key, (String) item.get("type"), regions, tags, data),
                due, now);
    }

    private ContentQueries.Stored change(String key, Map<String, Object> item, Map<String, Object> before,
            Map<String, Object> after, ContentStatus status, String comment, Caller caller) {
        var changes = new ArrayList<>(Revisions.changes(ContentInput.FIELDS, before, after));
        changes.addAll(statusChange(item, status));
        if (changes.isEmpty()) {
            return draftOf(key);
        }
        claimSlugs(key, after);
        var now = now();
        var version = (int) (long) (Long) item.get("version") + 1;
        queries.write(key, stored(after), stamp(version, status, caller, now));
        revisions.record(key, version, now, caller.name(), caller.credential(), comment, changes);
        return draftOf(key);
    }

    private Map<String, Object> lock(String key, Map<String, Object> input) {
        var item = queries.lock(key).orElseThrow(() -> new NotFoundException("No content has the id " + ID_PREFIX + key));
        var expected = (Integer) input.get("version");
        var current = (int) (long) (Long) item.get("version");
        if (expected == null || expected != current) {
            throw new ConflictException(ID_PREFIX + key, expected == null ? 0 : expected, current);
        }
        return item;
    }

    private ContentQueries.Stored draftOf(String key) {
        return queries.find(key, null, true, now()).orElseThrow();
    }

    private static List<Revision.FieldChange> statusChange(Map<String, Object> item, ContentStatus status) {
        var before = (String) item.get("status");
        return before.equals(status.name()) ? List.of()
                : List.of(new Revision.FieldChange("status", json(before), json(status.name())));
    }

    private static Map<String, Object> stamp(int version, ContentStatus status, Caller caller, OffsetDateTime now) {
        var item = new HashMap<String, Object>();
        item.put("version", version);
        item.put("status", status.name());
        item.put("updatedAt", now);
        item.put("updatedBy", caller.name());
        return item;
    }

    /** The draft's fields as stored, without what is made from them. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> draftFields(Map<String, Object> item) {
        var draft = (Map<String, Object>) item.get("draft");
        var fields = new LinkedHashMap<String, Object>();
        for (var field : ContentInput.FIELDS) {
            if (draft.get(field) != null) {
                fields.put(field, draft.get(field));
            }
        }
        return fields;
    }

    /** The fields as the version node stores them: with each body's HTML and a digest of the fields. */
    private static Map<String, Object> stored(Map<String, Object> fields) {
        var stored = new HashMap<String, Object>(fields);
        for (var language : ContentInput.LANGUAGES) {
            var html = Markdown.html((String) fields.get("body_" + language));
            if (html != null) {
                stored.put("html_" + language, html);
            }
        }
        stored.put("digest", digest(fields));
        return stored;
    }

    private static String hash(String token) {
        return HexFormat.of().formatHex(sha256().digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String digest(Map<String, Object> fields) {
        var sha = sha256();
        sha.update(JSON.writeValueAsString(new TreeMap<>(fields)).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest(), 0, 12);
    }

    // ------------------------------------------------------------------ keys, slugs and references

    /** Slugs made from the titles where none is given. */
    private static void fillSlugs(Map<String, Object> fields) {
        for (var language : ContentInput.LANGUAGES) {
            if (fields.get("slug_" + language) == null && fields.get("title_" + language) != null) {
                var slug = ContentInput.slugOf(fields, language);
                if (!slug.isEmpty()) {
                    fields.put("slug_" + language, slug);
                }
            }
        }
    }

    private void claimSlugs(String key, Map<String, Object> fields) {
        var slugs = new TreeMap<String, String>();
        for (var language : ContentInput.LANGUAGES) {
            if (fields.get("slug_" + language) != null) {
                slugs.put(language, (String) fields.get("slug_" + language));
            }
        }
        var taken = queries.claimSlugs(key, slugs);
        if (!taken.isEmpty()) {
            throw new BadRequestException("input.slug: " + String.join(", ", taken) + " belongs to another item; choose another");
        }
    }

    private String freeKey(Map<String, Object> fields) {
        var base = ContentInput.slugOf(fields, fields.get("title_de") != null ? "de" : "en");
        if (base.isEmpty()) {
            base = "content";
        }
        var key = base;
        for (int n = 2; queries.taken(key); n++) {
            key = base + "-" + n;
        }
        return key;
    }

    private String givenKey(String key) {
        if (key == null || !key.matches("[a-z0-9]+(-[a-z0-9]+)*") || key.length() > 80) {
            throw new BadRequestException("input.key: keys are lower-case letters, digits and single dashes (at most 80)");
        }
        if (queries.taken(key)) {
            throw new BadRequestException("input.key: " + key + " is taken");
        }
        return key;
    }

    /** Topics, regions, mentioned entities and a project, named by the client, as the keys of what they name. */
    private void resolve(ContentInput.References references, Map<String, Object> fields) {
        if (references.topics() != null) {
            set(fields, "topics", keysOf(references.topics(), Label.Topic, "input.topics"));
        }
        if (references.regions() != null) {
            var keys = new java.util.TreeSet<String>();
            for (var region : references.regions()) {
                keys.add(entities.resolveKey(Label.Region, region, "input.regions"));
            }
            set(fields, "regions", keys.isEmpty() ? null : List.copyOf(keys));
        }
        if (references.mentions() != null) {
            set(fields, "mentions", keysOf(references.mentions(), null, "input.mentions"));
        }
        if (references.project() != null) {
            var keys = keysOf(List.of(references.project()), Label.Project, "input.project");
            set(fields, "project", keys == null ? null : keys.getFirst());
        }
    }

    /** The keys of these global ids, each checked to name an entity (of {@code label}, if given). */
    private List<String> keysOf(List<String> ids, Label label, String field) {
        var keys = new java.util.TreeSet<String>();
        for (var id : ids) {
            if (id == null || id.isBlank()) {
                continue;
            }
            var globalId = GlobalId.parse(id);
            if (label != null && globalId.label() != label) {
                throw new BadRequestException(field + ": '" + id + "' is a " + globalId.label() + ", expected a " + label);
            }
            keys.add(globalId.key());
        }
        var found = entities.labelsOf(keys);
        var missing = keys.stream().filter(key -> !found.containsKey(key)).toList();
        if (!missing.isEmpty()) {
            throw new NotFoundException(field + ": nothing has the key " + String.join(", ", missing));
        }
        return keys.isEmpty() ? null : List.copyOf(keys);
    }

    private static void set(Map<String, Object> fields, String field, Object value) {
        if (value == null) {
            fields.remove(field);
        } else {
            fields.put(field, value);
        }
    }

    /** The key of a content id; BAD_REQUEST for another kind of id. */
    static String key(String id, String field) {
        if (id == null || !id.startsWith(ID_PREFIX) || !id.substring(ID_PREFIX.length()).matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new BadRequestException(field + ": '" + id + "' is not a content id; they look like 'Content:my-article'");
        }
        return id.substring(ID_PREFIX.length());
    }

    private static String keyOrNull(String id) {
        return id == null ? null : key(id, "id");
    }

    private static OffsetDateTime time(String field, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse((String) value).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(field + ": '" + value + "' is not a date and time with offset, e.g. 2026-12-24T10:00:00+01:00");
        }
    }

    private static String comment(Map<String, Object> input) {
        return (String) input.get("comment");
    }

    private static String json(String text) {
        return JSON.writeValueAsString(text);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
