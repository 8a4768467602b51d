package org.partnernetz.graph;

import org.neo4j.driver.types.Node;
import org.partnernetz.event.Event;
import org.partnernetz.organisation.Organisation;
import org.partnernetz.person.Person;
import org.partnernetz.project.Milestone;
import org.partnernetz.project.Project;
import org.partnernetz.region.Region;
import org.partnernetz.source.Figure;
import org.partnernetz.source.Source;
import org.partnernetz.topic.TargetGroup;
import org.partnernetz.topic.Topic;

/**
 * Maps a Neo4j node of any label to the record the API shows for it. The record's class name is its
 * GraphQL type, which is how fields typed {@code Node} resolve their concrete type.
 */
public final class Nodes {

    private Nodes() {
    }

    public static GraphObject toObject(Node node) {
        return switch (labelOf(node)) {
            case Source -> Source.from(node);
            case Region -> Region.from(node);
            case Organisation -> Organisation.from(node);
            case Person -> Person.from(node);
            case Project -> Project.from(node);
            case Event -> Event.from(node);
            case Figure -> Figure.from(node);
            case TargetGroup -> TargetGroup.from(node);
            case Topic -> Topic.from(node);
            case Milestone -> Milestone.from(node);
        };
    }

    public static Label labelOf(Node node) {
        for (var label : node.labels()) {
            if (!Label.ENTITY.equals(label)) {
                return Label.valueOf(label);
            }
        }
        throw new IllegalStateException("Node without a known label: " + node.labels());
    }
}
