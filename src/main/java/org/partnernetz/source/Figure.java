package org.partnernetz.source;

import static org.partnernetz.graph.Props.number;
import static org.partnernetz.graph.Props.text;

import org.neo4j.driver.types.Node;
import org.partnernetz.graph.Basis;
import org.partnernetz.graph.GraphObject;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.GlobalId;

/** A number a source gives, about one object of the network. */
public record Figure(String key, String metric, String label, Double value, String unit, String qualifier,
        String qualifierText, String date, String notBefore, String notAfter, String dateBasis, String dateNote,
        String period, String basis, String note) implements GraphObject {

    public static Figure from(Node node) {
        return new Figure(text(node, "key"), text(node, "metric"), text(node, "label"), number(node, "value"),
                text(node, "unit"), text(node, "qualifier"), text(node, "qualifierText"), text(node, "date"),
                text(node, "notBefore"), text(node, "notAfter"), Basis.orNull(text(node, "dateBasis")),
                text(node, "dateNote"), text(node, "period"), Basis.of(text(node, "basis")), text(node, "note"));
    }

    @Override
    public String id() {
        return GlobalId.of(Label.Figure, key);
    }
}
