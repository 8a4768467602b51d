package org.partnernetz.source;

import static org.partnernetz.graph.Props.text;

import org.neo4j.driver.types.Node;
import org.partnernetz.graph.GraphObject;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.GlobalId;

/** A document that facts in the graph are traced to. */
public record Source(String key, String slug, String title, String publisher, String published, String url,
        String file, String language) implements GraphObject {

    public static Source from(Node node) {
        return new Source(text(node, "id"), text(node, "slug"), text(node, "title"), text(node, "publisher"),
                text(node, "published"), text(node, "url"), text(node, "file"), text(node, "language"));
    }

    @Override
    public String id() {
        return GlobalId.of(Label.Source, key);
    }
}
