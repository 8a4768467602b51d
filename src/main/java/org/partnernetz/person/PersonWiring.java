package org.partnernetz.person;

import org.partnernetz.graph.Label;
import org.partnernetz.graph.NodeType;
import org.partnernetz.relationship.RelationshipField;
import org.partnernetz.relationship.RelationshipFields;
import org.partnernetz.source.SourceFields;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the person feature contributes to the shared mechanics: how its nodes become records and are
 * listed ({@link NodeType}), and the list fields that follow its relationships ({@link RelationshipFields}).
 */
@Configuration(proxyBeanMethods = false)
class PersonWiring {

    @Bean
    NodeType personNodeType() {
        return NodeType.of(Label.Person, Person.class, Person::from);
    }

    @Bean
    RelationshipFields personRelationshipFields() {
        return RelationshipFields.of(
                RelationshipField.relationships("Person", "roles", "(p)-[r:HOLDS_ROLE]->(t)"),
                RelationshipField.relationships("Person", "appearances", "(p)-[r:SPEAKS_AT]->(t)"),
                RelationshipField.relationships("Person", "initiated", "(p)-[r:INITIATES]->(t)"),
                RelationshipField.relationships("Person", "publications", "(p)-[r:PUBLISHES]->(t)"),
                RelationshipField.relationships("Person", "statements", "(p)-[r:STATES]->(t)"),
                SourceFields.sources("Person"));
    }
}
