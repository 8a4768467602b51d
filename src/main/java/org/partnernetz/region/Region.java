package org.partnernetz.region;

import static org.partnernetz.graph.Props.number;
import static org.partnernetz.graph.Props.text;
import static org.partnernetz.graph.Props.texts;

import java.util.List;

import org.neo4j.driver.types.Node;
import org.partnernetz.graph.Coordinates;
import org.partnernetz.graph.GraphObject;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.GlobalId;

/** A region, from Germany and the state of NRW down to a venue. */
public record Region(String key, String slug, String name, String nameEn, List<String> aliases, String type,
        String ags, Coordinates coordinates, Double areaKm2, String note) implements GraphObject {

    public static Region from(Node node) {
        return new Region(text(node, "key"), text(node, "slug"), text(node, "name"), text(node, "nameEn"),
                texts(node, "aliases"), text(node, "type"), text(node, "ags"), Coordinates.own(node),
                number(node, "areaKm2"), text(node, "note"));
    }

    @Override
    public String id() {
        return GlobalId.of(Label.Region, key);
    }
}
