package org.partnernetz.graph;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * How far the graph has come, as every instance sees it: {@code (:GraphRevision {id: 'graph', value})}
 * in Neo4j, which every write that changes what a reader may see advances in its own transaction
 * (an edit, a relationship, content, a seed import, network measures), together with the latest
 * change that has fallen due (content published or withdrawn at a set time changes the answers
 * without a write at that moment). Answers to public reads carry an ETag made from it, so a write
 * on any instance changes the ETag at once.
 */
@Component
public class GraphRevision {

    private final Neo4jClient neo4j;

    GraphRevision(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Advances the revision, in the caller's transaction (so a rolled-back write leaves it where it was). */
    public void advance() {
        neo4j.query("MERGE (r:GraphRevision {id: 'graph'}) SET r.value = coalesce(r.value, 0) + 1").run();
    }

    /** The current revision as a token: the write count and the latest change that has fallen due. */
    public String current() {
        return neo4j.query("""
                OPTIONAL MATCH (r:GraphRevision {id: 'graph'})
                RETURN coalesce(r.value, 0) + '/' + coalesce(toString(COLLECT {
                         MATCH (c:ChangeEvent) WHERE c.dueAt <= $now
                         RETURN c.dueAt ORDER BY c.dueAt DESC LIMIT 1 }[0]), '-') AS token""")
                .bind(OffsetDateTime.now(ZoneOffset.UTC)).to("now")
                .fetchAs(String.class).one().orElse("0/-");
    }
}
