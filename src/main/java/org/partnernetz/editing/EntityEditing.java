package org.partnernetz.editing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.neo4j.driver.types.Node;
import org.partnernetz.account.Caller;
import org.partnernetz.account.Role;
import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.GraphObject;
import org.partnernetz.graph.Label;
import org.partnernetz.graph.Nodes;
import org.partnernetz.graph.SearchText;
import org.partnernetz.graphql.BadRequestException;
import org.partnernetz.graphql.GlobalId;
import org.partnernetz.graphql.NotFoundException;
import org.partnernetz.history.ConflictException;
import org.partnernetz.history.Revision;
import org.partnernetz.history.Revisions;
import org.partnernetz.history.TransientFailure;
import org.partnernetz.seed.EntryRules;
import org.partnernetz.webhook.WebhookOutbox;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, changing, archiving, restoring and merging the entries of the network (organisations,
 * projects, events, people, sources, figures; regions by admins), one transaction each. The fields
 * are those of the entry's seed file and pass the seed's rules ({@link EntryRules}); what is written
 * is what the import would write for that entry, so the API and the seed cannot drift apart. Every
 * change takes the entry's write lock, checks the version it was made against, writes a revision,
 * and lets the features re-derive what it feeds ({@link EntryChanges}) before the commit.
 *
 * <p>Archived entries keep their key and ties but lose their kind label (they carry
 * {@code :Archived} and {@code archivedLabel}), so no public read finds them. A merged duplicate
 * is removed after its ties move to the survivor; a {@code :MergedEntity} keeps its key, so its
 * id still resolves ({@link EntityQueries}) and the import maps the seed's entry onto the survivor.
 */
@Service
@Transactional
@Retryable(predicate = TransientFailure.class, maxRetries = 6, delay = 50, jitter = 40, multiplier = 2)
public class EntityEditing {

    /** What a seed key looks like, as the seed's rules have it. */
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Input fields that are not the entry's own. */
    private static final Set<String> CONTROL = Set.of("version", "comment");

    /** Inputs in GraphQL enum case that the seed writes in lower case. */
    private static final Set<String> LOWER_CASE = Set.of("basis", "dateBasis", "parentBasis");

    /** Links an update may replace (the others are set when the entry is created). */
    private static final Set<String> UPDATABLE_LINKS = Set.of("sources");

    private final Neo4jClient neo4j;
    private final EntityQueries entities;
    private final Nodes nodes;
    private final Revisions revisions;
    private final List<EntryChanges> derived;
    private final WebhookOutbox outbox;

    EntityEditing(Neo4jClient neo4j, EntityQueries entities, Nodes nodes, Revisions revisions,
            List<EntryChanges> derived, WebhookOutbox outbox) {
        this.neo4j = neo4j;
        this.entities = entities;
        this.nodes = nodes;
        this.revisions = revisions;
        this.derived = derived;
        this.outbox = outbox;
    }

    /** The fields a revision of this kind lists and an update may change, as the seed names them. */
    public static List<String> fields(Label kind) {
        return EntryRules.fields(kind).stream()
                .filter(field -> !field.equals("key") && !field.equals("identity")
                        && (!EntryRules.isLink(field) || UPDATABLE_LINKS.contains(field)))
                .toList();
    }

