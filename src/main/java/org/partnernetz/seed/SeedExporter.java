package org.partnernetz.seed;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.neo4j.driver.QueryRunner;
import org.neo4j.driver.Value;
import org.partnernetz.graph.Label;
import org.partnernetz.graph.RelType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;
import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * Writes the whole graph, seed and edits alike, back in the {@code graph-seed/} format, for backup
 * and review: importing the export into an empty database gives the same graph. It is the inverse
 * of {@link SeedImporter}'s rows: an entry's fields are its node's properties, except the links
 * ({@link SeedImporter#LINK_FIELDS}), which are read back from the relationships the importer made
 * of them; every other relationship between entities of a type the seed states goes to
 * {@code relationships.yaml}. What the import derives (search and time keys, partner membership,
 * collaborations) and the API's bookkeeping (versions, revisions, tokens, origin) are not written;
 * nor are archived entries and their ties, which the public graph does not hold either, nor the
 * ids of merged duplicates (the seed format has no place for them).
 *
 * <p>Entries are sorted by key, relationships by key (type, ends, role), so two exports of the same
 * graph are equal byte for byte and diff well. Each kind is one query, sorted by the database, whose
 * rows are written as the driver fetches them rather than collected first.
 */
@Service
public class SeedExporter {

    private static final Logger log = LoggerFactory.getLogger(SeedExporter.class);

    /** The file of each kind of entry, in the order the reader reads them. */
    private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put(SeedSet.SOURCES, new Kind(Label.Source, SeedEntries.Source.class, List.of()));
        KINDS.put(SeedSet.REGIONS, new Kind(Label.Region, SeedEntries.Region.class, List.of("PART_OF")));
        KINDS.put(SeedSet.ORGANISATIONS, new Kind(Label.Organisation, SeedEntries.Organisation.class, List.of()));
        KINDS.put(SeedSet.PEOPLE, new Kind(Label.Person, SeedEntries.Person.class, List.of()));
        KINDS.put(SeedSet.PROJECTS, new Kind(Label.Project, SeedEntries.Project.class, List.of()));
        KINDS.put(SeedSet.EVENTS, new Kind(Label.Event, SeedEntries.Event.class, List.of()));
        KINDS.put(SeedSet.FIGURES, new Kind(Label.Figure, SeedEntries.Figure.class, List.of("ABOUT", "COUNTED_IN")));
        KINDS.put(SeedSet.TARGET_GROUPS, new Kind(Label.TargetGroup, SeedEntries.TargetGroup.class, List.of()));
        KINDS.put(SeedSet.TOPICS, new Kind(Label.Topic, SeedEntries.Topic.class, List.of()));
        KINDS.put(SeedSet.MILESTONES, new Kind(Label.Milestone, SeedEntries.Milestone.class, List.of("MILESTONE_OF")));
    }

    /** The properties an organisation's {@code identity} is kept in ({@link SeedImporter}'s nodeRow). */
    private static final Map<String, String> IDENTITY = Map.of("identityBasis", "basis", "identityNames", "names",
            "identityNote", "note", "identitySources", "sources");

    /**
     * One list per file, in the seed's style: no document marker, quotes only where YAML needs them
     * and on text that begins with a digit (dates, {@code ags: "05111"}), as {@code graph-seed/README.md}
     * asks, one line per value, nothing written for a missing value. Each file's stream is closed by
     * {@link #writeFile}, not by Jackson (a zip entry is closed, not the zip).
     */
    private final YAMLMapper yaml = YAMLMapper
            .builder(YAMLFactory.builder().stringQuotingChecker(new QuotedDigits()).build())
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER, YAMLWriteFeature.SPLIT_LINES)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES, YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .changeDefaultPropertyInclusion(inclusion -> JsonInclude.Value.construct(
                    JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    /** Quotes text that begins with a digit, so dates stay text for any YAML reader, not only Jackson. */
    private static final class QuotedDigits extends StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || (!value.isEmpty() && Character.isDigit(value.charAt(0)));
        }
    }

    private final Neo4jClient neo4j;

    SeedExporter(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** How many entries or relationships each file of an export holds, by file name. */
    public record Exported(Map<String, Integer> counts) {
    }

    /** Writes the export into {@code directory} (made if missing), one file per kind; existing files are replaced. */
    @Transactional(readOnly = true)
    public Exported writeTo(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
        return write(file -> Files.newOutputStream(directory.resolve(file)));
    }

    /** Writes the export as a zip of the same files into {@code out}, which is finished but not closed. */
    @Transactional(readOnly = true)
    public Exported writeZip(OutputStream out) {
        var zip = new ZipOutputStream(out);
        var exported = write(file -> {
            zip.putNextEntry(new ZipEntry(file));
            return new FilterOutputStream(zip) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    zip.write(bytes, offset, length);
                }

                @Override
                public void close() throws IOException {
                    zip.closeEntry();
                }
            };
        });
        try {
            zip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return exported;
    }

    /** Where the files go: a stream per file, closed when the file is complete. */
    private interface Target {
        OutputStream open(String file) throws IOException;
    }

    /** What writes the rows of one file, returning how many. */
    private interface Rows {
        int write(QueryRunner runner, SequenceWriter sequence) throws IOException;
    }

    private Exported write(Target target) {
        var started = System.nanoTime();
        var counts = new LinkedHashMap<String, Integer>();
        KINDS.forEach((file, kind) -> counts.put(file, writeFile(target, file,
                (runner, sequence) -> entries(runner, kind, sequence))));
        counts.put(SeedSet.RELATIONSHIPS, writeFile(target, SeedSet.RELATIONSHIPS, this::relationships));
        log.info("Exported the graph in {} ms: {}", (System.nanoTime() - started) / 1_000_000, counts);
        return new Exported(counts);
    }

    private int writeFile(Target target, String file, Rows rows) {
        return neo4j.delegateTo(runner -> {
            try (var out = target.open(file); var sequence = yaml.writer().writeValuesAsArray(out)) {
                return Optional.of(rows.write(runner, sequence));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + " of the export", e);
            }
        }).run().orElseThrow();
    }

    /**
     * The entries of one kind: each node with the sources that mention it and, for regions, figures
     * and milestones, the relationships their link fields became.
     */
    private int entries(QueryRunner runner, Kind kind, SequenceWriter sequence) throws IOException {
        // Labels and types are the enum's and the table's constants, so they may stand in the query text.
        var links = kind.links().isEmpty() ? "[]" : """
                COLLECT { MATCH (n)-[l:%s]->(t:Entity) WHERE NOT t:Archived
                          RETURN {type: type(l), to: t.key, partial: l.partial, basis: l.basis, note: l.note,
                                  sources: l.sources} AS link ORDER BY t.key, type(l) }"""
                .formatted(String.join("|", kind.links()));
        var result = runner.run("""
                MATCH (n:%s:%s)
                RETURN properties(n) AS properties,
                       COLLECT { MATCH (s:Source)-[:MENTIONS]->(n) RETURN s.key AS key ORDER BY key } AS mentions,
                       %s AS links
                ORDER BY n.key""".formatted(Label.ENTITY, kind.label(), links));
        int count = 0;
        while (result.hasNext()) {
            var row = result.next();
            sequence.write(entry(kind, row.get("properties").asMap(),
                    row.get("mentions").asList(Value::asString),
                    row.get("links").asList(value -> value.asMap())));
            count++;
        }
        return count;
    }

    /** The seed entry of one node: the inverse of {@code SeedImporter.nodeRow}. */
    private Object entry(Kind kind, Map<String, Object> properties, List<String> mentions,
            List<Map<String, Object>> links) {
        var key = (String) properties.get("key");
        var fields = new HashMap<String, Object>();
        for (var component : kind.type().getRecordComponents()) {
            if (!SeedImporter.LINK_FIELDS.contains(component.getName())) {
                fields.put(component.getName(), properties.get(component.getName()));
            }
        }
        // The importer gives an entry without a slug its key; leaving it out again keeps the export close to the seed.
        if (key.equals(fields.get("slug"))) {
            fields.remove("slug");
        }
        fields.put("sources", inLinkOrder(mentions, links));
        switch (kind.label()) {
            case Region -> region(key, fields, links);
            case Figure -> links.forEach(link -> fields.put("ABOUT".equals(link.get("type")) ? "about" : "region",
                    link.get("to")));
            case Milestone -> links.forEach(link -> fields.put("project", link.get("to")));
            case Organisation -> {
                var identity = new HashMap<String, Object>();
                IDENTITY.forEach((property, field) -> identity.put(field, properties.get(property)));
                if (identity.values().stream().anyMatch(v -> v != null)) {
                    identity.replaceAll((field, value) -> emptyToNull(value));
                    fields.put("identity", identity);
                }
            }
            default -> {
                // The other kinds have no link fields besides their sources.
            }
        }
        // An empty list is what the importer makes of a missing one.
        fields.replaceAll((field, value) -> emptyToNull(value));
        return yaml.convertValue(fields, kind.type());
    }

    /**
     * The documents that mention an entry, by key; a figure's or milestone's in the order its links
     * cite them (the entry's own order, which the importer copies onto those links).
     */
    private static List<String> inLinkOrder(List<String> mentions, List<Map<String, Object>> links) {
        var cited = links.stream().filter(link -> link.get("sources") instanceof List<?>)
                .map(link -> (List<?>) link.get("sources")).findFirst().orElse(List.of());
        var ordered = new ArrayList<>(mentions);
        ordered.sort(Comparator.comparingInt((String source) -> {
            int at = cited.indexOf(source);
            return at < 0 ? Integer.MAX_VALUE : at;
        }));
        return ordered;
    }

    /**
     * A region's parents from its {@code PART_OF} relationships. They share what the entry states once
     * (sources, basis, note), so the first one's are written; their sources always as
     * {@code parentSources}, which the importer takes as they are.
     */
    private static void region(String key, Map<String, Object> fields, List<Map<String, Object>> parents) {
        if (parents.isEmpty()) {
            return;
        }
        var first = parents.getFirst();
        for (var parent : parents) {
            for (var shared : List.of("basis", "note", "sources")) {
                if (!java.util.Objects.equals(parent.get(shared), first.get(shared))) {
                    throw new IllegalStateException("Region " + key + ": its parents differ in " + shared
                            + ", which graph-seed/ states once per region; the export cannot write it");
                }
            }
        }
        fields.put("parents", parents.stream().map(parent -> parent.get("to")).toList());
        fields.put("partial", parents.stream().filter(parent -> Boolean.TRUE.equals(parent.get("partial")))
                .map(parent -> parent.get("to")).toList());
        fields.put("parentSources", first.get("sources"));
        fields.put("parentBasis", first.get("basis"));
        fields.put("parentNote", first.get("note"));
    }

    /**
     * Every relationship between entities of a type {@code relationships.yaml} states, whoever made it,
     * by key; a region's {@code PART_OF} is its {@code parents} instead.
     */
    private int relationships(QueryRunner runner, SequenceWriter sequence) throws IOException {
        int count = 0;
        var types = java.util.Arrays.stream(RelType.values()).map(RelType::name).sorted().toList();
        for (var type : types) {
            var result = runner.run("""
                    MATCH (a:%1$s)-[r:%2$s]->(b:%1$s)
                    WHERE NOT (a:Region AND b:Region) AND NOT a:Archived AND NOT b:Archived
                    RETURN a.key AS from, b.key AS to, properties(r) AS properties
                    ORDER BY r.key, a.key, b.key""".formatted(Label.ENTITY, type));
            while (result.hasNext()) {
                var row = result.next();
                var fields = new HashMap<String, Object>();
                for (var component : SeedEntries.Relationship.class.getRecordComponents()) {
                    fields.put(component.getName(), row.get("properties").asMap().get(component.getName()));
                }
                fields.put("type", type);
                fields.put("from", row.get("from").asString());
                fields.put("to", row.get("to").asString());
                fields.replaceAll((field, value) -> emptyToNull(value));
                sequence.write(yaml.convertValue(fields, SeedEntries.Relationship.class));
                count++;
            }
        }
        return count;
    }

    private static Object emptyToNull(Object value) {
        return value instanceof List<?> list && list.isEmpty() ? null : value;
    }

    /** A kind of entry: its label, its record, and the relationships its link fields became. */
    private record Kind(Label label, Class<? extends Record> type, List<String> links) {
    }
}
