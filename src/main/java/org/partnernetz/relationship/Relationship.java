package org.partnernetz.relationship;

import static org.partnernetz.graph.Props.flag;
import static org.partnernetz.graph.Props.number;
import static org.partnernetz.graph.Props.text;
import static org.partnernetz.graph.Props.texts;

import java.util.List;

import org.partnernetz.graph.HasSources;

/** The facts on one relationship of the graph: type, role, time and provenance. */
public record Relationship(String id, String type, String role, String since, String until, String asOf,
        Double amount, String currency, String period, boolean partial, String basis, String note,
        List<String> sourceKeys, int version, java.time.Instant updatedAt, String updatedBy)
        implements HasSources {

    public static Relationship from(org.neo4j.driver.types.Relationship r) {
        var basis = text(r, "basis");
        return new Relationship(text(r, "key"), r.type(), text(r, "role"), text(r, "since"), text(r, "until"), text(r, "asOf"),
                number(r, "amount"), text(r, "currency"), text(r, "period"), flag(r, "partial"),
                org.partnernetz.graph.Basis.of(basis), text(r, "note"), texts(r, "sources"),
                r.get("version").isNull() ? 1 : r.get("version").asInt(),
                r.get("updatedAt").isNull() ? null : r.get("updatedAt").asOffsetDateTime().toInstant(), text(r, "updatedBy"));
    }
}