    /**
     * Creates an entry of {@code kind} from the input's fields (named as in its seed file; a
     * {@code key} may be given, else one is made from its name).
     */
    @PreAuthorize("hasRole('EDITOR')")
    public GraphObject create(Label kind, Map<String, Object> input, Caller caller) {
        mayEdit(kind, null, caller);
        var fields = given(kind, input, true);
        var given = (String) fields.remove("key");
        var key = given == null ? freeKey(fields) : given.strip();
        if (given != null) {
            if (!KEY.matcher(key).matches()) {
                throw new BadRequestException("input.key: '" + key + "' must be lower-case kebab-case ([a-z0-9], single hyphens)");
            }
            if (!taken(key, false).isEmpty()) {
                throw new BadRequestException("input.key: '" + key + "' is taken; choose another");
            }
        }
        fields.put("key", key);
        var checked = check(kind, key, fields);
        var now = now();
        var written = neo4j.query("""
                CREATE (n:Entity:%s)
                SET n = $properties, n.origin = 'api', n.version = 1, n.updatedAt = $now, n.updatedBy = $by
                RETURN n""".formatted(kind))
                .bind(checked.properties()).to("properties").bind(now).to("now").bind(caller.name()).to("by")
                .fetchAs(Node.class).mappedBy((types, record) -> record.get("n").asNode()).one().orElseThrow();
        writeImplied(checked.implied(), now, caller);
        var changes = Revisions.changes(fields(kind), Map.of(), fields);
        revisions.record(key, 1, now, caller.name(), caller.credential(), comment(input), changes);
        announce(kind, key, "CREATED", 1, changes, null, now);
        var created = key;
        derived.forEach(facts -> facts.tiesChanged(List.of(created)));
        return nodes.toObject(written);
    }

    /**
     * Changes an entry: input fields left out stay, an empty text or list removes the value;
     * {@code version} must be the entry's current one. {@code reference}: global id, key or slug.
     */
    @PreAuthorize("hasRole('EDITOR')")
    public GraphObject update(Label kind, String reference, Map<String, Object> input, Caller caller) {
        var version = version(input);
        var key = find(kind, reference, caller);
        mayEdit(kind, key, caller);
        var locked = lock(kind, key, version, reference);
        var before = current(kind, key, locked.properties());
        var after = new HashMap<String, Object>(before);
        given(kind, input, false).forEach((field, value) -> {
            if (value == null) {
                after.remove(field);
            } else {
                after.put(field, value);
            }
        });
        return write(kind, key, locked, before, after, comment(input), caller);
    }

    /** Brings an entry's fields back to what they were at {@code revision}, as a new change. */
    @PreAuthorize("hasRole('EDITOR')")
    public GraphObject restoreRevision(String id, int revision, Integer expected, String comment, Caller caller) {
        var kind = kindOf(id);
        var key = find(kind, id, caller);
        if (!key.equals(GlobalId.parse(id).key())) {
            // A merged duplicate's id leads to its survivor, whose versions are not the duplicate's.
            throw new BadRequestException("input.id: " + id + " was merged into " + kind + ":" + key
                    + "; its history stays with its own key");
        }
        mayEdit(kind, key, caller);
        var locked = lock(kind, key, expected, id);
        if (revision < 1 || revision > locked.version()) {
            throw new BadRequestException("input.revision: " + id + " has versions 1 to " + locked.version());
        }
        var before = current(kind, key, locked.properties());
        var after = at(kind, key, before, revision);
        return write(kind, key, locked, before, after, comment == null
                ? "restores version " + revision : comment, caller);
    }

    /** The fields that differ between two versions of an entry, from the older to the newer value. */
    @Transactional(readOnly = true)
    public List<Revision.FieldChange> diff(String id, int from, int to) {
        var kind = kindOf(id);
        var key = entities.findKey(kind, id).filter(found -> found.equals(GlobalId.parse(id).key()))
                .orElseThrow(() -> new NotFoundException("No " + kind + " " + id));
        var node = node(key);
        int version = node.get("version").isNull() ? 1 : node.get("version").asInt();
        if (from < 1 || to < 1 || from > version || to > version) {
            throw new BadRequestException("from, to: " + id + " has versions 1 to " + version);
        }
        var now = current(kind, key, node.asMap());
        return Revisions.changes(fields(kind), at(kind, key, now, from), at(kind, key, now, to));
    }

