package org.partnernetz.source;

import org.partnernetz.graph.GraphObject;
import org.partnernetz.graph.Label;
import org.partnernetz.graph.NodeType;
import org.partnernetz.region.Region;
import org.partnernetz.relationship.RelationshipField;
import org.partnernetz.relationship.RelationshipFields;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the source feature contributes to the shared mechanics: how its nodes become records and are
 * listed ({@link NodeType}), and the list fields that follow its relationships ({@link RelationshipFields}).
 */
@Configuration(proxyBeanMethods = false)
class SourceWiring {

    @Bean
    NodeType sourceNodeType() {
        return NodeType.of(Label.Source, Source.class, Source::from)
                .withOrder(NodeType.NEWEST_FIRST).withKindProperty("documentType");
    }

    @Bean
    NodeType figureNodeType() {
        return NodeType.of(Label.Figure, Figure.class, Figure::from)
                .withOrder(NodeType.NEWEST_FIRST).withKindProperty("metric");
    }

    @Bean
    RelationshipFields sourceRelationshipFields() {
        return RelationshipFields.of(
                RelationshipField.relationships("Source", "mentions", "(p)-[r:MENTIONS]->(t)"),
                RelationshipField.relationships("Source", "publishedBy", "(p)<-[r:PUBLISHES]-(t)"),
                RelationshipField.single("Figure", "about", "(p)-[r:ABOUT]->(t)", GraphObject.class),
                RelationshipField.single("Figure", "region", "(p)-[r:COUNTED_IN]->(t:Region)", Region.class),
                RelationshipField.relationships("Figure", "statedBy", "(p)<-[r:STATES]-(t)"),
                SourceFields.sources("Figure"));
    }
}
