package org.partnernetz.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.partnernetz.graph.Label;
import org.partnernetz.graph.PartialDate;
import org.partnernetz.graph.RelType;
import org.partnernetz.seed.SeedEntries.Entry;
import org.partnernetz.seed.SeedSet.Located;

/**
 * Checks a whole {@link SeedSet} before anything is written: ids, slugs, kinds, dates and every
 * reference. All problems are collected, each naming its file and entry, so an editor can fix them
 * in one pass.
 */
final class SeedValidator {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Official keys: state 2, administrative district 3, district 5, municipality 8 or 12 digits. */
    private static final Pattern AGS = Pattern.compile("\\d{2}|\\d{3}|\\d{5}|\\d{8}|\\d{12}");

    static final Set<String> REGION_TYPES = Set.of("STATE", "ADMINISTRATIVE_DISTRICT", "LABOUR_MARKET_REGION",
            "DISTRICT", "DISTRICT_FREE_CITY", "MUNICIPALITY", "CITY_DISTRICT", "VENUE");
    static final Set<String> ORGANISATION_KINDS = Set.of("MINISTRY", "FEDERAL_AGENCY", "EMPLOYMENT_AGENCY",
            "JOB_CENTRE", "CHAMBER", "CRAFTS_ORGANISATION", "WELFARE_ASSOCIATION", "INTEGRATION_AGENCY",
            "MUNICIPALITY", "MUNICIPAL_OFFICE", "MUNICIPAL_ASSOCIATION", "COUNCIL", "TRADE_UNION",
            "EMPLOYER_ASSOCIATION", "PROFESSIONAL_ASSOCIATION", "ASSOCIATION", "NONPROFIT", "COMPANY",
            "PUBLIC_AGENCY", "GOVERNMENT", "RELIGIOUS_COMMUNITY", "NETWORK");
    static final Set<String> PROJECT_KINDS = Set.of("PROGRAMME", "INITIATIVE", "CAMPAIGN", "MODEL_PROJECT",
            "PROJECT", "PORTAL", "LAW");
    static final Set<String> EVENT_KINDS = Set.of("CONFERENCE", "REGIONAL_EVENT", "VISIT", "DAY_OF_ACTION",
            "MEETING", "SUMMIT", "PUBLICATION");
    static final Set<String> QUALIFIERS = Set.of("EXACT", "ABOUT", "OVER", "UNDER");
    static final Set<String> BASES = Set.of("stated", "inferred");

    private final SeedSet seed;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Label> labels = new HashMap<>();
    private final Set<String> relationshipKeys = new HashSet<>();

    private SeedValidator(SeedSet seed) {
        this.seed = seed;
    }

    /** Returns the label of every id; throws {@link SeedException} listing all problems. */
    static Map<String, Label> validate(SeedSet seed) {
        var validator = new SeedValidator(seed);
        validator.run();
        if (!validator.problems.isEmpty()) {
            throw new SeedException(validator.problems);
        }
        return Map.copyOf(validator.labels);
    }

    private void run() {
        collectIds();
        seed.entries().forEach(this::checkEntry);
        for (int i = 0; i < seed.relationships().size(); i++) {
            checkRelationship(i, seed.relationships().get(i));
        }
    }

    private void collectIds() {
        Map<String, String> firstFile = new HashMap<>();
        Map<Label, Set<String>> slugs = new HashMap<>();
        seed.entries().forEach(located -> {
            var entry = located.entry();
            var where = where(located);
            if (entry.id() == null || !ID.matcher(entry.id()).matches()) {
                problems.add(where + ": id must be lower-case kebab-case ([a-z0-9-])");
                return;
            }
            var previous = firstFile.putIfAbsent(entry.id(), located.file());
            if (previous != null) {
                problems.add(where + ": duplicate id (already used in " + previous + ")");
                return;
            }
            var label = labelOf(entry);
            labels.put(entry.id(), label);
            var slug = SeedImporter.slugOf(entry);
            if (!ID.matcher(slug).matches()) {
                problems.add(where + ": slug '" + slug + "' must be lower-case kebab-case");
            } else if (!slugs.computeIfAbsent(label, l -> new HashSet<>()).add(slug)) {
                problems.add(where + ": duplicate slug '" + slug + "'");
            }
        });
    }