    /** Hides an entry from public reads, with its ties; {@link #restore} brings it back. */
    @PreAuthorize("hasRole('EDITOR')")
    public int archive(String id, Integer expected, String comment, Caller caller) {
        var kind = kindOf(id);
        var key = find(kind, id, caller);
        mayEdit(kind, null, caller);
        refuseRegionInUse(kind, key);
        var locked = lock(kind, key, expected, id);
        int version = locked.version() + 1;
        var now = now();
        neo4j.query("""
                MATCH (n:Entity {key: $key})
                REMOVE n:%s
                SET n:Archived, n.archivedLabel = $label, n.archivedAt = $now, n.archivedBy = $by,
                    n.version = $version, n.updatedAt = $now, n.updatedBy = $by""".formatted(kind))
                .bind(key).to("key").bind(kind.name()).to("label").bind(now).to("now").bind(caller.name()).to("by")
                .bind(version).to("version").run();
        var archived = List.of(new Revision.FieldChange("archived", "false", "true"));
        revisions.record(key, version, now, caller.name(), caller.credential(), blankToNull(comment), archived);
        announce(kind, key, "ARCHIVED", version, archived, null, now);
        derived.forEach(facts -> facts.tiesChanged(List.of(key)));
        return version;
    }

    /** Brings an archived entry back into the public graph, as it was. */
    @PreAuthorize("hasRole('EDITOR')")
    public GraphObject restore(String id, Integer expected, String comment, Caller caller) {
        var kind = kindOf(id);
        mayEdit(kind, null, caller);
        var key = GlobalId.parse(id).key();
        if (expected == null) {
            throw new BadRequestException("input.version is required: the version the change was made against");
        }
        var found = neo4j.query("""
                MATCH (n:Archived:Entity {key: $key}) WHERE n.archivedLabel = $label
                SET n.lockedBy = randomUUID()
                REMOVE n.lockedBy
                RETURN coalesce(n.version, 1) AS version""")
                .bind(key).to("key").bind(kind.name()).to("label").fetchAs(Integer.class).one()
                .orElseThrow(() -> new NotFoundException("No archived " + kind + " " + id));
        if (found.intValue() != expected) {
            throw new ConflictException(kind + " " + key, expected, found);
        }
        int version = found + 1;
        var now = now();
        neo4j.query("""
                MATCH (n:Archived:Entity {key: $key})
                REMOVE n:Archived, n.archivedLabel, n.archivedAt, n.archivedBy
                SET n:%s, n.version = $version, n.updatedAt = $now, n.updatedBy = $by""".formatted(kind))
                .bind(key).to("key").bind(version).to("version").bind(now).to("now").bind(caller.name()).to("by").run();
        var restored = List.of(new Revision.FieldChange("archived", "true", "false"));
        revisions.record(key, version, now, caller.name(), caller.credential(), blankToNull(comment), restored);
        announce(kind, key, "RESTORED", version, restored, null, now);
        derived.forEach(facts -> facts.tiesChanged(List.of(key)));
        return read(key);
    }

