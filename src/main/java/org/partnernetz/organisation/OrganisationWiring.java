package org.partnernetz.organisation;

import org.partnernetz.graph.Label;
import org.partnernetz.graph.NodeType;
import org.partnernetz.relationship.RelationshipField;
import org.partnernetz.relationship.RelationshipFields;
import org.partnernetz.source.SourceFields;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the organisation feature contributes to the shared mechanics: how its nodes become records and are
 * listed ({@link NodeType}), and the list fields that follow its relationships ({@link RelationshipFields}).
 */
@Configuration(proxyBeanMethods = false)
class OrganisationWiring {

    @Bean
    NodeType organisationNodeType() {
        return NodeType.of(Label.Organisation, Organisation.class, Organisation::from);
    }

    @Bean
    RelationshipFields organisationRelationshipFields() {
        return RelationshipFields.of(
                RelationshipField.relationships("Organisation", "locatedIn", "(p)-[r:LOCATED_IN]->(t:Region)"),
                RelationshipField.relationships("Organisation", "activeIn", "(p)-[r:ACTIVE_IN]->(t:Region)"),
                RelationshipField.relationships("Organisation", "partOf", "(p)-[r:PART_OF]->(t)"),
                RelationshipField.relationships("Organisation", "units", "(p)<-[r:PART_OF]-(t:Organisation)"),
                RelationshipField.relationships("Organisation", "memberOf", "(p)-[r:MEMBER_OF]->(t)"),
                RelationshipField.relationships("Organisation", "members", "(p)<-[r:MEMBER_OF]-(t)"),
                RelationshipField.relationships("Organisation", "participations", "(p)-[r:PARTICIPATES_IN]->(t)"),
                RelationshipField.relationships("Organisation", "fundingGiven", "(p)-[r:FUNDS]->(t)"),
                RelationshipField.relationships("Organisation", "fundingReceived", "(p)<-[r:FUNDS]-(t)"),
                RelationshipField.relationships("Organisation", "people", "(p)<-[r:HOLDS_ROLE]-(t:Person)"),
                RelationshipField.relationships("Organisation", "establishedBy", "(p)<-[r:ESTABLISHES]-(t)"),
                RelationshipField.relationships("Organisation", "advises", "(p)-[r:ADVISES]->(t)"),
                RelationshipField.relationships("Organisation", "advisedBy", "(p)<-[r:ADVISES]-(t)"),
                RelationshipField.relationships("Organisation", "runs", "(p)-[r:RUNS]->(t)"),
                RelationshipField.relationships("Organisation", "runBy", "(p)<-[r:RUNS]-(t)"),
                RelationshipField.relationships("Organisation", "initiated", "(p)-[r:INITIATES]->(t)"),
                RelationshipField.relationships("Organisation", "initiatedBy", "(p)<-[r:INITIATES]-(t)"),
                RelationshipField.relationships("Organisation", "publications", "(p)-[r:PUBLISHES]->(t)"),
                RelationshipField.relationships("Organisation", "targetGroups", "(p)-[r:AIMED_AT]->(t)"),
                RelationshipField.relationships("Organisation", "offers", "(p)-[r:OFFERS]->(t)"),
                RelationshipField.relationships("Organisation", "fieldsOfActivity", "(p)-[r:WORKS_ON]->(t)"),
                RelationshipField.relationships("Organisation", "presentedAt", "(p)<-[r:PRESENTS]-(t)"),
                RelationshipField.relationships("Organisation", "statements", "(p)-[r:STATES]->(t)"),
                SourceFields.figures("Organisation"),
                SourceFields.sources("Organisation"));
    }
}
