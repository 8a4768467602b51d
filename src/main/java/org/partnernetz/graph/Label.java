package org.partnernetz.graph;

/**
 * The node labels of the curated network. Each is also the GraphQL type name of its objects and
 * the first part of their global ids. Every such node also carries the label {@code Entity}, whose
 * {@code key} (the seed key) is unique across all of them.
 */
public enum Label {
    Source, Region, Organisation, Person, Project, Event, Figure, TargetGroup, Topic, Milestone;

    public static final String ENTITY = "Entity";
}
