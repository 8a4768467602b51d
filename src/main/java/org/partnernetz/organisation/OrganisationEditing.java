package org.partnernetz.organisation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.partnernetz.account.Caller;
import org.partnernetz.account.Role;
import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.Label;
import org.partnernetz.graph.SearchText;
import org.partnernetz.graphql.BadRequestException;
import org.partnernetz.graphql.NotFoundException;
import org.partnernetz.history.ConflictException;
import org.partnernetz.history.Revisions;
import org.partnernetz.seed.EntryRules;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing organisations: the feature's write boundary. One change is one transaction: the entity's
 * write lock, the version check, the seed's rules, the new values with their search and sort keys,
 * and the revision; any error rolls all of it back.
 */
@Service
@Transactional
public class OrganisationEditing {

    /** The fields an update may change, as the seed names them. */
    static final List<String> FIELDS = List.of("name", "shortName", "aliases", "kind", "description", "descriptionEn",
            "website", "basis", "note");

    private final Neo4jClient neo4j;
    private final EntityQueries entities;
    private final Revisions revisions;

    OrganisationEditing(Neo4jClient neo4j, EntityQueries entities, Revisions revisions) {
        this.neo4j = neo4j;
        this.entities = entities;
        this.revisions = revisions;
    }

    /**
     * The changes of {@code updateOrganisation}: fields left null stay as they are; an empty text or
     * list removes the value. {@code version}: the version the change was made against.
     */
    record Update(String organisation, Integer version, String name, String shortName, List<String> aliases,
            String kind, String description, String descriptionEn, String website, String basis, String note,
            String comment) {

        Map<String, Object> given() {
            var given = new HashMap<String, Object>();
            given.put("name", name);
            given.put("shortName", shortName);
            given.put("aliases", aliases);
            given.put("kind", kind);
            given.put("description", description);
            given.put("descriptionEn", descriptionEn);
            given.put("website", website);
            given.put("basis", basis == null ? null : basis.toLowerCase(Locale.ROOT));
            given.put("note", note);
            given.values().removeIf(java.util.Objects::isNull);
            return given;
        }
    }

    @PreAuthorize("hasRole('EDITOR')")
    public Organisation update(Update update, Caller caller) {
        if (update.version() == null) {
            throw new BadRequestException("input.version is required: the version the change was made against");
        }
        boolean limited = caller.role() == Role.EDITOR && !caller.organisations().isEmpty();
        String key;
        try {
            key = entities.resolveKey(Label.Organisation, update.organisation(), "input.organisation");
        } catch (NotFoundException e) {
            // A limited editor learns nothing about what exists beyond its own organisations.
            throw limited ? new AccessDeniedException("outside this editor's organisations") : e;
        }
        if (limited && !caller.organisations().contains(key)) {
            throw new AccessDeniedException("outside this editor's organisations");
        }
        var locked = revisions.lock(Label.Organisation.name(), key)
                .orElseThrow(() -> new NotFoundException("No organisation " + update.organisation()));
        if (locked.version() != update.version()) {
            throw new ConflictException("Organisation " + key, update.version(), locked.version());
        }
        var before = locked.properties();
        var after = new HashMap<String, Object>(before);
        update.given().forEach((field, value) -> {
            if ((value instanceof String text && text.isBlank()) || (value instanceof List<?> list && list.isEmpty())) {
                after.remove(field);
            } else {
                after.put(field, value instanceof String text ? text.strip() : value);
            }
        });
        var changes = Revisions.changes(FIELDS, before, after);
        if (changes.isEmpty()) {
            return Organisation.from(node(key));
        }
        check(key, after);
        int version = locked.version() + 1;
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        var values = new HashMap<String, Object>();
        FIELDS.forEach(field -> values.put(field, after.get(field)));
        @SuppressWarnings("unchecked")
        var aliases = (List<String>) after.getOrDefault("aliases", List.of());
        values.put("sortName", SearchText.fold((String) after.get("name")));
        values.put("searchText", SearchText.of(Stream.concat(
                Stream.of((String) after.get("name"), (String) after.get("shortName")), aliases.stream())));
        var edited = new LinkedHashSet<String>();
        if ("seed".equals(before.get("origin"))) {
            if (before.get("editedFields") instanceof List<?> old) {
                old.forEach(field -> edited.add(String.valueOf(field)));
            }
            changes.forEach(change -> edited.add(change.field()));
        }
        neo4j.query("""
                MATCH (n:Entity {key: $key})
                SET n += $values, n.version = $version, n.updatedAt = $now, n.updatedBy = $by,
                    n.editedFields = CASE WHEN size($edited) > 0 THEN $edited ELSE n.editedFields END""")
                .bind(key).to("key").bind(values).to("values").bind(version).to("version").bind(now).to("now")
                .bind(caller.name()).to("by").bind(new ArrayList<>(edited)).to("edited").run();
        revisions.record(key, version, now, caller.name(), blankToNull(update.comment()), changes);
        return Organisation.from(node(key));
    }

    /** The seed's rules for the organisation as it would be, with the documents it already cites. */
    private void check(String key, Map<String, Object> after) {
        var fields = new HashMap<String, Object>();
        fields.put("key", key);
        fields.put("slug", after.get("slug"));
        FIELDS.forEach(field -> fields.put(field, after.get(field)));
        var sources = neo4j.query("MATCH (s:Source)-[:MENTIONS]->(:Entity {key: $key}) RETURN s.key")
                .bind(key).to("key").fetchAs(String.class).all();
        fields.put("sources", sources);
        var problems = EntryRules.organisation(fields, "input", entities.labelsOf(sources)::get);
        if (!problems.isEmpty()) {
            throw new BadRequestException(String.join("; ", problems));
        }
    }

    private org.neo4j.driver.types.Node node(String key) {
        return neo4j.query("MATCH (n:Entity {key: $key}) RETURN n").bind(key).to("key")
                .fetchAs(org.neo4j.driver.types.Node.class).mappedBy((types, record) -> record.get("n").asNode())
                .one().orElseThrow();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
