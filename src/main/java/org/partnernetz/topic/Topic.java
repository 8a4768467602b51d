package org.partnernetz.topic;

import static org.partnernetz.graph.Props.text;

import org.neo4j.driver.types.Node;
import org.partnernetz.graph.GraphObject;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.GlobalId;

/**
 * Something the network offers or works on, as a term a researcher can filter and count by: a
 * service, a sector of the economy, a field of activity, a theme.
 */
public record Topic(String key, String slug, String name, String nameEn, String kind, String description,
        String descriptionEn, String basis, String note) implements GraphObject, GraphObject.Described {

    public static Topic from(Node node) {
        return new Topic(text(node, "key"), text(node, "slug"), text(node, "name"), text(node, "nameEn"),
                text(node, "kind"), text(node, "description"), text(node, "descriptionEn"),
                org.partnernetz.graph.Basis.of(text(node, "basis")), text(node, "note"));
    }

    @Override
    public String id() {
        return GlobalId.of(Label.Topic, key);
    }
}
