package org.partnernetz.seed;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.partnernetz.graph.Label;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed's rules for one entry written through the API: its fields, named as in
 * {@code graph-seed/}, are read into the seed's record for that kind, as a YAML file would be, and
 * checked as the seed's entries are ({@link SeedValidator}). One set of rules for both ways in.
 */
public final class EntryRules {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EntryRules() {
    }

    /**
     * The problems of an organisation with these fields (empty: none), each starting with
     * {@code where}; {@code labelOf} gives the label of a referenced key, or null if nothing has it.
     */
    public static List<String> organisation(Map<String, Object> fields, String where, Function<String, Label> labelOf) {
        SeedEntries.Organisation entry;
        try {
            entry = JSON.convertValue(fields, SeedEntries.Organisation.class);
        } catch (JacksonException | IllegalArgumentException e) {
            return List.of(where + ": fields do not make an organisation entry");
        }
        return SeedValidator.problemsOf(entry, where, labelOf);
    }

    /** The seed's record of each kind the API creates and changes. */
    private static final Map<Label, Class<? extends SeedEntries.Entry>> RECORDS = Map.of(
            Label.Source, SeedEntries.Source.class, Label.Region, SeedEntries.Region.class,
            Label.Organisation, SeedEntries.Organisation.class, Label.Person, SeedEntries.Person.class,
            Label.Project, SeedEntries.Project.class, Label.Event, SeedEntries.Event.class,
            Label.Figure, SeedEntries.Figure.class);

    /** Whether entries of this kind may be written through the API. */
    public static boolean editable(Label kind) {
        return RECORDS.containsKey(kind);
    }

    /** The fields of an entry of this kind, as the seed names them, in the order of its file. */
    public static List<String> fields(Label kind) {
        return java.util.Arrays.stream(RECORDS.get(kind).getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).toList();
    }

    /** Fields that name other entries or describe such links: relationships, not node properties. */
    public static boolean isLink(String field) {
        return SeedImporter.LINK_FIELDS.contains(field);
    }

    /**
     * Every node property the import may write for an entry of this kind: its non-link fields, the
     * slug, the derived search, sort and time keys, and an organisation's identity.
     */
    public static java.util.Set<String> nodeProperties(Label kind) {
        var properties = new java.util.TreeSet<String>();
        fields(kind).stream().filter(field -> !isLink(field)).forEach(properties::add);
        properties.add("slug");
        properties.addAll(SeedImporter.DERIVED_FIELDS);
        if (kind == Label.Organisation) {
            properties.addAll(List.of("identityBasis", "identityNames", "identityNote", "identitySources"));
        }
        return properties;
    }

    /**
     * An entry as the import would write it: its node's properties and the relationships it
     * implies (mentions, region parents, a figure's subject and region) by type, with its problems
     * (empty: none).
     */
    public record CheckedEntry(Map<String, Object> properties, Map<String, List<Map<String, Object>>> implied,
            List<String> problems) {
    }

    /**
     * An entry of this kind with these fields (named as in its seed file) by the seed's rules;
     * {@code labelOf} gives the label of a referenced key, or null if nothing has it.
     */
    public static CheckedEntry entry(Label kind, Map<String, Object> fields, String where,
            Function<String, Label> labelOf) {
        SeedEntries.Entry entry;
        try {
            entry = JSON.convertValue(fields, RECORDS.get(kind));
        } catch (JacksonException | IllegalArgumentException e) {
            return new CheckedEntry(Map.of(), Map.of(), List.of(where + ": fields do not make a "
                    + kind.name().toLowerCase(java.util.Locale.ROOT) + " entry"));
        }
        var problems = SeedValidator.problemsOf(entry, where, labelOf);
        if (!problems.isEmpty()) {
            // What the import would write is computed only from an entry that passes (dates parse).
            return new CheckedEntry(Map.of(), Map.of(), problems);
        }
        var implied = new java.util.LinkedHashMap<String, List<Map<String, Object>>>();
        SeedImporter.implied(entry, Map.of(), implied);
        return new CheckedEntry(SeedImporter.nodeRow(entry), implied, problems);
    }

    /** A relationship as the seed would write it: its key, its properties, and its problems (empty: none). */
    public record CheckedRelationship(String key, Map<String, Object> properties, List<String> problems) {
    }

    /**
     * A relationship with these fields ({@code type}, {@code from}, {@code to}, {@code role},
     * {@code since}, ... as in {@code relationships.yaml}) by the seed's rules; {@code kindOf} gives
     * an organisation's kind.
     */
    public static CheckedRelationship relationship(Map<String, Object> fields, String where,
            Function<String, Label> labelOf, Function<String, String> kindOf) {
        SeedEntries.Relationship relationship;
        try {
            relationship = JSON.convertValue(fields, SeedEntries.Relationship.class);
        } catch (JacksonException | IllegalArgumentException e) {
            return new CheckedRelationship(null, Map.of(), List.of(where + ": fields do not make a relationship"));
        }
        var problems = SeedValidator.problemsOf(relationship, where, labelOf, kindOf);
        return new CheckedRelationship(SeedImporter.keyOf(relationship), problems.isEmpty()
                ? SeedImporter.relationshipProperties(relationship) : Map.of(), problems);
    }

    /**
     * A relationship key ({@code TYPE|from|to|role}) with a merged duplicate's key replaced by the
     * survivor's among its ends: the key the tie gets when it moves, and the one the import gives
     * the seed's tie of the duplicate.
     */
    public static String rekey(String key, String duplicate, String survivor) {
        if (key == null) {
            return null;
        }
        var parts = key.split("\\|", -1);
        for (int i = 1; i < Math.min(parts.length, 3); i++) {
            if (parts[i].equals(duplicate)) {
                parts[i] = survivor;
            }
        }
        return String.join("|", parts);
    }
}