    /**
     * Merges {@code duplicate} into {@code survivor} (same kind): every tie and document of the
     * duplicate moves to the survivor (a tie both had keeps the survivor's facts and gains the
     * duplicate's sources), the duplicate's names become the survivor's aliases where its kind has
     * them, and the duplicate's id resolves to the survivor from then on.
     */
    @PreAuthorize("hasRole('EDITOR')")
    public GraphObject merge(String survivorId, Integer survivorVersion, String duplicateId, Integer duplicateVersion,
            String comment, Caller caller) {
        var kind = kindOf(survivorId);
        if (kindOf(duplicateId) != kind) {
            throw new BadRequestException("input.duplicate: only entries of one kind merge (" + kind + ")");
        }
        mayEdit(kind, null, caller);
        var survivor = find(kind, survivorId, caller);
        var duplicate = find(kind, duplicateId, caller);
        if (survivor.equals(duplicate)) {
            throw new BadRequestException("input.duplicate: an entry does not merge with itself");
        }
        refuseRegionInUse(kind, duplicate);
        // Locked in key order, so two merges of the same pair cannot wait for each other.
        Revisions.Locked kept = null;
        Revisions.Locked gone = null;
        for (var key : new TreeSet<>(List.of(survivor, duplicate))) {
            var locked = lock(kind, key, key.equals(survivor) ? survivorVersion : duplicateVersion,
                    key.equals(survivor) ? "input.survivorVersion" : "input.duplicateVersion");
            if (key.equals(survivor)) {
                kept = locked;
            } else {
                gone = locked;
            }
        }
        var before = current(kind, survivor, kept.properties());
        var goneFields = current(kind, duplicate, gone.properties());
        var now = now();
        // Announced while the duplicate still has its ties, so the regions it was in hear of it.
        var mergedInto = List.of(new Revision.FieldChange("mergedInto", null, "\"" + survivor + "\""));
        announce(kind, duplicate, "MERGED", gone.version() + 1, mergedInto, survivor, now);
        var citing = new TieMove(neo4j).move(duplicate, survivor, kind == Label.Source);
        var after = new HashMap<String, Object>(before);
        if (fields(kind).contains("aliases")) {
            var aliases = new LinkedHashSet<String>(strings(before.get("aliases")));
            for (var name : List.of("name", "shortName")) {
                if (goneFields.get(name) instanceof String text && !text.equals(before.get("name"))) {
                    aliases.add(text);
                }
            }
            aliases.addAll(strings(goneFields.get("aliases")));
            aliases.remove(before.get("name"));
            after.put("aliases", List.copyOf(aliases));
        }
        var extra = new ArrayList<Revision.FieldChange>();
        if (fields(kind).contains("sources")) {
            // The documents moved with the ties: the survivor's revision names them, the write leaves them.
            var sources = new TreeSet<String>(strings(before.get("sources")));
            sources.addAll(strings(goneFields.get("sources")));
            after.put("sources", List.copyOf(sources));
            extra.addAll(Revisions.changes(List.of("sources"), before, after));
            before.put("sources", List.copyOf(sources));
        }
        extra.addAll(Revisions.changes(List.of("mergedFrom"), Map.of(), Map.of("mergedFrom", duplicate)));
        neo4j.query("""
                MATCH (gone:Entity {key: $duplicate})
                MERGE (m:MergedEntity {key: $duplicate})
                SET m.into = $survivor, m.label = $label, m.name = coalesce(gone.name, gone.title, gone.label),
                    m.at = $now, m.by = $by, m.version = $version
                WITH m
                OPTIONAL MATCH (earlier:MergedEntity {into: $duplicate})
                SET earlier.into = $survivor""")
                .bind(duplicate).to("duplicate").bind(survivor).to("survivor").bind(kind.name()).to("label")
                .bind(now).to("now").bind(caller.name()).to("by").bind(gone.version() + 1).to("version").run();
        revisions.record(duplicate, gone.version() + 1, now, caller.name(), caller.credential(), blankToNull(comment),
                mergedInto);
        var result = write(kind, survivor, kept, before, after, comment == null
                ? "merges " + duplicate : comment, caller, extra);
        // Re-derived while the duplicate, now without ties, still exists: its memberships go with their counts.
        var around = new ArrayList<String>(List.of(survivor, duplicate));
        around.addAll(citing);
        derived.forEach(facts -> facts.tiesChanged(around));
        neo4j.query("MATCH (gone:Entity {key: $key}) DETACH DELETE gone").bind(duplicate).to("key").run();
        return result;
    }

    private GraphObject write(Label kind, String key, Revisions.Locked locked, Map<String, Object> before,
            Map<String, Object> after, String comment, Caller caller) {
        return write(kind, key, locked, before, after, comment, caller, List.of());
    }

