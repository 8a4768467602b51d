package org.partnernetz.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.partnernetz.graph.Coordinates;
import org.partnernetz.graph.GraphRevision;
import org.partnernetz.graph.Label;
import org.partnernetz.network.CollaborationDeriver;
import org.partnernetz.network.MeasuresAhead;
import org.partnernetz.network.PartnerDerivation;
import org.partnernetz.graph.PartialDate;
import org.partnernetz.graph.RelType;
import org.partnernetz.graph.SearchText;
import org.partnernetz.schema.GraphSchema;
import org.partnernetz.seed.SeedEntries.Entry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a {@link SeedSet} into Neo4j as the base of the graph: entries are merged by key,
 * relationships by a key made of type, ends and role, and what an earlier import wrote that the
 * seed no longer holds is removed. The importer owns only what the seed owns: what was created or
 * changed through the API stays as it is (see {@link #write}). Importing the same seed twice
 * therefore changes nothing. Validation happens first and every entry and relationship is written in one
 * transaction, so a bad seed leaves the database as it was. The derived collaborations are rebuilt
 * after that transaction commits, in batches ({@link CollaborationDeriver}); should that fail, the
 * next import completes them.
 */
@Service
public class SeedImporter {

    private static final Logger log = LoggerFactory.getLogger(SeedImporter.class);

    /**
     * The version of what this importer writes (properties, search keys, relationship types, derived
     * facts). A graph written by an older version is imported again at start-up, so an upgraded hub
     * does not serve data shaped for the old code. 3: origin marking; 4: umlaut search keys;
     * 5: derived partner membership; 6: one collaboration node per pair.
     */
    static final int FORMAT = 6;

    /** Every entry label, so an entry that moved to another file loses its old one. */
    private static final String ALL_LABELS = java.util.Arrays.stream(Label.values())
            .map(Label::name).collect(java.util.stream.Collectors.joining(":"));

    private final MeasuresAhead measures;
    private final SeedReader reader;
    private final GraphSchema schema;
    private final CollaborationDeriver collaborations;
    private final PartnerDerivation partners;
    private final Neo4jClient neo4j;
    private final TransactionTemplate transactions;
    private final GraphRevision revision;

    SeedImporter(SeedReader reader, GraphSchema schema, CollaborationDeriver collaborations, PartnerDerivation partners,
            MeasuresAhead measures, Neo4jClient neo4j, TransactionTemplate transactions, GraphRevision revision) {
        this.measures = measures;
        this.revision = revision;
        this.reader = reader;
        this.schema = schema;
        this.collaborations = collaborations;
        this.partners = partners;
        this.neo4j = neo4j;
        // The import writes the whole seed in one transaction; on a cold start of a busy machine the
        // first planning of its queries alone can take most of the database's default 30 s.
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.transactions.setTimeout((int) IMPORT_TIMEOUT.toSeconds());
    }

    /** The longest the import's transaction may take. */
    static final java.time.Duration IMPORT_TIMEOUT = java.time.Duration.ofMinutes(5);

    /** Reads, validates and imports the seed at {@code location} (e.g. {@code classpath:graph-seed/}). */
    public ImportResult importFrom(String location) {
        var seed = reader.read(location);
        var labels = SeedValidator.validate(seed);
        var started = System.nanoTime();
        schema.apply();
        boolean legacy = writtenBeforeOriginMarking();
        var written = transactions.execute(status -> write(seed, labels, legacy));
        var digest = reader.digest(location);
        partners.rebuild();
        // The import writes no change events, so the measures computed ahead cannot tell it happened.
        measures.forgetAll();
        var result = new ImportResult(written.entries(), written.relationships(),
                collaborations.rebuild(digest + "/" + java.util.UUID.randomUUID()), written.entriesByLabel(),
                written.relationshipsByType(),
                written.keptEdits(), written.leftToTheApi());
        if (!written.keptEdits().isEmpty()) {
            log.warn("Seeded values changed by edits were kept (the seed says otherwise): {}", written.keptEdits());
        }
        if (!written.leftToTheApi().isEmpty()) {
            log.warn("Left to the API (not the seed's, or no longer in the seed but edited or linked): {}",
                    written.leftToTheApi());
        }
        neo4j.query("MERGE (s:SeedState {id: 'seed'}) SET s.format = $format, s.digest = $digest")
                .bind(FORMAT).to("format").bind(digest).to("digest").run();
        revision.advance();
        log.info("Imported the seed from {} in {} ms: {}", location, (System.nanoTime() - started) / 1_000_000, result);
        return result;
    }

    /** Whether the graph holds entities written by an importer that did not yet mark their origin (format 2 or older). */
    private boolean writtenBeforeOriginMarking() {
        return neo4j.query("""
                OPTIONAL MATCH (s:SeedState {id: 'seed'})
                RETURN EXISTS { MATCH (:Entity) } AND coalesce(s.format, 1) < 3 AS legacy
                """).fetchAs(Boolean.class).one().orElse(false);
    }

    /**
     * Whether the graph lacks the seed: it holds no entity yet, or its last import was written by an
     * older version of the importer ({@link #FORMAT}).
     */
    public boolean lacksSeed() {
        return neo4j.query("""
                OPTIONAL MATCH (s:SeedState {id: 'seed'})
                RETURN NOT EXISTS { MATCH (:Entity) } OR coalesce(s.format, 1) < $format AS lacks
                """).bind(FORMAT).to("format")
                .fetchAs(Boolean.class).one().orElse(true);
    }

    /**
     * Keeps what the seed owns in step with it, by the rule in {@code graph-seed/README.md}: nodes and
     * relationships the seed wrote carry {@code origin: 'seed'}; anything else belongs to the API and
     * is never touched (in a graph written before the marking, by importer format 2 or older,
     * unmarked things count as the seed's). A seeded value an edit changed (named in
     * {@code editedFields}) is kept, with the search and time keys the edit left, and reported.
     * What the seed no longer holds is removed, unless an edit changed it, an API relationship hangs on
     * it or, for a document, an API fact cites it: then it is handed over to the API
     * ({@code origin: 'api'}) with its remaining relationships, and reported.
     */
    private Written write(SeedSet seed, Map<String, Label> labels, boolean legacy) {
        var report = new Report();
        var merged = mergedKeys();
        var rowsByLabel = new LinkedHashMap<Label, List<Map<String, Object>>>();
        seed.entries().forEach(located -> {
            var key = located.entry().key();
            if (merged.containsKey(key)) {
                report.keptEdits.add(key + ".mergedInto");
                return;
            }
            rowsByLabel.computeIfAbsent(labels.get(key), l -> new ArrayList<>()).add(nodeRow(located.entry()));
        });
        rowsByLabel.forEach((label, rows) -> report.add(neo4j.query("""
                UNWIND $rows AS row
                MERGE (n:Entity {key: row.key})
                  ON CREATE SET n.origin = 'seed'
                WITH n, row, %3$s AS owned, properties(n) AS old, coalesce(n.editedFields, []) AS edited
                CALL (n, row, owned, old, edited) {
                  WITH * WHERE owned AND NOT n:Archived
                  REMOVE n:%1$s
                  SET n = row, n:%2$s, n.origin = 'seed'
                  FOREACH (field IN edited + CASE WHEN size(edited) > 0 THEN $derived ELSE [] END + $history
                           | SET n[field] = old[field])
                  SET n.editedFields = CASE WHEN size(edited) > 0 THEN edited END
                }
                """.formatted(ALL_LABELS, label, owned("n")) + REPORT)
                .bind(rows).to("rows").bind(legacy).to("legacy").bind(DERIVED_FIELDS).to("derived")
                .bind(HISTORY_FIELDS).to("history")));

        var relationships = redirected(relationshipRows(seed), merged);
        relationships.forEach((type, rows) -> report.add(neo4j.query("""
                UNWIND $rows AS row
                WITH row WHERE NOT EXISTS { MATCH (:RemovedRelationship {key: row.props.key}) }
                           AND (row.originalKey IS NULL OR NOT EXISTS { MATCH (:RemovedRelationship {key: row.originalKey}) })
                MATCH (a:Entity {key: row.from})
                MATCH (b:Entity {key: row.to})
                MERGE (a)-[n:%s {key: row.props.key}]->(b)
                  ON CREATE SET n.origin = 'seed'
                WITH n, row.props AS row, %s AS owned, properties(n) AS old, coalesce(n.editedFields, []) AS edited
                CALL (n, row, owned, old, edited) {
                  WITH * WHERE owned
                  SET n = row, n.origin = 'seed'
                  FOREACH (field IN edited + $history | SET n[field] = old[field])
                  SET n.editedFields = CASE WHEN size(edited) > 0 THEN edited END
                }
                """.formatted(type, owned("n")) + REPORT).bind(rows).to("rows").bind(legacy).to("legacy")
                .bind(HISTORY_FIELDS).to("history")));

        var ids = seed.entries().map(l -> l.entry().key()).toList();
        var keys = relationships.values().stream().flatMap(List::stream)
                .map(row -> ((Map<?, ?>) row.get("props")).get("key")).toList();
        List<String> handedOver = neo4j.query("""
                MATCH (n:Entity) WHERE %1$s AND NOT n.key IN $ids
                WITH n, n.editedFields IS NOT NULL
                        OR EXISTS { (n)-[x]-(:Entity) WHERE NOT %2$s OR x.editedFields IS NOT NULL }
                        OR (n:Source AND EXISTS { MATCH ()-[y]->() WHERE NOT %3$s AND n.key IN y.sources }) AS kept
                CALL (n, kept) {
                  WITH * WHERE kept
                  SET n.origin = 'api'
                }
                WITH n, kept, CASE WHEN kept THEN n.key END AS id
                CALL (n, kept) {
                  WITH * WHERE NOT kept
                  DETACH DELETE n
                }
                RETURN collect(id) AS kept
                """.formatted(owned("n"), owned("x"), owned("y")))
                .bind(ids).to("ids").bind(legacy).to("legacy").fetchAs(List.class)
                .mappedBy((types, record) -> record.get("kept").asList(value -> value.asString())).one().orElseThrow();
        report.handedOver(handedOver);
        report.handedOver(neo4j.query("""
                MATCH (a:Entity)-[r]->(b:Entity)
                WHERE r.key IS NOT NULL AND %s AND NOT r.key IN $keys
                WITH r, r.editedFields IS NOT NULL AS edited, a.key IN $handedOver OR b.key IN $handedOver AS attached
                CALL (r, edited, attached) {
                  WITH * WHERE edited OR attached
                  SET r.origin = 'api'
                }
                WITH r, edited, attached, CASE WHEN edited THEN r.key END AS key
                CALL (r, edited, attached) {
                  WITH * WHERE NOT (edited OR attached)
                  DELETE r
                }
                RETURN collect(key) AS kept
                """.formatted(owned("r"))).bind(keys).to("keys").bind(handedOver).to("handedOver")
                .bind(legacy).to("legacy").fetchAs(List.class)
                .mappedBy((types, record) -> record.get("kept").asList(value -> value.asString())).one().orElseThrow());
        var entriesByLabel = new java.util.TreeMap<String, Integer>();
        rowsByLabel.forEach((label, rows) -> entriesByLabel.put(label.name(), rows.size()));
        var relationshipsByType = new java.util.TreeMap<String, Integer>();
        relationships.forEach((type, rows) -> relationshipsByType.put(type, rows.size()));
        return new Written(ids.size(), keys.size(), entriesByLabel, relationshipsByType, report.keptEdits,
                report.leftToTheApi);
    }

    /** Keys of duplicates merged through the API, each with the key of the entry it was merged into. */
    private Map<String, String> mergedKeys() {
        var merged = new HashMap<String, String>();
        neo4j.query("MATCH (m:MergedEntity) RETURN m.key AS key, m.into AS into").fetch().all()
                .forEach(row -> merged.put((String) row.get("key"), (String) row.get("into")));
        return merged;
    }

    /**
     * The seed's relationships with merged duplicates replaced by their survivors, at the ends, in
     * the keys and among the sources, as the merge moved them; a tie between the two is left out.
     */
    private static Map<String, List<Map<String, Object>>> redirected(Map<String, List<Map<String, Object>>> rows,
            Map<String, String> merged) {
        if (merged.isEmpty()) {
            return rows;
        }
        var result = new LinkedHashMap<String, List<Map<String, Object>>>();
        rows.forEach((type, list) -> {
            // By key: a tie both entries had is the survivor's, with the duplicate's sources added.
            var byKey = new LinkedHashMap<String, Map<String, Object>>();
            var moved = new java.util.HashSet<String>();
            for (var row : list) {
                var from = merged.getOrDefault((String) row.get("from"), (String) row.get("from"));
                var to = merged.getOrDefault((String) row.get("to"), (String) row.get("to"));
                if (from.equals(to)) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                var props = new HashMap<String, Object>((Map<String, Object>) row.get("props"));
                var original = (String) props.get("key");
                var key = original;
                for (var end : List.of((String) row.get("from"), (String) row.get("to"))) {
                    if (merged.containsKey(end)) {
                        key = EntryRules.rekey(key, end, merged.get(end));
                    }
                }
                props.put("key", key);
                if (props.get("sources") instanceof List<?> sources) {
                    props.put("sources", sources.stream().map(source -> merged.getOrDefault(String.valueOf(source),
                            String.valueOf(source))).distinct().toList());
                }
                var redirected = new HashMap<String, Object>(Map.of("from", from, "to", to, "props", props));
                if (!key.equals(original)) {
                    // A removal of the duplicate's tie was marked under its old key.
                    redirected.put("originalKey", original);
                }
                var earlier = byKey.get(key);
                if (earlier == null) {
                    byKey.put(key, redirected);
                    if (!key.equals(original)) {
                        moved.add(key);
                    }
                } else {
                    var kept = moved.contains(key) && key.equals(original) ? redirected : earlier;
                    var other = kept == redirected ? earlier : redirected;
                    @SuppressWarnings("unchecked")
                    var keptProps = (Map<String, Object>) kept.get("props");
                    @SuppressWarnings("unchecked")
                    var otherProps = (Map<String, Object>) other.get("props");
                    var sources = new java.util.LinkedHashSet<Object>(keptProps.get("sources") instanceof List<?> l ? l : List.of());
                    if (otherProps.get("sources") instanceof List<?> l) {
                        sources.addAll(l);
                    }
                    keptProps.put("sources", List.copyOf(sources));
                    byKey.put(key, kept);
                    if (kept == redirected) {
                        moved.remove(key);
                    }
                }
            }
            result.put(type, new ArrayList<>(byKey.values()));
        });
        return result;
    }

    /** Whether {@code variable} is the seed's: marked so, or unmarked in a graph written before the marking. */
    private static String owned(String variable) {
        return "(%1$s.origin = 'seed' OR ($legacy AND %1$s.origin IS NULL))".formatted(variable);
    }

    /** The API's bookkeeping of changes ({@code Revisions}): never the seed's, always kept. */
    private static final List<String> HISTORY_FIELDS = List.of("version", "updatedAt", "updatedBy");

    /** Properties derived from others (search and sort keys, days of a time); an edit's stay with it. */
    static final List<String> DERIVED_FIELDS = List.of("sortName", "searchText", "start", "end", "startText",
            "endText", "location", "extentKm");

    /**
     * The end of a write query: which rows belong to the API (left alone), and which seeded values
     * edits changed (kept), as {@code id.field}.
     */
    private static final String REPORT = """
            RETURN collect(CASE WHEN NOT owned THEN row.key END) AS notOwned,
                   reduce(acc = [], fields IN collect(CASE WHEN owned THEN
                       [field IN edited WHERE NOT coalesce(old[field] = row[field], old[field] IS NULL AND row[field] IS NULL)
                        | row.key + '.' + field] END) | acc + fields) AS kept
            """;

    /** What a write found that it left as it was. */
    private static final class Report {
        final List<String> keptEdits = new ArrayList<>();
        final List<String> leftToTheApi = new ArrayList<>();

        void add(Neo4jClient.RunnableSpec query) {
            query.fetch().one().ifPresent(row -> {
                keptEdits.addAll(strings(row.get("kept")));
                leftToTheApi.addAll(strings(row.get("notOwned")));
            });
        }

        void handedOver(List<?> keys) {
            keys.forEach(key -> leftToTheApi.add(String.valueOf(key)));
        }

        private static List<String> strings(Object list) {
            return list instanceof List<?> values ? values.stream().map(String::valueOf).toList() : List.of();
        }
    }

    /**
     * Fields of an entry that name other entries or describe such links; they become relationships
     * ({@link #relationshipRows}), not properties of the entry's node; the export reads them back
     * from there ({@link SeedExporter}).
     */
    static final java.util.Set<String> LINK_FIELDS = java.util.Set.of(
            "sources", "parents", "partial", "parentSources", "parentBasis", "parentNote", "about", "region", "project",
            "identity");

    /**
     * The node properties of an entry: every field of its record as written in the seed (lists
     * never null), except the links, plus what queries need: sort and search keys, first and last
     * day of its time, and defaults for basis and qualifier.
     */
    static Map<String, Object> nodeRow(Entry entry) {
        var row = new HashMap<String, Object>();
        for (var component : entry.getClass().getRecordComponents()) {
            if (!LINK_FIELDS.contains(component.getName())) {
                var value = read(component, entry);
                row.put(component.getName(), List.class.isAssignableFrom(component.getType()) && value == null
                        ? List.of() : value);
            }
        }
        row.put("slug", slugOf(entry));
        switch (entry) {
            case SeedEntries.Source s -> {
                names(row, s.title(), Stream.of(s.title(), s.publisher()));
                dated(row, s, s.date());
            }
            case SeedEntries.Region r -> {
                names(row, r.name(), Stream.concat(Stream.of(r.name(), r.nameEn()), list(r.aliases()).stream()));
                placed(row, r);
            }
            case SeedEntries.Organisation o -> {
                if (o.identity() != null) {
                    row.put("identityBasis", o.identity().basis());
                    row.put("identityNames", list(o.identity().names()));
                    row.put("identityNote", o.identity().note());
                    row.put("identitySources", list(o.identity().sources()));
                }
                names(row, o.name(), Stream.concat(Stream.of(o.name(), o.shortName()), list(o.aliases()).stream()));
            }
            case SeedEntries.Person p -> names(row, p.name(), Stream.of(p.name()));
            case SeedEntries.Project p -> {
                names(row, p.name(), Stream.concat(Stream.of(p.name()), list(p.aliases()).stream()));
                dates(row, p.since(), p.until(), null, null);
            }
            case SeedEntries.Event e -> {
                names(row, e.name(), Stream.of(e.name()));
                dated(row, e, e.endDate() != null ? e.endDate() : e.date());
            }
            case SeedEntries.Figure f -> {
                row.put("qualifier", f.qualifier() == null ? "EXACT" : f.qualifier());
                names(row, f.label() != null ? f.label() : f.metric(), Stream.of(f.label(), f.metric()));
                dated(row, f, f.date());
            }
            case SeedEntries.TargetGroup g -> names(row, g.name(), Stream.of(g.name(), g.nameEn()));
            case SeedEntries.Topic t -> names(row, t.name(), Stream.of(t.name(), t.nameEn()));
            case SeedEntries.Milestone m -> {
                names(row, m.name(), Stream.of(m.name(), m.nameEn()));
                dated(row, m, m.date());
            }
        }
        if (entry instanceof SeedEntries.Asserted asserted) {
            row.put("basis", asserted.basis() == null ? "stated" : asserted.basis());
        }
        row.values().removeIf(v -> v == null);
        return row;
    }

    /**
     * A region's point as Neo4j's spatial type (for the point index and {@code near}), and its extent:
     * the radius of a circle of its area, how far from its point the region reaches about.
     */
    private static void placed(Map<String, Object> row, SeedEntries.Region region) {
        if (region.latitude() != null && region.longitude() != null) {
            row.put("location", org.neo4j.driver.Values.point(Coordinates.WGS84, region.longitude(), region.latitude()));
            row.put("extentKm", region.areaKm2() == null ? 0.0 : Math.sqrt(region.areaKm2() / Math.PI));
        }
    }

    private static Object read(java.lang.reflect.RecordComponent component, Entry entry) {
        try {
            return component.getAccessor().invoke(entry);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of a seed entry", e);
        }
    }

    /** Seed relationships plus the ones implied by entries: mentions, region parents, figures' subjects. */
    private static Map<String, List<Map<String, Object>>> relationshipRows(SeedSet seed) {
        var documentTypes = new HashMap<String, String>();
        seed.sources().forEach(source -> documentTypes.put(source.key(), source.documentType()));
        var rows = new LinkedHashMap<String, List<Map<String, Object>>>();
        for (var r : seed.relationships()) {
            var props = relationshipProperties(r);
            add(rows, r.type(), r.from(), r.to(), props);
        }
        seed.entries().forEach(located -> implied(located.entry(), documentTypes, rows));
        return rows;
    }

    /**
     * The relationships an entry implies (mentions, region parents, a milestone's project, a
     * figure's subject and region), added to {@code rows} by type; for the import and for an entry
     * created through the API alike.
     */
    static void implied(Entry entry, Map<String, String> documentTypes, Map<String, List<Map<String, Object>>> rows) {
        for (var source : entry.sources()) {
            add(rows, "MENTIONS", source, entry.key(), Map.of("key", "MENTIONS|" + source + "|" + entry.key(),
                    "basis", "stated", "sources", List.of(source)));
        }
        if (entry instanceof SeedEntries.Region region) {
            for (var parent : list(region.parents())) {
                var props = new HashMap<String, Object>();
                props.put("key", "PART_OF|" + region.key() + "|" + parent + "|");
                props.put("partial", list(region.partial()).contains(parent));
                props.put("basis", region.parentBasis() == null ? "stated" : region.parentBasis());
                props.put("note", region.parentNote());
                props.put("sources", SeedValidator.hierarchySources(region, documentTypes));
                add(rows, "PART_OF", region.key(), parent, props);
            }
        }
        if (entry instanceof SeedEntries.Milestone milestone) {
            add(rows, "MILESTONE_OF", milestone.key(), milestone.project(), Map.of(
                    "key", "MILESTONE_OF|" + milestone.key() + "|" + milestone.project(),
                    "basis", milestone.basis() == null ? "stated" : milestone.basis(),
                    "sources", milestone.sources()));
        }
        if (entry instanceof SeedEntries.Figure figure && figure.region() != null) {
            add(rows, "COUNTED_IN", figure.key(), figure.region(), Map.of(
                    "key", "COUNTED_IN|" + figure.key() + "|" + figure.region(),
                    "basis", "stated", "sources", figure.sources()));
        }
        if (entry instanceof SeedEntries.Figure figure && figure.about() != null) {
            add(rows, "ABOUT", figure.key(), figure.about(), Map.of(
                    "key", "ABOUT|" + figure.key() + "|" + figure.about(),
                    "basis", "stated", "sources", figure.sources()));
        }
    }

    private static void add(Map<String, List<Map<String, Object>>> rows, String type, String from, String to,
            Map<String, Object> props) {
        var cleaned = new HashMap<>(props);
        cleaned.values().removeIf(v -> v == null);
        rows.computeIfAbsent(type, t -> new ArrayList<>()).add(Map.of("from", from, "to", to, "props", cleaned));
    }

    /** The date, its bounds and how sure it is, for an entry that has them. */
    private static void dated(Map<String, Object> row, SeedEntries.Dated entry, String end) {
        row.put("date", entry.date());
        row.put("notBefore", entry.notBefore());
        row.put("notAfter", entry.notAfter());
        boolean dated = entry.date() != null || entry.notBefore() != null || entry.notAfter() != null;
        row.put("dateBasis", !dated ? null : entry.dateBasis() == null ? "stated" : entry.dateBasis());
        row.put("dateNote", entry.dateNote());
        dates(row, entry.date(), end, entry.notBefore(), entry.notAfter());
    }

    /**
     * Stores first and last day next to the text, so time windows can be compared in queries. Where
     * only bounds are known, they stand in: a thing known to lie before a date ends there at the
     * latest, so a window after it does not match it.
     */
    private static void dates(Map<String, Object> row, String start, String end, String notBefore, String notAfter) {
        var first = PartialDate.parseNullable(start != null ? start : notBefore);
        var last = PartialDate.parseNullable(end != null ? end : notAfter);
        row.put("start", first == null ? null : first.first());
        row.put("startText", start);
        row.put("end", last == null ? null : last.last());
        row.put("endText", end);
    }

    private static void names(Map<String, Object> row, String sortName, Stream<String> names) {
        row.put("sortName", SearchText.fold(sortName));
        row.put("searchText", SearchText.of(names));
    }

    static String slugOf(Entry entry) {
        var slug = switch (entry) {
            case SeedEntries.Source s -> s.slug();
            case SeedEntries.Region r -> r.slug();
            case SeedEntries.Organisation o -> o.slug();
            case SeedEntries.Person p -> p.slug();
            case SeedEntries.Project p -> p.slug();
            case SeedEntries.Event e -> e.slug();
            case SeedEntries.Figure f -> null;
            case SeedEntries.TargetGroup g -> g.slug();
            case SeedEntries.Topic t -> t.slug();
            case SeedEntries.Milestone m -> m.slug();
        };
        return slug == null ? entry.key() : slug;
    }

    /** The properties of a stated relationship, with its key and the days of its time. */
    static Map<String, Object> relationshipProperties(SeedEntries.Relationship r) {
        var props = new HashMap<String, Object>();
        props.put("key", keyOf(r));
        props.put("role", r.role());
        props.put("since", r.since());
        props.put("until", r.until());
        props.put("asOf", r.asOf());
        props.put("amount", r.amount());
        props.put("currency", r.currency());
        props.put("period", r.period());
        props.put("basis", r.basis());
        props.put("sources", r.sources());
        props.put("note", r.note());
        dates(props, r.since(), r.until(), null, null);
        return props;
    }

    static String keyOf(SeedEntries.Relationship r) {
        return r.type() + "|" + r.from() + "|" + r.to() + "|" + (r.role() == null ? "" : r.role());
    }

    private static List<String> list(List<String> list) {
        return list == null ? List.of() : list;
    }

    private record Written(int entries, int relationships, Map<String, Integer> entriesByLabel,
            Map<String, Integer> relationshipsByType, List<String> keptEdits, List<String> leftToTheApi) {
    }

    /**
     * What an import wrote: entries, relationships (those of the seed and those its entries imply:
     * mentions, region parents, figures' subjects, milestones) and derived collaboration links, with
     * the counts per label and per relationship type.
     */
    public record ImportResult(int entries, int relationships, int collaborations, Map<String, Integer> entriesByLabel,
            Map<String, Integer> relationshipsByType, List<String> keptEdits, List<String> leftToTheApi) {
    }
}
