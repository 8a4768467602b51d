package org.partnernetz.bookmark;

import java.util.Set;

import io.micrometer.context.ContextRegistry;
import org.neo4j.driver.Bookmark;
import org.springframework.context.event.EventListener;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarksUpdatedEvent;
import org.springframework.stereotype.Component;

/**
 * The client's side of the hub's bookmarks. Spring Data Neo4j's bookmark manager chains this
 * instance's transactions; {@link #manager()} makes one that also starts every transaction of a
 * request after the bookmarks its client sent, and each commit during the request tells the request
 * the instance's new bookmarks, which {@link BookmarkInterceptor} hands back.
 *
 * <p>The request is known by a thread-local that {@link BookmarkFilter} sets around the request and
 * that Spring for GraphQL carries to the threads of data fetchers (a registered context accessor).
 */
@Component
public class ClientBookmarks {

    private static final ThreadLocal<Exchange> CURRENT = new ThreadLocal<>();

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(ClientBookmarks.class.getName(), CURRENT);
    }

    /** The bookmark manager for the transaction manager and the client, one for both. */
    public Neo4jBookmarkManager manager() {
        return Neo4jBookmarkManager.create(() -> {
            var exchange = CURRENT.get();
            return exchange == null ? Set.of() : exchange.incoming;
        });
    }

    @EventListener
    void committed(Neo4jBookmarksUpdatedEvent event) {
        var exchange = CURRENT.get();
        if (exchange != null && !event.getBookmarks().isEmpty()) {
            exchange.latest = Set.copyOf(event.getBookmarks());
        }
    }

    /** Serves one request with the client's bookmarks; close it when the request ends. */
    static Exchange open(Set<Bookmark> incoming) {
        var exchange = new Exchange(incoming);
        CURRENT.set(exchange);
        return exchange;
    }

    /**
     * Whether the request on this thread came with bookmarks: its client waits for a write of its own,
     * so the request must run, on a database at least that far, not be answered from a cache.
     */
    public static boolean clientSentBookmarks() {
        var exchange = CURRENT.get();
        return exchange != null && !exchange.incoming.isEmpty();
    }

    /** The exchange of the request on this thread, if one is open. */
    static Exchange current() {
        return CURRENT.get();
    }

    /** One request's view of bookmarks: what its client sent, and where the instance stood after its last commit. */
    static final class Exchange implements AutoCloseable {

        private final Set<Bookmark> incoming;
        private volatile Set<Bookmark> latest = Set.of();

        private Exchange(Set<Bookmark> incoming) {
            this.incoming = incoming;
        }

        /** The bookmarks the client should send next, or empty when no transaction ran. */
        Set<Bookmark> latest() {
            return latest;
        }

        @Override
        public void close() {
            if (CURRENT.get() == this) {
                CURRENT.remove();
            }
        }
    }
}
