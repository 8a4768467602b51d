package org.partnernetz.topic;

import org.partnernetz.graph.Label;
import org.partnernetz.graph.NodeType;
import org.partnernetz.relationship.RelationshipField;
import org.partnernetz.relationship.RelationshipFields;
import org.partnernetz.source.SourceFields;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the topic feature contributes to the shared mechanics: how its nodes become records and are
 * listed ({@link NodeType}), and the list fields that follow its relationships ({@link RelationshipFields}).
 */
@Configuration(proxyBeanMethods = false)
class TopicWiring {

    @Bean
    NodeType targetGroupNodeType() {
        return NodeType.of(Label.TargetGroup, TargetGroup.class, TargetGroup::from);
    }

    @Bean
    NodeType topicNodeType() {
        return NodeType.of(Label.Topic, Topic.class, Topic::from);
    }

    @Bean
    RelationshipFields topicRelationshipFields() {
        return RelationshipFields.of(
                RelationshipField.relationships("TargetGroup", "addressedBy", "(p)<-[r:AIMED_AT]-(t)"),
                SourceFields.sources("TargetGroup"),
                RelationshipField.relationships("Topic", "offeredBy", "(p)<-[r:OFFERS]-(t)"),
                RelationshipField.relationships("Topic", "workedOnBy", "(p)<-[r:WORKS_ON]-(t)"),
                RelationshipField.relationships("Topic", "presentedAt", "(p)<-[r:PRESENTS]-(t)"),
                SourceFields.sources("Topic"));
    }
}
