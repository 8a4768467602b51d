package org.partnernetz.event;

import org.partnernetz.graph.Label;
import org.partnernetz.graph.NodeType;
import org.partnernetz.relationship.RelationshipField;
import org.partnernetz.relationship.RelationshipFields;
import org.partnernetz.source.SourceFields;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the event feature contributes to the shared mechanics: how its nodes become records and are
 * listed ({@link NodeType}), and the list fields that follow its relationships ({@link RelationshipFields}).
 */
@Configuration(proxyBeanMethods = false)
class EventWiring {

    @Bean
    NodeType eventNodeType() {
        return NodeType.of(Label.Event, Event.class, Event::from).withOrder(NodeType.NEWEST_FIRST);
    }

    @Bean
    RelationshipFields eventRelationshipFields() {
        return RelationshipFields.of(
                RelationshipField.relationships("Event", "participants", "(p)<-[r:PARTICIPATES_IN]-(t:Organisation)"),
                RelationshipField.relationships("Event", "speakers", "(p)<-[r:SPEAKS_AT]-(t:Person)"),
                RelationshipField.relationships("Event", "partOf", "(p)-[r:PART_OF]->(t)"),
                RelationshipField.relationships("Event", "regions", "(p)-[r:LOCATED_IN|ACTIVE_IN]->(t:Region)"),
                RelationshipField.relationships("Event", "initiatedBy", "(p)<-[r:INITIATES]-(t)"),
                RelationshipField.relationships("Event", "followsFrom", "(p)-[r:FOLLOWS_FROM]->(t)"),
                RelationshipField.relationships("Event", "consequences", "(p)<-[r:FOLLOWS_FROM]-(t)"),
                RelationshipField.relationships("Event", "targetGroups", "(p)-[r:AIMED_AT]->(t)"),
                RelationshipField.relationships("Event", "presented", "(p)-[r:PRESENTS]->(t)"),
                SourceFields.figures("Event"),
                SourceFields.sources("Event"));
    }
}
