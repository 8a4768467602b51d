package org.partnernetz.organisation;

import static org.partnernetz.graph.Props.text;
import static org.partnernetz.graph.Props.texts;

import java.util.List;

import org.neo4j.driver.types.Node;
import org.partnernetz.graph.Basis;
import org.partnernetz.graph.GraphObject;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.GlobalId;
import org.partnernetz.graph.HasSources;

/** A body in the network: ministry, agency, chamber, association, council, company ... */
public record Organisation(String key, String slug, String name, String shortName, List<String> aliases,
        String kind, String description, String descriptionEn, String website, String basis, String note,
        Identity identity)
        implements GraphObject, GraphObject.Described {

    public static Organisation from(Node node) {
        var identityBasis = text(node, "identityBasis");
        var identity = identityBasis == null ? null : new Identity(Basis.of(identityBasis),
                texts(node, "identityNames"), text(node, "identityNote"), texts(node, "identitySources"));
        return new Organisation(text(node, "key"), text(node, "slug"), text(node, "name"), text(node, "shortName"),
                texts(node, "aliases"), text(node, "kind"), text(node, "description"),
                text(node, "descriptionEn"), text(node, "website"), Basis.of(text(node, "basis")), text(node, "note"),
                identity);
    }

    @Override
    public String id() {
        return GlobalId.of(Label.Organisation, key);
    }

    /**
     * Bodies recorded as this one entry because they are taken to be the same, with how sure that
     * is and the documents behind it.
     */
    public record Identity(String basis, List<String> names, String note, List<String> sourceKeys)
            implements HasSources {
    }
}
