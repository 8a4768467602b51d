package org.partnernetz.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.partnernetz.graph.Coordinates;
import org.partnernetz.graph.Label;
import org.partnernetz.graph.PartialDate;
import org.partnernetz.graph.RelType;
import org.partnernetz.seed.SeedEntries.Entry;
import org.partnernetz.seed.SeedSet.Located;

/**
 * Checks a whole {@link SeedSet} before anything is written: keys, slugs, kinds, dates and every
 * reference. All problems are collected, each naming its file and entry, so an editor can fix them
 * in one pass.
 */
final class SeedValidator {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Official keys: state 2, administrative district 3, district 5, municipality 8 or 12 digits. */
    private static final Pattern AGS = Pattern.compile("\\d{2}|\\d{3}|\\d{5}|\\d{8}|\\d{12}");

    static final Set<String> REGION_TYPES = Set.of("COUNTRY", "STATE", "ADMINISTRATIVE_DISTRICT", "LABOUR_MARKET_REGION",
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
    static final Set<String> QUALIFIERS = Set.of("EXACT", "ABOUT", "ALMOST", "OVER", "UNDER");
    static final Set<String> BASES = Set.of("stated", "inferred");
    static final Set<String> DOCUMENT_TYPES = Set.of("PRESS_RELEASE", "NEWS_ITEM", "WEB_PAGE", "REFERENCE_TABLE",
            "SUBMISSION");
    static final Set<String> DATE_KINDS = Set.of("PUBLISHED", "OCCASION", "SAVED");
    static final Set<String> TOPIC_KINDS = Set.of("SERVICE", "SECTOR", "FIELD_OF_ACTIVITY", "THEME");
    /** Sources of this type may be cited for the region hierarchy without saying so. */
    static final String REFERENCE_TABLE = "REFERENCE_TABLE";

    private final SeedSet seed;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Label> labels = new HashMap<>();
    /** The label of a referenced key: the seed's own, or (for an entry written through the API) the graph's. */
    private final java.util.function.Function<String, Label> labelOf;
    /** The kind of an organisation, likewise. */
    private final java.util.function.Function<String, String> kindOf;
    private final Map<String, String> organisationKinds = new HashMap<>();
    private final Map<String, String> documentTypes = new HashMap<>();
    private final Set<String> relationshipKeys = new HashSet<>();

    private SeedValidator(SeedSet seed) {
        this.seed = seed;
        this.labelOf = labels::get;
        this.kindOf = organisationKinds::get;
    }

    private SeedValidator(java.util.function.Function<String, Label> labelOf,
            java.util.function.Function<String, String> kindOf) {
        this.seed = null;
        this.labelOf = labelOf;
        this.kindOf = kindOf;
    }

    /**
     * The problems of one entry written through the API, by the same rules as the seed's entries;
     * the keys it references are looked up with {@code labelOf} (in the graph). Each problem starts
     * with {@code where}.
     */
    static List<String> problemsOf(Entry entry, String where, java.util.function.Function<String, Label> labelOf) {
        var validator = new SeedValidator(labelOf, key -> null);
        validator.checkEntry(new Located<>(where, entry), where);
        return List.copyOf(validator.problems);
    }

    /** The problems of one relationship written through the API, by the seed's rules for relationships. */
    static List<String> problemsOf(SeedEntries.Relationship relationship, String where,
            java.util.function.Function<String, Label> labelOf, java.util.function.Function<String, String> kindOf) {
        var validator = new SeedValidator(labelOf, kindOf);
        validator.checkRelationship(where, relationship);
        return List.copyOf(validator.problems);
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
            if (entry.key() == null || !ID.matcher(entry.key()).matches()) {
                problems.add(where + ": key must be lower-case kebab-case ([a-z0-9-])");
                return;
            }
            var previous = firstFile.putIfAbsent(entry.key(), located.file());
            if (previous != null) {
                problems.add(where + ": duplicate key (already used in " + previous + ")");
                return;
            }
            var label = labelOf(entry);
            labels.put(entry.key(), label);
            if (entry instanceof SeedEntries.Organisation o) {
                organisationKinds.put(o.key(), o.kind());
            }
            if (entry instanceof SeedEntries.Source s) {
                documentTypes.put(s.key(), s.documentType());
            }
            var slug = SeedImporter.slugOf(entry);
            if (!ID.matcher(slug).matches()) {
                problems.add(where + ": slug '" + slug + "' must be lower-case kebab-case");
            } else if (!slugs.computeIfAbsent(label, l -> new HashSet<>()).add(slug)) {
                problems.add(where + ": duplicate slug '" + slug + "'");
            }
        });
    }

    private void checkEntry(Located<Entry> located) {
        checkEntry(located, where(located));
    }

    private void checkEntry(Located<Entry> located, String where) {
        var entry = located.entry();
        if (!(entry instanceof SeedEntries.Source)) {
            checkSources(where, entry.sources());
        }
        if (entry instanceof SeedEntries.Dated dated) {
            dated(where, dated);
        }
        if (entry instanceof SeedEntries.Asserted asserted) {
            basis(where, "basis", asserted.basis(), asserted.note(), "note");
        }
        switch (entry) {
            case SeedEntries.Source s -> {
                required(where, "title", s.title());
                oneOf(where, "documentType", s.documentType(), DOCUMENT_TYPES);
                if (s.date() != null) {
                    oneOf(where, "dateKind", s.dateKind(), DATE_KINDS);
                }
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
                for (var source : nullSafe(r.parentSources())) {
                    reference(where, "parentSources", source, Set.of(Label.Source));
                }
                basis(where, "parentBasis", r.parentBasis(), r.parentNote(), "parentNote");
                if (!"VENUE".equals(r.type())) {
                    for (var source : nullSafe(r.parentSources())) {
                        if (documentTypes.containsKey(source) && !REFERENCE_TABLE.equals(documentTypes.get(source))) {
                            problems.add(where + ": parentSources '" + source + "' is a " + documentTypes.get(source)
                                    + "; the hierarchy of regions other than venues cites reference tables only");
                        }
                    }
                }
                point(where, r);
                if (!nullSafe(r.parents()).isEmpty() && hierarchySources(r, documentTypes).isEmpty()) {
                    problems.add(where + ": parents need parentSources (the documents that place it there),"
                            + " or a source of documentType " + REFERENCE_TABLE + " among its sources");
                }
            }
            case SeedEntries.Organisation o -> {
                required(where, "name", o.name());
                oneOf(where, "kind", o.kind(), ORGANISATION_KINDS);
                if (o.identity() != null) {
                    identity(where, o);
                }
            }
            case SeedEntries.Person p -> required(where, "name", p.name());
            case SeedEntries.Project p -> {
                required(where, "name", p.name());
                oneOf(where, "kind", p.kind(), PROJECT_KINDS);
                date(where, "since", p.since());
                date(where, "until", p.until());
                order(where, "since", p.since(), "until", p.until());
            }
            case SeedEntries.Event e -> {
                required(where, "name", e.name());
                oneOf(where, "kind", e.kind(), EVENT_KINDS);
                date(where, "endDate", e.endDate());
                if (e.endDate() != null && e.date() == null) {
                    problems.add(where + ": endDate needs a date (the first day)");
                }
                order(where, "date", e.date(), "endDate", e.endDate());
            }
            case SeedEntries.Figure f -> {
                required(where, "metric", f.metric());
                if (f.value() == null) {
                    problems.add(where + ": value is missing");
                }
                oneOf(where, "qualifier", f.qualifier() == null ? "EXACT" : f.qualifier(), QUALIFIERS);
                if (f.about() != null) {
                    reference(where, "about", f.about(), Set.of(Label.values()));
                }
                if (f.region() != null) {
                    reference(where, "region", f.region(), Set.of(Label.Region));
                }
            }
            case SeedEntries.TargetGroup g -> required(where, "name", g.name());
            case SeedEntries.Topic t -> {
                required(where, "name", t.name());
                oneOf(where, "kind", t.kind(), TOPIC_KINDS);
            }
            case SeedEntries.Milestone m -> {
                required(where, "name", m.name());
                reference(where, "project", m.project(), Set.of(Label.Project));
                if (m.date() == null && m.notBefore() == null && m.notAfter() == null) {
                    problems.add(where + ": a milestone needs a date, or notBefore/notAfter");
                }
            }
        }
    }

    /** Date, bounds and how sure the date is, as every dated entry has them. */
    private void dated(String where, SeedEntries.Dated dated) {
        date(where, "date", dated.date());
        date(where, "notBefore", dated.notBefore());
        date(where, "notAfter", dated.notAfter());
        basis(where, "dateBasis", dated.dateBasis(), dated.dateNote(), "dateNote");
        order(where, "notBefore", dated.notBefore(), "notAfter", dated.notAfter());
        order(where, "notBefore", dated.notBefore(), "date", dated.date());
        order(where, "date", dated.date(), "notAfter", dated.notAfter());
    }

    private void identity(String where, SeedEntries.Organisation o) {
        var identity = o.identity();
        if (identity.basis() == null) {
            problems.add(where + ": identity.basis is missing (inferred, or stated where a document says the names are one body)");
        }
        basis(where, "identity.basis", identity.basis(), identity.note(), "identity.note");
        var names = new HashSet<String>(nullSafe(o.aliases()));
        names.add(o.name());
        if (nullSafe(identity.names()).size() < 2) {
            problems.add(where + ": identity.names must list the two or more names that were merged");
        }
        for (var name : nullSafe(identity.names())) {
            if (!names.contains(name)) {
                problems.add(where + ": identity name '" + name + "' is neither the name nor an alias");
            }
        }
        checkSources(where + " (identity)", identity.sources());
    }

    /**
     * A region's point: latitude and longitude both or neither, on the earth, cited by a reference
     * table; an area only with a point, and small enough that the region reaches at most
     * {@link #Coordinates.MAX_EXTENT_KM} from it.
     */
    private void point(String where, SeedEntries.Region r) {
        if ((r.latitude() == null) != (r.longitude() == null)) {
            problems.add(where + ": give latitude and longitude together");
            return;
        }
        if (r.latitude() == null) {
            if (r.areaKm2() != null || !nullSafe(r.pointSources()).isEmpty()) {
                problems.add(where + ": areaKm2 and pointSources belong to a point (latitude, longitude)");
            }
            return;
        }
        if (Math.abs(r.latitude()) > 90 || Math.abs(r.longitude()) > 180) {
            problems.add(where + ": latitude must lie in -90..90 and longitude in -180..180");
        }
        if (r.areaKm2() != null && (r.areaKm2() <= 0 || Math.sqrt(r.areaKm2() / Math.PI) > Coordinates.MAX_EXTENT_KM)) {
            problems.add(where + ": areaKm2 must be above 0 and at most " + Math.round(Math.PI * Coordinates.MAX_EXTENT_KM * Coordinates.MAX_EXTENT_KM));
        }
        if (nullSafe(r.pointSources()).isEmpty()) {
            problems.add(where + ": a point needs pointSources (the reference table it comes from)");
        }
        for (var source : nullSafe(r.pointSources())) {
            reference(where, "pointSources", source, Set.of(Label.Source));
            if (documentTypes.containsKey(source) && !REFERENCE_TABLE.equals(documentTypes.get(source))) {
                problems.add(where + ": pointSources '" + source + "' is a " + documentTypes.get(source)
                        + "; points come from reference tables");
            }
        }
    }

    /**
     * The sources cited for a region's place in the hierarchy: those named in {@code parentSources},
     * or else its reference tables. Press documents that merely mention a region are not evidence
     * for where it belongs.
     */
    static List<String> hierarchySources(SeedEntries.Region region, Map<String, String> documentTypes) {
        if (region.parentSources() != null && !region.parentSources().isEmpty()) {
            return region.parentSources();
        }
        return nullSafe(region.sources()).stream()
                .filter(source -> REFERENCE_TABLE.equals(documentTypes.get(source)))
                .toList();
    }

    private void checkRelationship(int index, SeedEntries.Relationship r) {
        checkRelationship(SeedSet.RELATIONSHIPS + ", entry #" + (index + 1)
                + " (" + r.type() + " " + r.from() + " -> " + r.to() + ")", r);
    }

    private void checkRelationship(String where, SeedEntries.Relationship r) {
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
        if (r.basis() == null) {
            problems.add(where + ": basis is missing (stated or inferred)");
        } else {
            basis(where, "basis", r.basis(), r.note(), "note");
        }
        checkSources(where, r.sources());
        date(where, "since", r.since());
        date(where, "until", r.until());
        date(where, "asOf", r.asOf());
        order(where, "since", r.since(), "until", r.until());
        var roles = type.roles();
        if (roles.none() && r.role() != null) {
            problems.add(where + ": a " + type + " relationship takes no role, but has '" + r.role() + "'");
        } else if (!roles.allowed().isEmpty() && (r.role() != null || roles.required())) {
            oneOf(where, "role", r.role(), roles.allowed());
        } else if (roles.required()) {
            required(where, "role", r.role());
        }
        var kind = kindOf.apply(r.from());
        if (!type.fromKinds().isEmpty() && kind != null && !type.fromKinds().contains(kind)) {
            problems.add(where + ": only organisations of kind " + type.fromKinds() + " may be the from of "
                    + type + ", '" + r.from() + "' is " + kind);
        }
    }

    /** A basis is stated or inferred; an inferred one says why. */
    private void basis(String where, String field, String basis, String note, String noteField) {
        if (basis == null) {
            return;
        }
        oneOf(where, field, basis, BASES);
        if ("inferred".equals(basis) && (note == null || note.isBlank())) {
            problems.add(where + ": " + field + " is inferred, so " + noteField + " must say why");
        }
    }

    private void checkSources(String where, List<String> sources) {
        if (sources == null || sources.isEmpty()) {
            problems.add(where + ": sources is missing (name at least one key from " + SeedSet.SOURCES + ")");
            return;
        }
        for (var source : sources) {
            reference(where, "sources", source, Set.of(Label.Source));
        }
    }

    private void reference(String where, String field, String id, Set<Label> allowed) {
        var label = labelOf.apply(id);
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

    /** Two dates that must not be the wrong way round (partial dates may overlap). */
    private void order(String where, String earlierField, String earlier, String laterField, String later) {
        if (earlier != null && later != null && valid(earlier) && valid(later)
                && PartialDate.parse(earlier).first().isAfter(PartialDate.parse(later).last())) {
            problems.add(where + ": " + earlierField + " " + earlier + " lies after " + laterField + " " + later);
        }
    }

    private static boolean valid(String date) {
        try {
            PartialDate.parse(date);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
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
        return located.file() + ", entry '" + located.entry().key() + "'";
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
            case SeedEntries.TargetGroup g -> Label.TargetGroup;
            case SeedEntries.Topic t -> Label.Topic;
            case SeedEntries.Milestone m -> Label.Milestone;
        };
    }

    private static List<String> nullSafe(List<String> list) {
        return list == null ? List.of() : list;
    }
}
