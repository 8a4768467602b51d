package org.partnernetz.event;

import static org.partnernetz.graph.Props.text;

import org.neo4j.driver.types.Node;
import org.partnernetz.graph.Basis;
import org.partnernetz.graph.GraphObject;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.GlobalId;

/** A dated occasion: conference, regional event, visit, day of action, publication ... */
public record Event(String key, String slug, String name, String kind, String date, String endDate,
        String notBefore, String notAfter, String dateBasis, String dateNote, String description,
        String descriptionEn, String basis, String note) implements GraphObject, GraphObject.Described {

    public static Event from(Node node) {
        return new Event(text(node, "key"), text(node, "slug"), text(node, "name"), text(node, "kind"),
                text(node, "date"), text(node, "endDate"), text(node, "notBefore"), text(node, "notAfter"),
                Basis.orNull(text(node, "dateBasis")), text(node, "dateNote"), text(node, "description"),
                text(node, "descriptionEn"), Basis.of(text(node, "basis")), text(node, "note"));
    }

    @Override
    public String id() {
        return GlobalId.of(Label.Event, key);
    }
}