    /**
     * Writes an entry's new fields, as the import would write them, with the revision; unchanged
     * fields leave the entry as it is. {@code locked}: the entry as its write lock found it.
     */
    private GraphObject write(Label kind, String key, Revisions.Locked locked, Map<String, Object> before,
            Map<String, Object> after, String comment, Caller caller, List<Revision.FieldChange> extra) {
        var changes = new ArrayList<>(Revisions.changes(fields(kind), before, after));
        if (changes.isEmpty() && extra.isEmpty()) {
            return read(key);
        }
        changes.addAll(extra);
        var checked = check(kind, key, after);
        var values = new HashMap<String, Object>();
        EntryRules.nodeProperties(kind).forEach(property -> values.put(property, null));
        values.putAll(checked.properties());
        values.remove("key");
        int version = locked.version() + 1;
        var now = now();
        var edited = new ArrayList<String>();
        if ("seed".equals(locked.properties().get("origin"))) {
            var seen = new LinkedHashSet<String>(strings(locked.properties().get("editedFields")));
            changes.stream().map(Revision.FieldChange::field).filter(EntryRules.nodeProperties(kind)::contains)
                    .forEach(seen::add);
            edited.addAll(seen);
        }
        var written = neo4j.query("""
                MATCH (n:Entity {key: $key})
                SET n += $values, n.version = $version, n.updatedAt = $now, n.updatedBy = $by,
                    n.editedFields = CASE WHEN size($edited) > 0 THEN $edited ELSE n.editedFields END
                RETURN n""")
                .bind(key).to("key").bind(values).to("values").bind(version).to("version").bind(now).to("now")
                .bind(caller.name()).to("by").bind(edited).to("edited")
                .fetchAs(Node.class).mappedBy((types, record) -> record.get("n").asNode()).one().orElseThrow();
        if (!Objects.equals(strings(before.get("sources")), strings(after.get("sources")))
                && fields(kind).contains("sources")) {
            mentions(key, strings(before.get("sources")), strings(after.get("sources")), now, caller);
        }
        revisions.record(key, version, now, caller.name(), caller.credential(), blankToNull(comment), changes);
        announce(kind, key, "UPDATED", version, changes, null, now);
        var changed = new TreeSet<String>();
        changes.forEach(change -> changed.add(change.field()));
        derived.forEach(facts -> facts.fieldsChanged(kind, key, changed));
        return nodes.toObject(written);
    }

    /** Tells webhooks and subscriptions of the change, in its transaction ({@link WebhookOutbox#entity}). */
    private void announce(Label kind, String key, String change, int version, List<Revision.FieldChange> changes,
            String mergedInto, OffsetDateTime now) {
        var fields = changes.stream().map(Revision.FieldChange::field).distinct().toList();
        outbox.entity(new WebhookOutbox.EntityChange(kind, key, change, version, fields, mergedInto, null), now);
    }

    /** Replaces which documents mention an entry; a seeded mention removed stays removed on re-import. */
    private void mentions(String key, List<String> before, List<String> after, OffsetDateTime now, Caller caller) {
        var removed = before.stream().filter(source -> !after.contains(source)).toList();
        var added = after.stream().filter(source -> !before.contains(source)).toList();
        neo4j.query("""
                UNWIND $removed AS source
                MATCH (:Entity {key: source})-[m:MENTIONS]->(:Entity {key: $key})
                FOREACH (seeded IN CASE WHEN m.origin = 'seed' THEN [m.key] ELSE [] END |
                  MERGE (t:RemovedRelationship {key: seeded}) SET t.at = $now, t.by = $by)
                DELETE m""")
                .bind(removed).to("removed").bind(key).to("key").bind(now).to("now").bind(caller.name()).to("by").run();
        var rows = added.stream().map(source -> Map.<String, Object>of("from", source, "to", key, "props",
                Map.of("key", "MENTIONS|" + source + "|" + key, "basis", "stated", "sources", List.of(source))))
                .toList();
        writeImplied(Map.of("MENTIONS", rows), now, caller);
    }

