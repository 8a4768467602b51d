package org.partnernetz.seed;

import java.util.List;
import java.util.stream.Stream;

import org.partnernetz.seed.SeedEntries.Entry;

/** Everything read from one {@code graph-seed/} directory, before it is validated. */
record SeedSet(
        List<SeedEntries.Source> sources,
        List<SeedEntries.Region> regions,
        List<SeedEntries.Organisation> organisations,
        List<SeedEntries.Person> people,
        List<SeedEntries.Project> projects,
        List<SeedEntries.Event> events,
        List<SeedEntries.Figure> figures,
        List<SeedEntries.TargetGroup> targetGroups,
        List<SeedEntries.Topic> topics,
        List<SeedEntries.Milestone> milestones,
        List<SeedEntries.Relationship> relationships) {

    static final String SOURCES = "sources.yaml";
    static final String REGIONS = "regions.yaml";
    static final String ORGANISATIONS = "organisations.yaml";
    static final String PEOPLE = "people.yaml";
    static final String PROJECTS = "projects.yaml";
    static final String EVENTS = "events.yaml";
    static final String FIGURES = "figures.yaml";
    static final String TARGET_GROUPS = "target-groups.yaml";
    static final String TOPICS = "topics.yaml";
    static final String MILESTONES = "milestones.yaml";
    static final String RELATIONSHIPS = "relationships.yaml";

    /** Every file of a seed, in the order they are read. */
    static final List<String> FILES = List.of(SOURCES, REGIONS, ORGANISATIONS, PEOPLE, PROJECTS, EVENTS, FIGURES,
            TARGET_GROUPS, TOPICS, MILESTONES, RELATIONSHIPS);

    /** Every entry with an id, with the file it comes from. */
    Stream<Located<Entry>> entries() {
        return Stream.of(
                located(SOURCES, sources), located(REGIONS, regions), located(ORGANISATIONS, organisations),
                located(PEOPLE, people), located(PROJECTS, projects), located(EVENTS, events),
                located(FIGURES, figures), located(TARGET_GROUPS, targetGroups), located(TOPICS, topics),
                located(MILESTONES, milestones))
                .flatMap(s -> s);
    }

    private static Stream<Located<Entry>> located(String file, List<? extends Entry> entries) {
        return entries.stream().map(e -> new Located<Entry>(file, e));
    }

    /** An entry and the file it was read from, for messages that name both. */
    record Located<T>(String file, T entry) {
    }
}
