package org.partnernetz.organisation;

import static org.partnernetz.graph.Props.text;
import static org.partnernetz.graph.Props.texts;

import java.util.List;

import org.neo4j.driver.types.Node;
import org.partnernetz.graph.GraphObject;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.GlobalId;

/** A body in the network: ministry, agency, chamber, association, council, company ... */
public record Organisation(String key, String slug, String name, String shortName, List<String> aliases,
        String kind, String description, String descriptionEn, String website)
        implements GraphObject, GraphObject.Described {

    public static Organisation from(Node node) {
        return new Organisation(text(node, "id"), text(node, "slug"), text(node, "name"), text(node, "shortName"),
                texts(node, "aliases"), text(node, "kind"), text(node, "description"),
                text(node, "descriptionEn"), text(node, "website"));
    }

    @Override
    public String id() {
        return GlobalId.of(Label.Organisation, key);
    }
}
