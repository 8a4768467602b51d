package org.partnernetz.graph;

import static org.partnernetz.graph.Label.Event;
import static org.partnernetz.graph.Label.Figure;
import static org.partnernetz.graph.Label.Organisation;
import static org.partnernetz.graph.Label.Person;
import static org.partnernetz.graph.Label.Project;
import static org.partnernetz.graph.Label.Region;
import static org.partnernetz.graph.Label.Source;
import static org.partnernetz.graph.Label.TargetGroup;
import static org.partnernetz.graph.Label.Topic;

import java.util.Set;

/**
 * The relationship types a seed may state, with the labels allowed at either end, the roles a
 * relationship of the type may carry ({@link Roles}) and, where only some organisations may start
 * one, their kinds. The importer refuses any other combination,
 * so queries can rely on these shapes.
 */
public enum RelType {
    PART_OF(Set.of(Organisation, Event, Project), Set.of(Organisation, Project)),
    MEMBER_OF(Set.of(Organisation), Set.of(Organisation)),
    PARTICIPATES_IN(Set.of(Organisation), Set.of(Project, Event), Roles.required(
            "LEAD", "PARTNER", "FUNDER", "HOST", "ORGANISER", "SIGNATORY", "PARTICIPANT", "CARRIER", "INITIATOR")),
    FUNDS(Set.of(Organisation), Set.of(Organisation, Project)),
    LOCATED_IN(Set.of(Organisation, Project, Event), Set.of(Region)),
    ACTIVE_IN(Set.of(Organisation, Project, Event), Set.of(Region)),
    HOLDS_ROLE(Set.of(Person), Set.of(Organisation), Roles.FREE_TEXT),
    SPEAKS_AT(Set.of(Person), Set.of(Event), Roles.optional("speaker", "host", "moderator", "guest")),
    ESTABLISHES(Set.of(Project), Set.of(Organisation)),
    /** A council advising a government or ministry; only organisations of kind COUNCIL advise. */
    ADVISES(Set.of(Organisation), Set.of(Organisation), Roles.NONE, Set.of("COUNCIL")),
    /** Being the carrier (Träger) of agencies, services or projects. */
    RUNS(Set.of(Organisation), Set.of(Organisation, Project)),
    /** Initiating or founding a council, programme, campaign or event; {@code since} says when. */
    INITIATES(Set.of(Organisation, Person), Set.of(Organisation, Project, Event)),
    /** A programme or event that came about as a consequence of an earlier event. */
    FOLLOWS_FROM(Set.of(Project, Event), Set.of(Event)),
    /** Publishing a source document, as publisher, author, editor or press contact. */
    PUBLISHES(Set.of(Organisation, Person), Set.of(Source), Roles.required("PUBLISHER", "AUTHOR", "EDITOR", "PRESS_CONTACT")),
    /** A programme, campaign, council or event addressing a target group. */
    AIMED_AT(Set.of(Project, Organisation, Event), Set.of(TargetGroup)),
    /** An offer or service an organisation or project provides. */
    OFFERS(Set.of(Organisation, Project), Set.of(Topic)),
    /** A sector, topic, project or organisation presented at an event. */
    PRESENTS(Set.of(Event), Set.of(Topic, Project, Organisation)),
    /** A field of activity an organisation or programme works in. */
    WORKS_ON(Set.of(Organisation, Project), Set.of(Topic)),
    /** Who stated a figure; {@code asOf} is the date of the statement. */
    STATES(Set.of(Person, Organisation), Set.of(Figure));

    private final Set<Label> from;
    private final Set<Label> to;
    private final Roles roles;
    private final Set<String> fromKinds;

    RelType(Set<Label> from, Set<Label> to) {
        this(from, to, Roles.NONE, Set.of());
    }

    RelType(Set<Label> from, Set<Label> to, Roles roles) {
        this(from, to, roles, Set.of());
    }

    RelType(Set<Label> from, Set<Label> to, Roles roles, Set<String> fromKinds) {
        this.from = from;
        this.to = to;
        this.roles = roles;
        this.fromKinds = fromKinds;
    }

    public Set<Label> from() {
        return from;
    }

    public Set<Label> to() {
        return to;
    }

    /** What {@code role} a relationship of this type takes. */
    public Roles roles() {
        return roles;
    }

    /** The organisation kinds that may start such a relationship; empty when any may. */
    public Set<String> fromKinds() {
        return fromKinds;
    }

    /**
     * The roles of a relationship type.
     *
     * @param required whether a role must be given
     * @param allowed the allowed values; empty means any text, unless {@code none}
     * @param none no role may be given
     */
    public record Roles(boolean required, Set<String> allowed, boolean none) {

        static final Roles NONE = new Roles(false, Set.of(), true);
        static final Roles FREE_TEXT = new Roles(true, Set.of(), false);

        static Roles required(String... allowed) {
            return new Roles(true, Set.of(allowed), false);
        }

        static Roles optional(String... allowed) {
            return new Roles(false, Set.of(allowed), false);
        }
    }
}
