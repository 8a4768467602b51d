package org.partnernetz.network;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.partnernetz.editing.EntryChanges;
import org.partnernetz.graph.Label;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps partners and collaborations in step with edits of entries (not of ties: those are
 * {@link RelationshipEditing}'s): a project's or event's time, an organisation's kind (councils are
 * contexts), and entries that are archived, restored or merged, with everything around them.
 */
@Component
class NetworkUpkeep implements EntryChanges {

    /** Fields of a context that its links depend on. */
    private static final Set<String> CONTEXT_FIELDS = Set.of("kind", "since", "until", "date", "endDate",
            "notBefore", "notAfter");

    private final Neo4jClient neo4j;
    private final PartnerDerivation partners;
    private final CollaborationDeriver collaborations;

    NetworkUpkeep(Neo4jClient neo4j, PartnerDerivation partners, CollaborationDeriver collaborations) {
        this.neo4j = neo4j;
        this.partners = partners;
        this.collaborations = collaborations;
    }

    @Override
    public void fieldsChanged(Label kind, String key, Set<String> fields) {
        boolean context = kind == Label.Project || kind == Label.Event || kind == Label.Organisation;
        if (context && fields.stream().anyMatch(CONTEXT_FIELDS::contains)) {
            collaborations.refresh(List.of(key));
        }
    }

    /**
     * Re-derives around these entries: the memberships of the organisations among them, of those
     * taking part in them and of those partners in them (regions); the links of the contexts among
     * them, of the contexts they take part in, belong to or fund, and of those located in them.
     */
    @Override
    public void tiesChanged(Collection<String> keys) {
        var organisations = new TreeSet<String>();
        var contexts = new TreeSet<String>();
        neo4j.query("""
                UNWIND $keys AS key
                MATCH (n:Entity {key: key})
                RETURN CASE WHEN n:Organisation OR n.archivedLabel = 'Organisation' THEN [key] ELSE [] END
                         + COLLECT { MATCH (o:Organisation)-[:PARTICIPATES_IN]->(n) RETURN o.key }
                         + COLLECT { MATCH (o:Organisation)-[:PARTNER_IN]->(n) RETURN o.key } AS organisations,
                       [key]
                         + COLLECT { MATCH (n)-[:PARTICIPATES_IN|MEMBER_OF|FUNDS]->(c:Entity) RETURN c.key }
                         + COLLECT { MATCH (c:Entity)-[:LOCATED_IN|ACTIVE_IN]->(n) RETURN c.key } AS contexts""")
                .bind(List.copyOf(keys)).to("keys").fetch().all().forEach(row -> {
                    organisations.addAll(strings(row.get("organisations")));
                    contexts.addAll(strings(row.get("contexts")));
                });
        if (!organisations.isEmpty()) {
            partners.refresh(organisations);
        }
        // A new region counts its partners from zero, as a rebuild would count them, and gets the
        // index over its collaboration rank once it is committed (a schema change needs its own transaction).
        long newRegions = neo4j.query("""
                UNWIND $keys AS key
                MATCH (r:Entity {key: key}) WHERE r:Region AND r.partnerCount IS NULL
                SET r.partnerCount = 0, r.directPartnerCount = 0
                RETURN count(r)""").bind(List.copyOf(keys)).to("keys").fetchAs(Long.class).one().orElse(0L);
        if (newRegions > 0 && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    collaborations.ensureRankIndexes();
                }
            });
        }
        // Only what is a context, or was one (an archived project still has its record), has links.
        collaborations.refresh(neo4j.query("""
                UNWIND $keys AS key
                MATCH (c:Entity {key: key})
                WHERE %s OR EXISTS { (:CollaborationRecord {key: key}) }
                RETURN key""".formatted(ContextFacts.IS_CONTEXT))
                .bind(List.copyOf(contexts)).to("keys").fetchAs(String.class).all());
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
