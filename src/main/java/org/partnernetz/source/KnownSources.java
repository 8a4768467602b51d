package org.partnernetz.source;

import java.util.Collection;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.neo4j.driver.types.Node;

/**
 * Source documents that a page's own query read along with the page: handed to the request's
 * source loader, so that the {@code sources} fields below the page are answered from them instead
 * of by a second transaction after the page.
 */
public final class KnownSources {

    private KnownSources() {
    }

    /** Makes these source nodes known to the request's loader of sources by key. */
    public static void prime(DataFetchingEnvironment environment, Collection<Node> sources) {
        DataLoader<String, Source> loader = environment.getDataLoader(SourceDocumentsWiring.LOADER);
        if (loader == null) {
            return;
        }
        for (var node : sources) {
            var source = Source.from(node);
            loader.prime(source.key(), source);
        }
    }
}