    /** Writes relationships an entry implies (rows as {@link EntryRules.CheckedEntry#implied}). */
    private void writeImplied(Map<String, List<Map<String, Object>>> implied, OffsetDateTime now, Caller caller) {
        // Types come from the seed's own rows (MENTIONS, PART_OF, ABOUT ...), never from input.
        implied.forEach((type, rows) -> neo4j.query("""
                UNWIND $rows AS row
                MATCH (a:Entity {key: row.from}), (b:Entity {key: row.to})
                MERGE (a)-[r:%s {key: row.props.key}]->(b)
                SET r += row.props, r.origin = 'api', r.version = 1, r.updatedAt = $now, r.updatedBy = $by"""
                .formatted(type))
                .bind(rows).to("rows").bind(now).to("now").bind(caller.name()).to("by").run());
    }

    /** The entry by the seed's rules, with the documents and keys it refers to looked up in the graph. */
    private EntryRules.CheckedEntry check(Label kind, String key, Map<String, Object> fields) {
        var referenced = new TreeSet<String>();
        for (var field : List.of("sources", "parents", "partial", "parentSources", "identitySources")) {
            referenced.addAll(strings(fields.get(field)));
        }
        for (var field : List.of("about", "region")) {
            if (fields.get(field) instanceof String ref) {
                referenced.add(ref);
            }
        }
        var labels = entities.labelsOf(referenced);
        var entry = new HashMap<String, Object>(fields);
        entry.put("key", key);
        var checked = EntryRules.entry(kind, entry, "input", labels::get);
        if (!checked.problems().isEmpty()) {
            throw new BadRequestException(String.join("; ", checked.problems()));
        }
        var slug = (String) checked.properties().get("slug");
        // Archived entries keep their slugs, so that they can come back.
        boolean slugTaken = neo4j.query("""
                RETURN EXISTS { MATCH (n:%s {slug: $slug}) WHERE n.key <> $key }
                    OR EXISTS { MATCH (n:Archived {slug: $slug}) WHERE n.archivedLabel = $label AND n.key <> $key }"""
                .formatted(kind)).bind(slug).to("slug").bind(key).to("key").bind(kind.name()).to("label")
                .fetchAs(Boolean.class).one().orElse(false);
        if (slugTaken) {
            throw new BadRequestException("input.slug: another " + kind.name().toLowerCase(Locale.ROOT)
                    + " has the slug '" + slug + "'");
        }
        return checked;
    }

    /**
     * An entry's fields as its seed file would hold them: the node's properties and, for the link
     * fields, its ties (mentions, region parents, a figure's subject and region).
     */
    private Map<String, Object> current(Label kind, String key, Map<String, Object> properties) {
        var fields = new HashMap<String, Object>();
        for (var field : EntryRules.fields(kind)) {
            if (!EntryRules.isLink(field) && properties.get(field) != null) {
                fields.put(field, properties.get(field));
            }
        }
        if (properties.get("slug") != null && !properties.get("slug").equals(key)) {
            fields.put("slug", properties.get("slug"));
        }
        if (kind == Label.Organisation && properties.get("identityBasis") != null) {
            var identity = new HashMap<String, Object>();
            identity.put("basis", properties.get("identityBasis"));
            identity.put("names", properties.get("identityNames"));
            identity.put("note", properties.get("identityNote"));
            identity.put("sources", properties.get("identitySources"));
            fields.put("identity", identity);
        }
        var links = neo4j.query("""
                MATCH (n:Entity {key: $key})
                RETURN COLLECT { MATCH (s:Source)-[:MENTIONS]->(n) RETURN s.key ORDER BY s.key } AS sources,
                       COLLECT { MATCH (n)-[:PART_OF]->(p:Region) RETURN p.key ORDER BY p.key } AS parents,
                       COLLECT { MATCH (n)-[r:PART_OF]->(p:Region) WHERE r.partial RETURN p.key ORDER BY p.key } AS partial,
                       head(COLLECT { MATCH (n)-[r:PART_OF]->(:Region) RETURN r {.sources, .basis, .note} }) AS parentTie,
                       head(COLLECT { MATCH (n)-[:ABOUT]->(a) RETURN a.key }) AS about,
                       head(COLLECT { MATCH (n)-[:COUNTED_IN]->(a) RETURN a.key }) AS region""")
                .bind(key).to("key").fetch().one().orElseThrow();
        var names = EntryRules.fields(kind);
        if (names.contains("sources")) {
            fields.put("sources", links.get("sources"));
        }
        if (kind == Label.Region) {
            fields.put("parents", links.get("parents"));
            fields.put("partial", links.get("partial"));
            if (links.get("parentTie") instanceof Map<?, ?> tie) {
                fields.put("parentSources", tie.get("sources"));
                fields.put("parentBasis", tie.get("basis"));
                fields.put("parentNote", tie.get("note"));
            }
        }
        if (kind == Label.Figure) {
            fields.put("about", links.get("about"));
            fields.put("region", links.get("region"));
        }
        fields.values().removeIf(Objects::isNull);
        return fields;
    }

