package org.partnernetz.region;

import java.util.List;

import org.partnernetz.graph.Label;
import org.partnernetz.graph.NodeType;
import org.partnernetz.graphql.SortKey;
import org.partnernetz.relationship.RelationshipField;
import org.partnernetz.relationship.RelationshipFields;
import org.partnernetz.source.SourceFields;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the region feature contributes to the shared mechanics: how its nodes become records and are
 * listed ({@link NodeType}), and the list fields that follow its relationships ({@link RelationshipFields}).
 */
@Configuration(proxyBeanMethods = false)
class RegionWiring {

    /** From the country down (by level), then alphabetically. */
    static final List<SortKey> REGION_ORDER = List.of(
            SortKey.ascending("""
                    CASE n.type WHEN 'COUNTRY' THEN 0 WHEN 'STATE' THEN 1 WHEN 'ADMINISTRATIVE_DISTRICT' THEN 2
                      WHEN 'LABOUR_MARKET_REGION' THEN 3 WHEN 'DISTRICT' THEN 4 WHEN 'DISTRICT_FREE_CITY' THEN 4
                      WHEN 'MUNICIPALITY' THEN 5 WHEN 'CITY_DISTRICT' THEN 6 ELSE 7 END"""),
            SortKey.ascending("coalesce(n.sortName, '')"), SortKey.ascending("n.key"));

    @Bean
    NodeType regionNodeType() {
        return NodeType.of(Label.Region, Region.class, Region::from)
                .withOrder(REGION_ORDER).withKindProperty("type");
    }

    @Bean
    RelationshipFields regionRelationshipFields() {
        return RelationshipFields.of(
                RelationshipField.relationships("Region", "parents", "(p)-[r:PART_OF]->(t:Region)"),
                RelationshipField.relationships("Region", "children", "(p)<-[r:PART_OF]-(t:Region)"),
                RelationshipField.relationships("Region", "located", "(p)<-[r:LOCATED_IN]-(t)")
                    .withSubregions(RelationshipField.SUBREGIONS + "<-[r:LOCATED_IN]-(t)"),
                RelationshipField.relationships("Region", "active", "(p)<-[r:ACTIVE_IN]-(t)")
                    .withSubregions(RelationshipField.SUBREGIONS + "<-[r:ACTIVE_IN]-(t)"),
                SourceFields.countedIn("Region"),
                SourceFields.sources("Region"));
    }
}
