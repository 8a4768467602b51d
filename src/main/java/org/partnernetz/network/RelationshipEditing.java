package org.partnernetz.network;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import java.util.TreeSet;
import java.util.stream.Stream;

import org.partnernetz.account.Caller;
import org.partnernetz.account.Role;
import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.Label;
import org.partnernetz.graph.RelType;
import org.partnernetz.graphql.BadRequestException;
import org.partnernetz.graphql.GlobalId;
import org.partnernetz.graphql.NotFoundException;
import org.partnernetz.history.ConflictException;
import org.partnernetz.history.Revision;
import org.partnernetz.history.Revisions;
import org.partnernetz.history.TransientFailure;
import org.partnernetz.relationship.Relationship;
import org.partnernetz.seed.EntryRules;
import org.partnernetz.webhook.WebhookOutbox;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adding and removing relationships (an organisation joins a project, a council, a region ...),
 * each one transaction with everything derived from it: the partner membership and the
 * collaborations it touches are re-derived before the commit ({@link PartnerDerivation#refresh},
 * {@link CollaborationDeriver#refresh}), so readers never see the change without them.
 */
@Service
@Transactional
@Retryable(predicate = TransientFailure.class, maxRetries = 6, delay = 50, jitter = 40, multiplier = 2)
public class RelationshipEditing {

    /** The fields of a relationship as the seed names them, in the order revisions list them. */
    private static final List<String> FIELDS = List.of("role", "since", "until", "asOf", "amount", "currency",
            "period", "basis", "note", "sources");

    private final Neo4jClient neo4j;
    private final EntityQueries entities;
    private final Revisions revisions;
    private final PartnerDerivation partners;
    private final CollaborationDeriver collaborations;
    private final WebhookOutbox outbox;

    RelationshipEditing(Neo4jClient neo4j, EntityQueries entities, Revisions revisions, PartnerDerivation partners,
            CollaborationDeriver collaborations, WebhookOutbox outbox) {
        this.neo4j = neo4j;
        this.entities = entities;
        this.revisions = revisions;
        this.partners = partners;
        this.collaborations = collaborations;
        this.outbox = outbox;
    }

    /** What {@code addRelationship} states; {@code from} and {@code to} by seed key or global id. */
    record Add(String type, String from, String to, String role, String since, String until, String asOf,
            Double amount, String currency, String period, String basis, String note, List<String> sources,
            String comment) {
    }

    /** The stable id of a relationship and its facts. */
    record Stated(String id, Relationship relationship) {
    }

    @PreAuthorize("hasRole('EDITOR')")
    public Stated add(Add add, Caller caller) {
        var from = key(add.from());
        var to = key(add.to());
        mayChange(caller, from, to);
        var fields = new HashMap<String, Object>();
        fields.put("type", add.type());
        fields.put("from", from);
        fields.put("to", to);
        fields.put("role", add.role());
        fields.put("since", add.since());
        fields.put("until", add.until());
        fields.put("asOf", add.asOf());
        fields.put("amount", add.amount());
        fields.put("currency", add.currency());
        fields.put("period", add.period());
        fields.put("basis", add.basis() == null ? null : add.basis().toLowerCase(Locale.ROOT));
        fields.put("note", add.note());
        var sources = add.sources() == null ? List.<String>of() : add.sources().stream().map(RelationshipEditing::key).toList();
        fields.put("sources", add.sources() == null ? null : sources);
        var referenced = new ArrayList<String>(sources);
        Stream.of(from, to).filter(java.util.Objects::nonNull).forEach(referenced::add);
        var described = entities.describe(referenced);
        var checked = EntryRules.relationship(fields, "input", key -> label(described, key), key -> kind(described, key));
        if (!checked.problems().isEmpty()) {
            throw new BadRequestException(String.join("; ", checked.problems()));
        }
        // Both ends locked first: two editors adding the same relationship follow each other.
        revisions.lockAll(bothEnds(from, described.get(from).label(), to, described.get(to).label()));
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        var properties = new HashMap<String, Object>(checked.properties());
        properties.values().removeIf(java.util.Objects::isNull);
        // One query: not there yet, no longer marked removed, the version after any earlier one of
        // the same key. The type passed the seed's rules (one of RelType), so it may stand in the text.
        var written = neo4j.query("""
                MATCH (a:Entity {key: $from}), (b:Entity {key: $to})
                WHERE NOT EXISTS { (a)-[:%1$s {key: $key}]->(b) }
                OPTIONAL MATCH (gone:RemovedRelationship {key: $key})
                DELETE gone
                WITH DISTINCT a, b
                CALL () {
                  OPTIONAL MATCH (earlier:Revision {entityKey: $key})
                  RETURN coalesce(max(earlier.version), 0) + 1 AS version
                }
                CREATE (a)-[r:%1$s]->(b)
                SET r = $properties, r.origin = 'api', r.version = version, r.updatedAt = $now, r.updatedBy = $by
                RETURN r""".formatted(add.type()))
                .bind(from).to("from").bind(to).to("to").bind(checked.key()).to("key").bind(properties).to("properties")
                .bind(now).to("now").bind(caller.name()).to("by")
                .fetchAs(Relationship.class).mappedBy((types, record) -> Relationship.from(record.get("r").asRelationship()))
                .one().orElseThrow(() -> new BadRequestException("input: this relationship (type, from, to, role) exists"
                        + " already as " + checked.key() + "; change that one instead"));
        int version = written.version();
        rederive(add.type(), from, to);
        revisions.record(checked.key(), version, now, caller.name(), caller.credential(), add.comment(),
                Revisions.changes(FIELDS, Map.of(), properties));
        announce(checked.key(), add.type(), from, to, version, now, described);
        return new Stated(checked.key(), written);
    }

    /** Removes a relationship the API or the seed stated; {@code version} as for any change. */
    @PreAuthorize("hasRole('EDITOR')")
    public String remove(String id, Integer version, String comment, Caller caller) {
        var found = found(id, version, caller);
        var type = found.type();
        var from = found.from();
        var to = found.to();
        int current = found.version();
        var before = found.properties();
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        // Announced before the delete, so that the region an entry leaves hears of it.
        announce(id, type, from, to, current + 1, now, found.ends());
        neo4j.query("MATCH (:Entity {key: $from})-[r:%s {key: $key}]->(:Entity {key: $to}) DELETE r".formatted(type))
                .bind(from).to("from").bind(to).to("to").bind(id).to("key").run();
        if ("seed".equals(before.get("origin"))) {
            // The seed states it: a re-import must not state it again (SeedImporter skips removed keys).
            neo4j.query("MERGE (t:RemovedRelationship {key: $key}) SET t.at = $now, t.by = $by")
                    .bind(id).to("key").bind(now).to("now").bind(caller.name()).to("by").run();
        }
        rederive(type, from, to);
        List<Revision.FieldChange> changes = Revisions.changes(FIELDS, before, Map.of());
        revisions.record(id, current + 1, now, caller.name(), caller.credential(), comment, changes);
        return id;
    }

    /** The facts {@code updateRelationship} may change; type, ends and role make the id. */
    private static final List<String> UPDATABLE = List.of("since", "until", "asOf", "amount", "currency", "period",
            "basis", "note", "sources");

    /** Properties a stated relationship may carry beyond its fields: the days of its time. */
    private static final List<String> DERIVED = List.of("start", "end", "startText", "endText");

    /**
     * Changes a relationship's facts: input fields left out stay, an empty text or list removes the
     * value; {@code version} as for any change. Re-derives what it feeds, as {@link #add} does.
     */
    @PreAuthorize("hasRole('EDITOR')")
    public Stated update(Map<String, Object> input, Caller caller) {
        var id = (String) input.get("id");
        var found = found(id, input.get("version") instanceof Number number ? number.intValue() : null, caller);
        var type = found.type();
        var from = found.from();
        var to = found.to();
        int current = found.version();
        var before = found.properties();
        var fields = new HashMap<String, Object>();
        fields.put("type", type);
        fields.put("from", from);
        fields.put("to", to);
        fields.put("role", before.get("role"));
        UPDATABLE.forEach(field -> fields.put(field, before.get(field)));
        for (var field : UPDATABLE) {
            if (!input.containsKey(field)) {
                continue;
            }
            Object value = input.get(field);
            if (value instanceof String text) {
                value = text.isBlank() ? null : field.equals("basis") ? text.strip().toLowerCase(Locale.ROOT) : text.strip();
            } else if (value instanceof List<?> list) {
                value = list.isEmpty() ? null : list.stream().map(item -> key(String.valueOf(item))).toList();
            }
            fields.put(field, value);
        }
        @SuppressWarnings("unchecked")
        var sources = fields.get("sources") instanceof List<?> list ? (List<String>) list : List.<String>of();
        var described = new HashMap<>(found.ends());
        if (!sources.isEmpty()) {
            described.putAll(entities.describe(sources));
        }
        var checked = EntryRules.relationship(fields, "input", key -> label(described, key), key -> kind(described, key));
        if (!checked.problems().isEmpty()) {
            throw new BadRequestException(String.join("; ", checked.problems()));
        }
        var after = new HashMap<String, Object>(checked.properties());
        after.values().removeIf(java.util.Objects::isNull);
        var changes = Revisions.changes(FIELDS, before, after);
        if (changes.isEmpty()) {
            return new Stated(id, read(id, type, from, to));
        }
        var values = new HashMap<String, Object>();
        Stream.concat(FIELDS.stream(), DERIVED.stream()).forEach(field -> values.put(field, null));
        values.putAll(after);
        values.remove("key");
        var edited = new java.util.LinkedHashSet<String>();
        if ("seed".equals(before.get("origin"))) {
            if (before.get("editedFields") instanceof List<?> old) {
                old.forEach(field -> edited.add(String.valueOf(field)));
            }
            changes.forEach(change -> edited.add(change.field()));
        }
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        var written = neo4j.query("""
                MATCH (:Entity {key: $from})-[r:%s {key: $key}]->(:Entity {key: $to})
                SET r += $values, r.version = $version, r.updatedAt = $now, r.updatedBy = $by,
                    r.editedFields = CASE WHEN size($edited) > 0 THEN $edited ELSE r.editedFields END
                RETURN r""".formatted(type))
                .bind(from).to("from").bind(to).to("to").bind(id).to("key").bind(values).to("values")
                .bind(current + 1).to("version").bind(now).to("now").bind(caller.name()).to("by")
                .bind(new ArrayList<>(edited)).to("edited")
                .fetchAs(Relationship.class).mappedBy((types, record) -> Relationship.from(record.get("r").asRelationship()))
                .one().orElseThrow();
        rederive(type, from, to);
        revisions.record(id, current + 1, now, caller.name(), caller.credential(), input.get("comment") instanceof String comment
                && !comment.isBlank() ? comment.strip() : null, changes);
        announce(id, type, from, to, current + 1, now, found.ends());
        return new Stated(id, written);
    }

    /** The type and ends an id names ("type|from|to|role"); NOT_FOUND if it names none. */
    private static String[] parts(String id) {
        var parts = id == null ? new String[0] : id.split("\\|", -1);
        if (parts.length < 3 || Stream.of(RelType.values()).noneMatch(type -> type.name().equals(parts[0]))) {
            throw new NotFoundException("No relationship " + id);
        }
        return parts;
    }

    /** A relationship about to change: its type and ends (with their labels and kinds), version and properties. */
    private record Found(String type, String from, String to, int version, Map<String, Object> properties,
            Map<String, EntityQueries.Described> ends) {
    }

    /**
     * The relationship an id names, for a change made against {@code version}: both ends locked (in
     * one query, in key order), the caller's limit and the version checked. Only ties the API
     * states are found: those whose ends are of the kinds their type joins (a region's place in the
     * hierarchy, say, is not one of them).
     */
    private Found found(String id, Integer version, Caller caller) {
        if (version == null) {
            throw new BadRequestException("input.version is required: the version the change was made against");
        }
        // An id is "type|from|to|role": its ends are found by their keys, the relationship among theirs.
        var parts = parts(id);
        var type = parts[0];
        var from = parts[1];
        var to = parts[2];
        mayChange(caller, from, to);
        var ends = entities.describe(List.of(from, to));
        var relType = RelType.valueOf(type);
        if (label(ends, from) == null || label(ends, to) == null || !relType.from().contains(label(ends, from))
                || !relType.to().contains(label(ends, to))) {
            throw new NotFoundException("No relationship " + id);
        }
        revisions.lockAll(bothEnds(from, label(ends, from), to, label(ends, to)));
        var row = neo4j.query("""
                MATCH (:Entity {key: $from})-[r:%s {key: $key}]->(:Entity {key: $to})
                RETURN properties(r) AS properties, coalesce(r.version, 1) AS version""".formatted(type))
                .bind(from).to("from").bind(to).to("to").bind(id).to("key").fetch().one()
                .orElseThrow(() -> new NotFoundException("No relationship " + id));
        int current = ((Number) row.get("version")).intValue();
        if (current != version) {
            throw new ConflictException("Relationship " + id, version, current);
        }
        @SuppressWarnings("unchecked")
        var properties = (Map<String, Object>) row.get("properties");
        return new Found(type, from, to, current, properties, ends);
    }

    private Relationship read(String id, String type, String from, String to) {
        return neo4j.query("MATCH (:Entity {key: $from})-[r:%s {key: $key}]->(:Entity {key: $to}) RETURN r"
                .formatted(type))
                .bind(from).to("from").bind(to).to("to").bind(id).to("key")
                .fetchAs(Relationship.class).mappedBy((types, record) -> Relationship.from(record.get("r").asRelationship()))
                .one().orElseThrow();
    }

    /**
     * Tells webhooks and subscriptions that both ends' relationships changed, in this transaction and
     * one round trip ({@code ends}: their labels, as the change read them; an archived end has none
     * and is left out).
     */
    private void announce(String id, String type, String from, String to, int version, OffsetDateTime now,
            Map<String, EntityQueries.Described> ends) {
        var changes = new TreeSet<>(List.of(from, to)).stream().filter(ends::containsKey)
                .map(end -> new WebhookOutbox.EntityChange(ends.get(end).label(), end, "RELATIONSHIPS", version,
                        List.of(type), null, id))
                .toList();
        outbox.entities(changes, now);
    }

    /**
     * Re-derives what a relationship between {@code from} and {@code to} feeds: who is a partner
     * where (participations, and where a project or event or organisation is), and the pairs linked
     * through the project, event, council or funded body involved.
     */

    private void rederive(String type, String from, String to) {
        var organisations = new TreeSet<String>();
        var contexts = new TreeSet<String>();
        switch (type) {
            case "PARTICIPATES_IN" -> {
                organisations.add(from);
                contexts.add(to);
            }
            case "MEMBER_OF", "FUNDS" -> contexts.add(to);
            case "LOCATED_IN", "ACTIVE_IN" -> {
                // Where something is: its own partner membership if it is an organisation, that of
                // whoever takes part in it, and its links if it is a context of collaborations.
                var affected = neo4j.query("""
                        MATCH (c:Entity {key: $key})
                        RETURN CASE WHEN c:Organisation THEN [c.key] ELSE [] END
                                   + COLLECT { MATCH (o:Organisation)-[:PARTICIPATES_IN]->(c) RETURN o.key } AS organisations,
                               %s AS context""".formatted(ContextFacts.IS_CONTEXT))
                        .bind(from).to("key").fetch().one().orElseThrow();
                @SuppressWarnings("unchecked")
                var members = (List<String>) affected.get("organisations");
                organisations.addAll(members);
                if (Boolean.TRUE.equals(affected.get("context"))) {
                    contexts.add(from);
                }
            }
            default -> {
                // Other relationships feed no derived facts.
            }
        }
        if (!organisations.isEmpty()) {
            partners.refresh(organisations);
        }
        if (!contexts.isEmpty()) {
            collaborations.refresh(contexts);
        }
    }

    /** An editor limited to some organisations changes only relationships of theirs. */
    private static void mayChange(Caller caller, String from, String to) {
        if (caller.role() == Role.EDITOR && !caller.organisations().isEmpty()
                && !caller.organisations().contains(from) && !caller.organisations().contains(to)) {
            throw new AccessDeniedException("outside this editor's organisations");
        }
    }

    private static String key(String reference) {
        if (reference == null) {
            return null;
        }
        return GlobalId.looksLikeGlobalId(reference) ? GlobalId.parse(reference).key() : reference;
    }

    /** The ends of a tie to lock, key to label (one entry if a tie joins a thing to itself). */
    private static Map<String, String> bothEnds(String from, Label fromLabel, String to, Label toLabel) {
        var ends = new HashMap<String, String>();
        ends.put(from, fromLabel.name());
        ends.put(to, toLabel.name());
        return ends;
    }

    private static Label label(Map<String, EntityQueries.Described> described, String key) {
        var found = described.get(key);
        return found == null ? null : found.label();
    }

    private static String kind(Map<String, EntityQueries.Described> described, String key) {
        var found = described.get(key);
        return found == null ? null : found.kind();
    }

}