    /**
     * An entry's fields at an earlier version: from {@code now}, each later revision's changes taken
     * back, newest first.
     */
    private Map<String, Object> at(Label kind, String key, Map<String, Object> now, int version) {
        var state = new HashMap<String, Object>(now);
        var known = fields(kind);
        for (var revision : revisions.after(key, version)) {
            for (var change : revision.changes()) {
                if (!known.contains(change.field())) {
                    continue;
                }
                var value = Revisions.value(change.from());
                if (value == null) {
                    state.remove(change.field());
                } else {
                    state.put(change.field(), value);
                }
            }
        }
        return state;
    }

    /** The input's fields of this kind, as the seed writes them: ids as keys, blanks as null (remove). */
    private static Map<String, Object> given(Label kind, Map<String, Object> input, boolean creating) {
        var allowed = new TreeSet<>(creating ? EntryRules.fields(kind) : fields(kind));
        allowed.remove("identity");
        var fields = new LinkedHashMap<String, Object>();
        input.forEach((field, value) -> {
            if (CONTROL.contains(field) || !allowed.contains(field)) {
                return;
            }
            Object normal = value;
            if (value instanceof String text) {
                var stripped = text.strip();
                normal = stripped.isEmpty() ? null
                        : LOWER_CASE.contains(field) ? stripped.toLowerCase(Locale.ROOT) : keyOf(field, stripped);
            } else if (value instanceof List<?> list) {
                normal = list.isEmpty() ? null : list.stream().map(item -> keyOf(field, String.valueOf(item).strip()))
                        .toList();
            } else if (value instanceof Number number && !(value instanceof Double)) {
                normal = number.doubleValue();
            }
            fields.put(field, normal);
        });
        if (creating) {
            fields.values().removeIf(Objects::isNull);
        }
        return fields;
    }

    /** A reference field's global id as the seed key it names. */
    private static String keyOf(String field, String value) {
        boolean reference = EntryRules.isLink(field);
        return reference && GlobalId.looksLikeGlobalId(value) ? GlobalId.parse(value).key() : value;
    }

    /** A key made from the entry's name: its folded words joined by hyphens, numbered if taken. */
    private String freeKey(Map<String, Object> fields) {
        var name = fields.get("name") != null ? fields.get("name") : fields.get("title") != null ? fields.get("title")
                : fields.getOrDefault("label", fields.get("metric"));
        var base = name == null ? "" : SearchText.slug(String.valueOf(name));
        if (base.isEmpty()) {
            base = "entry";
        }
        // Every taken key that begins like this one, in one read; then the first free of base, base-2, ...
        var taken = taken(base, true);
        var key = base;
        for (int n = 2; taken.contains(key); n++) {
            key = base + "-" + n;
        }
        return key;
    }

