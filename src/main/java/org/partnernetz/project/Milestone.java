package org.partnernetz.project;

import static org.partnernetz.graph.Props.text;

import org.neo4j.driver.types.Node;
import org.partnernetz.graph.Basis;
import org.partnernetz.graph.GraphObject;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.GlobalId;

/** A dated step in the life of a project: its start, a first cohort, a new phase. */
public record Milestone(String key, String slug, String name, String nameEn, String date, String notBefore,
        String notAfter, String dateBasis, String dateNote, String description, String descriptionEn,
        String basis, String note) implements GraphObject, GraphObject.Described {

    public static Milestone from(Node node) {
        return new Milestone(text(node, "key"), text(node, "slug"), text(node, "name"), text(node, "nameEn"),
                text(node, "date"), text(node, "notBefore"), text(node, "notAfter"),
                Basis.orNull(text(node, "dateBasis")), text(node, "dateNote"), text(node, "description"),
                text(node, "descriptionEn"), Basis.of(text(node, "basis")), text(node, "note"));
    }

    @Override
    public String id() {
        return GlobalId.of(Label.Milestone, key);
    }
}
