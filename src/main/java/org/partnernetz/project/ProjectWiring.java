package org.partnernetz.project;

import org.partnernetz.graph.Label;
import org.partnernetz.graph.NodeType;
import org.partnernetz.relationship.RelationshipField;
import org.partnernetz.relationship.RelationshipFields;
import org.partnernetz.source.SourceFields;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the project feature contributes to the shared mechanics: how its nodes become records and are
 * listed ({@link NodeType}), and the list fields that follow its relationships ({@link RelationshipFields}).
 */
@Configuration(proxyBeanMethods = false)
class ProjectWiring {

    @Bean
    NodeType projectNodeType() {
        return NodeType.of(Label.Project, Project.class, Project::from);
    }

    @Bean
    NodeType milestoneNodeType() {
        return NodeType.of(Label.Milestone, Milestone.class, Milestone::from).withOrder(NodeType.NEWEST_FIRST);
    }

    @Bean
    RelationshipFields projectRelationshipFields() {
        return RelationshipFields.of(
                RelationshipField.relationships("Project", "participants", "(p)<-[r:PARTICIPATES_IN]-(t:Organisation)"),
                RelationshipField.relationships("Project", "funders", "(p)<-[r:FUNDS]-(t)"),
                RelationshipField.relationships("Project", "parts", "(p)<-[r:PART_OF]-(t)"),
                RelationshipField.relationships("Project", "partOf", "(p)-[r:PART_OF]->(t)"),
                RelationshipField.relationships("Project", "regions", "(p)-[r:LOCATED_IN|ACTIVE_IN]->(t:Region)"),
                RelationshipField.relationships("Project", "establishes", "(p)-[r:ESTABLISHES]->(t)"),
                RelationshipField.relationships("Project", "runBy", "(p)<-[r:RUNS]-(t)"),
                RelationshipField.relationships("Project", "initiatedBy", "(p)<-[r:INITIATES]-(t)"),
                RelationshipField.relationships("Project", "followsFrom", "(p)-[r:FOLLOWS_FROM]->(t)"),
                RelationshipField.relationships("Project", "targetGroups", "(p)-[r:AIMED_AT]->(t)"),
                RelationshipField.relationships("Project", "offers", "(p)-[r:OFFERS]->(t)"),
                RelationshipField.relationships("Project", "fieldsOfActivity", "(p)-[r:WORKS_ON]->(t)"),
                RelationshipField.relationships("Project", "presentedAt", "(p)<-[r:PRESENTS]-(t)"),
                RelationshipField.relationships("Project", "milestones", "(p)<-[r:MILESTONE_OF]-(t:Milestone)").orderedBy(RelationshipField.BY_DATE),
                SourceFields.figures("Project"),
                SourceFields.sources("Project"),
                RelationshipField.single("Milestone", "project", "(p)-[r:MILESTONE_OF]->(t)", Project.class),
                SourceFields.sources("Milestone"));
    }
}