    private void checkEntry(Located<Entry> located) {
        var where = where(located);
        var entry = located.entry();
        if (!(entry instanceof SeedEntries.Source)) {
            checkSources(where, entry.sources());
        }
        switch (entry) {
            case SeedEntries.Source s -> {
                required(where, "title", s.title());
                date(where, "published", s.published());
            }
            case SeedEntries.Region r -> {
                required(where, "name", r.name());
                oneOf(where, "type", r.type(), REGION_TYPES);
                if (r.ags() != null && !AGS.matcher(r.ags()).matches()) {
                    problems.add(where + ": ags '" + r.ags() + "' must have 2, 3, 5, 8 or 12 digits"
                            + " (quote it in YAML, e.g. \"05111\", so leading zeros stay)");
                }
                for (var parent : nullSafe(r.parents())) {
                    reference(where, "parents", parent, Set.of(Label.Region));
                }
                for (var partial : nullSafe(r.partial())) {
                    if (!nullSafe(r.parents()).contains(partial)) {
                        problems.add(where + ": partial '" + partial + "' is not one of its parents");
                    }
                }
            }
            case SeedEntries.Organisation o -> {
                required(where, "name", o.name());
                oneOf(where, "kind", o.kind(), ORGANISATION_KINDS);
            }
            case SeedEntries.Person p -> required(where, "name", p.name());
            case SeedEntries.Project p -> {
                required(where, "name", p.name());
                oneOf(where, "kind", p.kind(), PROJECT_KINDS);
                date(where, "since", p.since());
                date(where, "until", p.until());
            }
            case SeedEntries.Event e -> {
                required(where, "name", e.name());
                oneOf(where, "kind", e.kind(), EVENT_KINDS);
                date(where, "date", e.date());
                date(where, "endDate", e.endDate());
            }
            case SeedEntries.Figure f -> {
                required(where, "metric", f.metric());
                if (f.value() == null) {
                    problems.add(where + ": value is missing");
                }
                oneOf(where, "qualifier", f.qualifier() == null ? "EXACT" : f.qualifier(), QUALIFIERS);
                date(where, "date", f.date());
                if (f.about() != null) {
                    reference(where, "about", f.about(), Set.of(Label.values()));
                }
            }
        }
    }

    private void checkRelationship(int index, SeedEntries.Relationship r) {
        var where = SeedSet.RELATIONSHIPS + ", entry #" + (index + 1)
                + " (" + r.type() + " " + r.from() + " -> " + r.to() + ")";
        RelType type;
        try {
            type = RelType.valueOf(String.valueOf(r.type()));
        } catch (IllegalArgumentException e) {
            problems.add(where + ": unknown type '" + r.type() + "'");
            return;
        }
        if (!relationshipKeys.add(SeedImporter.keyOf(r))) {
            problems.add(where + ": the same relationship (type, from, to, role) is stated twice; merge the entries");
        }
        reference(where, "from", r.from(), type.from());
        reference(where, "to", r.to(), type.to());
        oneOf(where, "basis", r.basis(), BASES);
        checkSources(where, r.sources());
        date(where, "since", r.since());
        date(where, "until", r.until());
        date(where, "asOf", r.asOf());
        if (type == RelType.PARTICIPATES_IN) {
            oneOf(where, "role", r.role(), RelType.PARTICIPATION_ROLES);
        }
        if (type == RelType.HOLDS_ROLE) {
            required(where, "role", r.role());
        }
    }

    private void checkSources(String where, List<String> sources) {
        if (sources == null || sources.isEmpty()) {
            problems.add(where + ": sources is missing (name at least one id from " + SeedSet.SOURCES + ")");
            return;
        }
        for (var source : sources) {
            reference(where, "sources", source, Set.of(Label.Source));
        }
    }

    private void reference(String where, String field, String id, Set<Label> allowed) {
        var label = labels.get(id);
        if (label == null) {
            problems.add(where + ": unknown reference '" + id + "' in " + field);
        } else if (!allowed.contains(label)) {
            problems.add(where + ": '" + id + "' in " + field + " is a " + label + ", expected one of " + allowed);
        }
    }

    private void required(String where, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(where + ": " + field + " is missing");
        }
    }

    private void oneOf(String where, String field, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            problems.add(where + ": " + field + " '" + value + "' is not one of " + allowed.stream().sorted().toList());
        }
    }

    private void date(String where, String field, String value) {
        if (value == null) {
            return;
        }
        try {
            PartialDate.parse(value);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": " + field + " " + e.getMessage());
        }
    }

    private static String where(Located<Entry> located) {
        return located.file() + ", entry '" + located.entry().id() + "'";
    }

    static Label labelOf(Entry entry) {
        return switch (entry) {
            case SeedEntries.Source s -> Label.Source;
            case SeedEntries.Region r -> Label.Region;
            case SeedEntries.Organisation o -> Label.Organisation;
            case SeedEntries.Person p -> Label.Person;
            case SeedEntries.Project p -> Label.Project;
            case SeedEntries.Event e -> Label.Event;
            case SeedEntries.Figure f -> Label.Figure;
        };
    }

    private static List<String> nullSafe(List<String> list) {
        return list == null ? List.of() : list;
    }
}
