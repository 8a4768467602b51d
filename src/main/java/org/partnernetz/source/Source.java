package org.partnernetz.source;

import static org.partnernetz.graph.Props.text;

import org.neo4j.driver.types.Node;
import org.partnernetz.graph.Basis;
import org.partnernetz.graph.GraphObject;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.GlobalId;

/** A document that facts in the graph are traced to, and what kind of document it is. */
public record Source(String key, String slug, String title, String documentType, String publisher, String date,
        String dateKind, String dateBasis, String dateNote, String notBefore, String notAfter, String url,
        String file, String language) implements GraphObject {

    public static Source from(Node node) {
        return new Source(text(node, "key"), text(node, "slug"), text(node, "title"), text(node, "documentType"),
                text(node, "publisher"), text(node, "date"), text(node, "dateKind"),
                Basis.orNull(text(node, "dateBasis")), text(node, "dateNote"), text(node, "notBefore"),
                text(node, "notAfter"), text(node, "url"), text(node, "file"), text(node, "language"));
    }

    @Override
    public String id() {
        return GlobalId.of(Label.Source, key);
    }
}
