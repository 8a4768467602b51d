package org.partnernetz.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * The base facts of one context a collaboration can run through (a project, event, council or
 * funded organisation): its kind, time and regions, and the participations, memberships and
 * fundings that point to it. {@link #links()} holds the rules that turn them into links between
 * pairs of organisations; the derivation and the reads apply the same rules, to all contexts or to
 * a few ({@link CollaborationDeriver}).
 */
record ContextFacts(String key, boolean event, boolean project, boolean organisation, String kind, Dated time,
        List<String> regions, List<Fact> participations, List<Fact> memberships, List<Fact> fundings) {

    /** A time: first and last day where known, as the texts they came from. */
    record Dated(LocalDate start, LocalDate end, String startText, String endText) {
    }

    /** A participation, membership or funding from the organisation {@code org}. */
    record Fact(String org, String role, Dated time, String basis, List<String> sources) {
    }

    /** One link between the organisations {@code a} and {@code b} (a before b by seed key). */
    record Linked(String a, String b, DerivedLink link) {
        String pairKey() {
            return StoredPair.pairKey(a, b);
        }
    }

    /** The Cypher columns {@link #from(Record)} reads, for a context bound to {@code c}. */
    static final String COLUMNS = """
            RETURN c.key AS key, c:Event AS event, c:Project AS project, c:Organisation AS organisation, c.kind AS kind,
                   c {.start, .end, .startText, .endText} AS time,
                   [(c)-[:LOCATED_IN|ACTIVE_IN]->(r:Region) | r.key] AS regions,
                   [(x:Organisation)-[f:PARTICIPATES_IN]->(c) | f {org: x.key, .role, .start, .end, .startText, .endText, .basis, .sources}] AS participations,
                   [(x:Organisation)-[f:MEMBER_OF]->(c) | f {org: x.key, .start, .end, .startText, .endText, .basis, .sources}] AS memberships,
                   [(x:Organisation)-[f:FUNDS]->(c) | f {org: x.key, .start, .end, .startText, .endText, .basis, .sources}] AS fundings
            """;

    /** What a link can run through. */
    static final String IS_CONTEXT =
            "(c:Project OR c:Event OR (c:Organisation AND (c.kind = 'COUNCIL' OR EXISTS { (:Organisation)-[:FUNDS]->(c) })))";

    /** The facts of every context. */
    static final String EVERY_CONTEXT = "MATCH (c:Entity) WHERE " + IS_CONTEXT + "\n" + COLUMNS;

    static ContextFacts from(Record record) {
        return new ContextFacts(record.get("key").asString(), record.get("event").asBoolean(),
                record.get("project").asBoolean(), record.get("organisation").asBoolean(),
                record.get("kind").isNull() ? null : record.get("kind").asString(), dated(record.get("time")),
                record.get("regions").asList(Value::asString).stream().sorted().toList(),
                record.get("participations").asList(ContextFacts::fact),
                record.get("memberships").asList(ContextFacts::fact), record.get("fundings").asList(ContextFacts::fact));
    }

    private static Fact fact(Value value) {
        return new Fact(value.get("org").asString(), text(value.get("role")), dated(value),
                text(value.get("basis")), value.get("sources").isNull() ? List.of() : value.get("sources").asList(Value::asString));
    }

    private static Dated dated(Value value) {
        return new Dated(date(value.get("start")), date(value.get("end")), text(value.get("startText")),
                text(value.get("endText")));
    }

    private static LocalDate date(Value value) {
        return value.isNull() ? null : value.asLocalDate();
    }

    private static String text(Value value) {
        return value.isNull() ? null : value.asString();
    }

    /**
     * The links through this context: two participants of one project or event (SAME_PROJECT,
     * SAME_EVENT), two members of one council (SAME_COUNCIL), a funder and the organisation it
     * funds, or a funder and each participant of the project it funds (FUNDING). A link covers the
     * time of the context and of each fact it rests on (latest start, earliest end); it is stated
     * when every fact is; its sources are those of its facts.
     */
    List<Linked> links() {
        var links = new ArrayList<Linked>();
        var kindOfShared = event ? "SAME_EVENT" : "SAME_PROJECT";
        for (var x : participations) {
            for (var y : participations) {
                if (x.org().compareTo(y.org()) < 0) {
                    links.add(link(kindOfShared, x.org(), y.org(), x.role(), y.role(), List.of(x, y)));
                }
            }
        }
        if ("COUNCIL".equals(kind)) {
            for (var x : memberships) {
                for (var y : memberships) {
                    if (x.org().compareTo(y.org()) < 0) {
                        links.add(link("SAME_COUNCIL", x.org(), y.org(), "MEMBER", "MEMBER", List.of(x, y)));
                    }
                }
            }
        }
        for (var funding : fundings) {
            if (organisation && !funding.org().equals(key)) {
                links.add(link("FUNDING", funding.org(), key, "FUNDER", "FUNDED", List.of(funding)));
            }
            if (project) {
                for (var y : participations) {
                    if (!y.org().equals(funding.org())) {
                        links.add(link("FUNDING", funding.org(), y.org(), "FUNDER", y.role(), List.of(funding, y)));
                    }
                }
            }
        }
        return links;
    }

    private Linked link(String linkKind, String x, String y, String roleX, String roleY, List<Fact> facts) {
        boolean ordered = x.compareTo(y) < 0;
        Dated start = time.start() == null ? null : time;
        Dated end = time.end() == null ? null : time;
        var sources = new ArrayList<String>();
        boolean stated = true;
        for (var fact : facts) {
            if (fact.time().start() != null && (start == null || fact.time().start().isAfter(start.start()))) {
                start = fact.time();
            }
            if (fact.time().end() != null && (end == null || fact.time().end().isBefore(end.end()))) {
                end = fact.time();
            }
            stated &= "stated".equals(fact.basis());
            fact.sources().stream().filter(s -> !sources.contains(s)).forEach(sources::add);
        }
        var link = new DerivedLink(linkKind, key, ordered ? roleX : roleY, ordered ? roleY : roleX,
                start == null ? null : start.startText(), end == null ? null : end.endText(),
                stated ? "stated" : "inferred", List.copyOf(sources), regions,
                start == null ? DerivedLink.OPEN_START : start.start().toEpochDay(),
                end == null ? DerivedLink.OPEN_END : end.end().toEpochDay());
        return new Linked(ordered ? x : y, ordered ? y : x, link);
    }
}
