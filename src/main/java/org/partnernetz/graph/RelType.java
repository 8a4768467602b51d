package org.partnernetz.graph;

import static org.partnernetz.graph.Label.Event;
import static org.partnernetz.graph.Label.Organisation;
import static org.partnernetz.graph.Label.Person;
import static org.partnernetz.graph.Label.Project;
import static org.partnernetz.graph.Label.Region;

import java.util.Set;

/**
 * The relationship types a seed may state, with the labels allowed at either end. The importer
 * refuses any other combination, so queries can rely on these shapes.
 */
public enum RelType {
    PART_OF(Set.of(Organisation, Event, Project), Set.of(Organisation, Project)),
    MEMBER_OF(Set.of(Organisation), Set.of(Organisation)),
    PARTICIPATES_IN(Set.of(Organisation), Set.of(Project, Event)),
    FUNDS(Set.of(Organisation), Set.of(Organisation, Project)),
    LOCATED_IN(Set.of(Organisation, Project, Event), Set.of(Region)),
    ACTIVE_IN(Set.of(Organisation, Project, Event), Set.of(Region)),
    HOLDS_ROLE(Set.of(Person), Set.of(Organisation)),
    SPEAKS_AT(Set.of(Person), Set.of(Event)),
    ESTABLISHES(Set.of(Project), Set.of(Organisation));

    /** Roles an organisation may have in a project or event. */
    public static final Set<String> PARTICIPATION_ROLES = Set.of(
            "LEAD", "PARTNER", "FUNDER", "HOST", "ORGANISER", "SIGNATORY", "PARTICIPANT", "CARRIER", "INITIATOR");

    private final Set<Label> from;
    private final Set<Label> to;

    RelType(Set<Label> from, Set<Label> to) {
        this.from = from;
        this.to = to;
    }

    public Set<Label> from() {
        return from;
    }

    public Set<Label> to() {
        return to;
    }
}
