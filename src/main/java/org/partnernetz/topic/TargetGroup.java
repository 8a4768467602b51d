package org.partnernetz.topic;

import static org.partnernetz.graph.Props.text;

import org.neo4j.driver.types.Node;
import org.partnernetz.graph.GraphObject;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.GlobalId;

/** A group of people or bodies that programmes, campaigns and councils address: refugees, volunteers ... */
public record TargetGroup(String key, String slug, String name, String nameEn, String description,
        String descriptionEn, String basis, String note) implements GraphObject, GraphObject.Described {

    public static TargetGroup from(Node node) {
        return new TargetGroup(text(node, "key"), text(node, "slug"), text(node, "name"), text(node, "nameEn"),
                text(node, "description"), text(node, "descriptionEn"),
                org.partnernetz.graph.Basis.of(text(node, "basis")), text(node, "note"));
    }

    @Override
    public String id() {
        return GlobalId.of(Label.TargetGroup, key);
    }
}
