package org.partnernetz.source;

import java.util.List;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.Label;
import org.partnernetz.graph.PartialDate;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading figures by subject, region, metric and time: the feature's transaction boundary. */
@Service
@Transactional(readOnly = true)
public class FigureService {

    private final EntityQueries entities;

    FigureService(EntityQueries entities) {
        this.entities = entities;
    }

    /**
     * A page of figures. {@code subject} names any object and {@code region} a region (by slug,
     * seed key or global id); either may be null, like the other filters.
     */
    public Connection<Connection.Edge<Figure>> list(String subject, String region, List<String> metrics,
            PartialDate from, PartialDate to, PageRequest page) {
        var filter = new EntityQueries.Filter(null, metrics, from, to);
        if (subject != null) {
            filter = filter.and(new EntityQueries.Condition("EXISTS { (n)-[:ABOUT]->(:Entity {key: $subject}) }",
                    "subject", entities.resolveAnyKey(subject, "subject")));
        }
        if (region != null) {
            filter = filter.and(new EntityQueries.Condition(
                    "EXISTS { (n)-[:COUNTED_IN]->(:Region)-[:PART_OF*0..6]->(:Entity {key: $region}) }",
                    "region", entities.resolveKey(Label.Region, region, "region")));
        }
        return entities.list(Label.Figure, filter, page, Figure.class);
    }
}
