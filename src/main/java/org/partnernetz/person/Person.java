package org.partnernetz.person;

import static org.partnernetz.graph.Props.text;

import org.neo4j.driver.types.Node;
import org.partnernetz.graph.GraphObject;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.GlobalId;

/** A named person; their roles are relationships to organisations. */
public record Person(String key, String slug, String name, String description, String descriptionEn, String basis,
        String note)
        implements GraphObject, GraphObject.Described {

    public static Person from(Node node) {
        return new Person(text(node, "key"), text(node, "slug"), text(node, "name"), text(node, "description"),
                text(node, "descriptionEn"), org.partnernetz.graph.Basis.of(text(node, "basis")), text(node, "note"));
    }

    @Override
    public String id() {
        return GlobalId.of(Label.Person, key);
    }
}
