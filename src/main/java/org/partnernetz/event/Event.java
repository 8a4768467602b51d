package org.partnernetz.event;

import static org.partnernetz.graph.Props.text;

import org.neo4j.driver.types.Node;
import org.partnernetz.graph.GraphObject;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.GlobalId;

/** A dated occasion: conference, regional event, visit, day of action, publication ... */
public record Event(String key, String slug, String name, String kind, String date, String endDate,
        String description, String descriptionEn) implements GraphObject, GraphObject.Described {

    public static Event from(Node node) {
        return new Event(text(node, "id"), text(node, "slug"), text(node, "name"), text(node, "kind"),
                text(node, "date"), text(node, "endDate"), text(node, "description"), text(node, "descriptionEn"));
    }

    @Override
    public String id() {
        return GlobalId.of(Label.Event, key);
    }
}
