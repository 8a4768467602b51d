package org.partnernetz.search;

import java.util.ArrayList;
import java.util.List;

import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The Cypher of search over the network's entries: the full-text indexes of schema step 16, one
 * per language for texts ({@code entity_text_de}, {@code entity_text_en}) and one of names
 * ({@code entity_names}, the compacted names and aliases of {@code searchText}, one term each).
 */
@Component
class SearchQueries {

    /** An entry an index found, with the index's score. */
    record Found(Node node, double score) {
    }

    private final Neo4jClient neo4j;

    SearchQueries(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /**
     * Entries whose texts match a Lucene query in {@code index}, best first, of the given labels
     * (all when null) and, when {@code regions} is given, in one of those regions (the region
     * itself, or an entry located or active in it).
     */
    List<Found> entries(String index, String query, List<String> labels, List<String> regions, int limit) {
        return new ArrayList<>(neo4j.query("""
                CALL db.index.fulltext.queryNodes($index, $query, {limit: $limit}) YIELD node, score
                WHERE ($labels IS NULL OR any(l IN labels(node) WHERE l IN $labels))
                  AND ($regions IS NULL OR node.key IN $regions
                       OR EXISTS { (node)-[:LOCATED_IN|ACTIVE_IN]->(r:Region) WHERE r.key IN $regions })
                RETURN node, score ORDER BY score DESC""")
                .bind(index).to("index").bind(query).to("query").bind(labels).to("labels").bind(regions).to("regions")
                .bind(limit).to("limit")
                .fetchAs(Found.class).mappedBy((types, record) -> new Found(record.get("node").asNode(),
                        record.get("score").asDouble()))
                .all());
    }

    /** Entries one of whose compacted names or aliases is one of {@code names}. */
    List<Node> named(List<String> names) {
        var query = String.join(" ", names.stream().map(name -> '"' + name + '"').toList());
        return new ArrayList<>(neo4j.query("""
                CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: 1000}) YIELD node
                RETURN node""")
                .bind(query).to("query")
                .fetchAs(Node.class).mappedBy((types, record) -> record.get("node").asNode()).all());
    }
}
