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
        return new CheckedRelationship(SeedImporter.keyOf(relationship), SeedImporter.relationshipProperties(relationship),
                SeedValidator.problemsOf(relationship, where, labelOf, kindOf));
    }
}