    /**
     * The keys that name an entry, an archived one, a merged duplicate, or one with a history:
     * {@code key} itself if it is one, or with {@code asPrefix} every such key that begins with it.
     * A key with a history (an entry a re-import removed) stays taken too: its revisions name it.
     * (The condition on the version lets the revisions' (entityKey, version) index serve a prefix.)
     */
    private Set<String> taken(String key, boolean asPrefix) {
        var match = asPrefix ? "STARTS WITH $key" : "= $key";
        return Set.copyOf(neo4j.query("""
                CALL () {
                  MATCH (n:Entity) WHERE n.key %1$s RETURN n.key AS key
                  UNION
                  MATCH (m:MergedEntity) WHERE m.key %1$s RETURN m.key AS key
                  UNION
                  MATCH (r:Revision) WHERE r.entityKey %1$s AND r.version IS NOT NULL RETURN r.entityKey AS key
                }
                RETURN key""".formatted(match))
                .bind(key).to("key").fetchAs(String.class).all());
    }

    private String find(Label kind, String reference, Caller caller) {
        var key = entities.findKey(kind, reference);
        if (key.isEmpty()) {
            if (limited(caller)) {
                // A limited editor learns nothing about what exists beyond its own organisations.
                throw new AccessDeniedException("outside this editor's organisations");
            }
            throw new NotFoundException("No " + kind.name().toLowerCase(Locale.ROOT) + " " + reference);
        }
        return key.get();
    }

    private Revisions.Locked lock(Label kind, String key, Integer expected, String what) {
        if (expected == null) {
            throw new BadRequestException("input.version is required: the version the change was made against");
        }
        var locked = revisions.lock(kind.name(), key).orElseThrow(() -> new NotFoundException("No " + kind + " " + key));
        if (locked.version() != expected) {
            throw new ConflictException(kind + " " + key, expected, locked.version());
        }
        return locked;
    }

    /**
     * A region that anything lies, is located or is active in stays: taking it out of the hierarchy
     * would change the partners and collaborations of every region above it. Its ties go first.
     */
    private void refuseRegionInUse(Label kind, String key) {
        if (kind != Label.Region) {
            return;
        }
        boolean used = neo4j.query("""
                MATCH (r:Entity {key: $key})
                RETURN EXISTS { (r)<-[:LOCATED_IN|ACTIVE_IN|PART_OF]-() } AS used""")
                .bind(key).to("key").fetchAs(Boolean.class).one().orElse(false);
        if (used) {
            throw new BadRequestException("input.id: region " + key + " has regions, organisations, projects or events"
                    + " in it; move or remove those ties first");
        }
    }

    /**
     * Regions are the admins'; an editor limited to some organisations changes only those, and
     * creates, archives and merges nothing.
     */
    private static void mayEdit(Label kind, String organisation, Caller caller) {
        if (kind == Label.Region && caller.role() != Role.ADMIN) {
            throw new AccessDeniedException("regions are changed by admins");
        }
        if (limited(caller) && (kind != Label.Organisation || organisation == null
                || !caller.organisations().contains(organisation))) {
            throw new AccessDeniedException("outside this editor's organisations");
        }
    }

    private static boolean limited(Caller caller) {
        return caller.role() == Role.EDITOR && !caller.organisations().isEmpty();
    }

    private static Label kindOf(String id) {
        if (id == null || !GlobalId.looksLikeGlobalId(id)) {
            throw new BadRequestException("input.id must be a global id, e.g. Organisation:whkt");
        }
        var kind = GlobalId.parse(id).label();
        if (!EntryRules.editable(kind)) {
            throw new BadRequestException("input.id: " + kind + " entries are changed in graph-seed/");
        }
        return kind;
    }

    private static int version(Map<String, Object> input) {
        if (!(input.get("version") instanceof Number number)) {
            throw new BadRequestException("input.version is required: the version the change was made against");
        }
        return number.intValue();
    }

    private static String comment(Map<String, Object> input) {
        return input.get("comment") instanceof String text ? blankToNull(text) : null;
    }

    private GraphObject read(String key) {
        return nodes.toObject(node(key));
    }

    private Node node(String key) {
        return neo4j.query("MATCH (n:Entity {key: $key}) RETURN n").bind(key).to("key")
                .fetchAs(Node.class).mappedBy((types, record) -> record.get("n").asNode()).one().orElseThrow();
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
