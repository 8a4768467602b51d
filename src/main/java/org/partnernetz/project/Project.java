package org.partnernetz.project;

import static org.partnernetz.graph.Props.text;
import static org.partnernetz.graph.Props.texts;

import java.util.List;

import org.neo4j.driver.types.Node;
import org.partnernetz.graph.GraphObject;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.GlobalId;

/** A programme, initiative, campaign, model project, portal or law. */
public record Project(String key, String slug, String name, List<String> aliases, String kind, String since,
        String until, String description, String descriptionEn, String website, String basis, String note)
        implements GraphObject, GraphObject.Described {

    public static Project from(Node node) {
        return new Project(text(node, "key"), text(node, "slug"), text(node, "name"), texts(node, "aliases"),
                text(node, "kind"), text(node, "since"), text(node, "until"), text(node, "description"),
                text(node, "descriptionEn"), text(node, "website"), org.partnernetz.graph.Basis.of(text(node, "basis")),
                text(node, "note"));
    }

    @Override
    public String id() {
        return GlobalId.of(Label.Project, key);
    }
}
