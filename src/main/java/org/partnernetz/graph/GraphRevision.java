package org.partnernetz.graph;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.springframework.beans.factory.ObjectProvider;
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

    private static final String CURRENT = """
            OPTIONAL MATCH (r:GraphRevision {id: 'graph'})
            RETURN coalesce(r.value, 0) + '/' + coalesce(toString(COLLECT {
                     MATCH (c:ChangeEvent) WHERE c.dueAt <= $now
                     RETURN c.dueAt ORDER BY c.dueAt DESC LIMIT 1 }[0]), '-') AS token""";

    private final Neo4jClient neo4j;
    /**
     * The embedded database, when the hub runs one: read in-process, without a Bolt round trip.
     * Looked up at the first read, not here: it starts in the background while the beans are made.
     */
    private final ObjectProvider<DatabaseManagementService> embedded;

    GraphRevision(Neo4jClient neo4j, ObjectProvider<DatabaseManagementService> embedded) {
        this.neo4j = neo4j;
        this.embedded = embedded;
    }

    /** Advances the revision, in the caller's transaction (so a rolled-back write leaves it where it was). */
    public void advance() {
        neo4j.query("MERGE (r:GraphRevision {id: 'graph'}) SET r.value = coalesce(r.value, 0) + 1").run();
    }

    /**
     * The current revision as a token: the write count and the latest change that has fallen due.
     * With the embedded database it is read in-process (one instance, so nothing is missed); a Bolt
     * round trip costs several milliseconds on a small machine, which is most of a 304's time.
     */
    public String current() {
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        var database = embedded.getIfAvailable();
        if (database != null) {
            return database.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally(CURRENT,
                    Map.of("now", now.toZonedDateTime()), result -> result.hasNext() ? (String) result.next().get("token") : "0/-");
        }
        return neo4j.query(CURRENT).bind(now).to("now").fetchAs(String.class).one().orElse("0/-");
    }
}
