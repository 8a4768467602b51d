package org.partnernetz.region;

import static org.partnernetz.graph.Props.text;

import org.neo4j.driver.types.Node;
import org.partnernetz.graph.GraphObject;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.GlobalId;

/** A region of NRW, from the state down to a venue. */
public record Region(String key, String slug, String name, String nameEn, String type, String ags, String note)
        implements GraphObject {

    public static Region from(Node node) {
        return new Region(text(node, "id"), text(node, "slug"), text(node, "name"), text(node, "nameEn"),
                text(node, "type"), text(node, "ags"), text(node, "note"));
    }

    @Override
    public String id() {
        return GlobalId.of(Label.Region, key);
    }
}
