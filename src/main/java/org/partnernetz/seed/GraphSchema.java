package org.partnernetz.seed;

import java.util.ArrayList;
import java.util.List;

import org.partnernetz.graph.Label;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Creates the constraints and indexes the hub relies on. Idempotent; runs before every import,
 * outside the import's transaction (Neo4j does not mix schema and data changes in one).
 */
@Component
class GraphSchema {

    private final Neo4jClient neo4j;

    GraphSchema(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    void ensure() {
        statements().forEach(statement -> neo4j.query(statement).run());
        neo4j.query("CALL db.awaitIndexes(60)").run();
    }

    static List<String> statements() {
        var statements = new ArrayList<String>();
        statements.add("CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE");
        for (var label : Label.values()) {
            var name = label.name().toLowerCase();
            statements.add("CREATE CONSTRAINT %s_slug IF NOT EXISTS FOR (n:%s) REQUIRE n.slug IS UNIQUE".formatted(name, label));
            statements.add("CREATE INDEX %s_sort IF NOT EXISTS FOR (n:%s) ON (n.sortName)".formatted(name, label));
            statements.add("CREATE TEXT INDEX %s_search IF NOT EXISTS FOR (n:%s) ON (n.searchText)".formatted(name, label));
        }
        statements.add("CREATE INDEX organisation_kind IF NOT EXISTS FOR (n:Organisation) ON (n.kind)");
        statements.add("CREATE CONSTRAINT collaboration_key IF NOT EXISTS FOR (c:Collaboration) REQUIRE c.key IS UNIQUE");
        statements.add("CREATE INDEX collaboration_pair IF NOT EXISTS FOR (c:Collaboration) ON (c.pairKey)");
        return statements;
    }
}
