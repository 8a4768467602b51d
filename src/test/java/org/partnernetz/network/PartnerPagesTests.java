package org.partnernetz.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.partnernetz.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A partners page read by names only holds the names of its organisations, of its ties' regions and
 * of their projects and events, and nothing else of them; the same page read whole holds the rest.
 */
@FullStackTest
class PartnerPagesTests {

    @Autowired
    NetworkQueries network;

    @Test
    void aPageReadByNamesHoldsOnlyNamesAndTheSamePageReadWholeHoldsMore() {
        var names = page(true);
        var whole = page(false);
        assertThat(ties(names)).isNotEmpty().isEqualTo(ties(whole));
        for (var edge : names.edges()) {
            assertThat(edge.node().name()).isNotBlank();
            assertThat(edge.node().description()).as(edge.node().key()).isNull();
            for (var tie : edge.ties()) {
                assertThat(tie.region().name()).isNotBlank();
                assertThat(tie.region().type()).as(tie.region().key()).isNull();
            }
        }
        assertThat(whole.edges()).anySatisfy(edge -> assertThat(edge.node().description()).isNotBlank());
        assertThat(whole.edges()).allSatisfy(edge -> assertThat(edge.ties())
                .allSatisfy(tie -> assertThat(tie.region().type()).isNotBlank()));
    }

    private Connection<PartnerEdge> page(boolean namesOnly) {
        return network.partners("nrw", true, null, PageRequest.of(20, null), 5, true, false, namesOnly).answer();
    }

    /** Each partner's ties as "organisation kind region through" lines. */
    private static List<String> ties(Connection<PartnerEdge> page) {
        return page.edges().stream().flatMap(edge -> edge.ties().stream().map(tie -> edge.node().key() + " "
                + tie.kind() + " " + tie.region().key() + " " + (tie.through() == null ? "-" : tie.through().key())))
                .toList();
    }
}
