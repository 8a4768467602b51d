package org.partnernetz.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import org.partnernetz.account.Caller;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.DocumentCache;
import org.partnernetz.graphql.PageRequest;
import org.partnernetz.graphql.SortKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who did what, when, with which credential: every request that carries a token or JWT leaves one
 * {@code :AuditEntry} in the graph (operation, top-level fields, outcome), so admins see every
 * mutation and every use of a token, from any instance. Variables and documents are not kept: they
 * may hold what callers do not want stored. Requests without credentials read the public graph and
 * are not audited.
 *
 * <p>Entries are written by one background writer, many per transaction, so that a request does
 * not wait for a second commit: the answer leaves first, the entry follows within milliseconds. A
 * crash in between loses those entries, not the record of a change: every committed change has its
 * revision (who, which credential, when) in its own transaction. A full queue drops entries and
 * says so in the log; shutting down writes what is queued.
 */
@Component
public class AuditTrail implements WebGraphQlInterceptor, org.springframework.beans.factory.DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private static final List<SortKey> NEWEST_FIRST = List.of(SortKey.descending("a.at.epochMillis"), SortKey.descending("a.id"));

    /** Entries waiting for the writer; bounded, so a stalled database cannot fill the heap. */
    private final java.util.concurrent.BlockingQueue<Map<String, Object>> queue =
            new java.util.concurrent.ArrayBlockingQueue<>(10_000);

    private final java.util.concurrent.atomic.AtomicLong dropped = new java.util.concurrent.atomic.AtomicLong();

    /** Entries queued and entries the writer has finished with, for {@link #flush}. */
    private final java.util.concurrent.atomic.AtomicLong queued = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong handled = new java.util.concurrent.atomic.AtomicLong();

    private final Neo4jClient neo4j;

    private final DocumentCache documents;

    private final Thread writer;

    private volatile boolean running = true;

    AuditTrail(Neo4jClient neo4j, DocumentCache documents) {
        this.neo4j = neo4j;
        this.documents = documents;
        this.writer = Thread.ofPlatform().name("audit-writer").daemon().start(this::writeQueued);
    }

    /** One audited request. */
    public record AuditEntry(String id, java.time.Instant at, String by, String role, String credentialKind,
            String credential, String operation, String operationName, List<String> fields, String outcome) {
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Caller caller)) {
            return chain.next(request);
        }
        return chain.next(request).map(response -> {
            record(caller, request, response);
            return response;
        });
    }

    private void record(Caller caller, WebGraphQlRequest request, WebGraphQlResponse response) {
        var operation = "unparsed";
        var fields = new TreeSet<String>();
        try {
            // The document its execution parsed, not parsed a second time.
            Document document = documents.document(request.getDocument(), request.getExtensions());
            var fragments = new HashMap<String, graphql.language.SelectionSet>();
            document.getDefinitionsOfType(graphql.language.FragmentDefinition.class)
                    .forEach(fragment -> fragments.put(fragment.getName(), fragment.getSelectionSet()));
            for (var definition : document.getDefinitionsOfType(OperationDefinition.class)) {
                if (request.getOperationName() == null || request.getOperationName().equals(definition.getName())) {
                    operation = definition.getOperation().name().toLowerCase(java.util.Locale.ROOT);
                    topLevel(definition.getSelectionSet(), fragments, fields, 0);
                    break;
                }
            }
        } catch (InvalidSyntaxException e) {
            operation = "invalid";
        }
        var outcome = response.isValid() && response.getErrors().isEmpty() ? "ok"
                : String.join(",", new TreeSet<>(response.getErrors().stream()
                        .map(error -> String.valueOf(error.getErrorType())).toList()));
        var entry = new HashMap<String, Object>();
        entry.put("id", UUID.randomUUID().toString());
        entry.put("at", OffsetDateTime.now(ZoneOffset.UTC));
        entry.put("by", caller.name());
        entry.put("role", caller.role() == null ? null : caller.role().name());
        entry.put("credentialKind", caller.kind().name());
        entry.put("credential", caller.credential());
        entry.put("operation", operation);
        entry.put("operationName", request.getOperationName());
        entry.put("fields", List.copyOf(fields));
        entry.put("outcome", outcome);
        if (queue.offer(entry)) {
            queued.incrementAndGet();
        } else if (dropped.incrementAndGet() % 1000 == 1) {
            log.warn("The audit queue is full; {} entries dropped so far", dropped.get());
        }
    }

    /** The fields at the top of an operation, through fragments (bounded, as a fragment may not nest itself). */
    private static void topLevel(graphql.language.SelectionSet selections, Map<String, graphql.language.SelectionSet> fragments,
            java.util.Set<String> fields, int depth) {
        if (selections == null || depth > 10) {
            return;
        }
        for (var selection : selections.getSelections()) {
            switch (selection) {
                case Field field -> fields.add(field.getName());
                case graphql.language.InlineFragment inline -> topLevel(inline.getSelectionSet(), fragments, fields, depth + 1);
                case graphql.language.FragmentSpread spread -> topLevel(fragments.get(spread.getName()), fragments, fields,
                        depth + 1);
                default -> {
                    // No other kind of selection exists.
                }
            }
        }
    }

    /** The writer: waits for entries, then writes all that are queued (up to 500) in one transaction. */
    private void writeQueued() {
        var batch = new ArrayList<Map<String, Object>>();
        while (running || !queue.isEmpty()) {
            try {
                var first = queue.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 499);
                write(batch);
                handled.addAndGet(batch.size());
            } catch (InterruptedException e) {
                running = false;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Map<String, Object>> entries) {
        try {
            neo4j.query("UNWIND $entries AS entry CREATE (a:AuditEntry) SET a = entry").bind(entries).to("entries").run();
        } catch (RuntimeException e) {
            // The answers stand; lost entries are logged (without the requests), never turned into errors.
            log.error("Could not write {} audit entries ({})", entries.size(), e.getClass().getSimpleName());
        }
    }

    /** Waits until every entry queued so far is written (or {@code timeout} has passed). */
    public void flush(java.time.Duration timeout) {
        long target = queued.get();
        long until = System.nanoTime() + timeout.toNanos();
        while (handled.get() < target && System.nanoTime() < until) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        writer.join(java.time.Duration.ofSeconds(10));
    }

    private static final String PAGE = """
            MATCH (a:AuditEntry)
            WHERE ($by IS NULL OR a.by = $by) AND ($credential IS NULL OR a.credential = $credential)
              AND ($operation IS NULL OR a.operation = $operation)
            WITH a, %s AS sortKey
            WHERE %s
            RETURN a, sortKey ORDER BY %s LIMIT $limit
            """.formatted(SortKey.values(NEWEST_FIRST), SortKey.after(NEWEST_FIRST, "sortKey"),
            SortKey.orderBy(NEWEST_FIRST, "sortKey"));

    /** The audit trail, newest first, optionally of one caller, one credential or one kind of operation. */
    @PreAuthorize("hasRole('ADMIN')")
    public Connection<Connection.Edge<AuditEntry>> page(String by, String credential, String operation,
            PageRequest page) {
        // This instance's own recent entries first, so an admin sees the request just made.
        flush(java.time.Duration.ofSeconds(2));
        var parameters = new HashMap<String, Object>();
        parameters.put("by", by);
        parameters.put("credential", credential);
        parameters.put("operation", operation);
        parameters.put("limit", page.limit());
        SortKey.bindAfter("auditTrail", NEWEST_FIRST, page, parameters);
        var rows = new ArrayList<Connection.Row<AuditEntry>>();
        neo4j.query(PAGE).bindAll(parameters).fetch().all().forEach(row -> {
            var node = (org.neo4j.driver.types.Node) row.get("a");
            rows.add(new Connection.Row<>(entry(node), ((List<?>) row.get("sortKey")).stream().map(Object.class::cast).toList()));
        });
        return Connection.ofNodes("auditTrail", rows, page, -1);
    }

    private static AuditEntry entry(org.neo4j.driver.types.Node node) {
        Map<String, Object> values = node.asMap();
        return new AuditEntry((String) values.get("id"), node.get("at").asOffsetDateTime().toInstant(), (String) values.get("by"),
                (String) values.get("role"), (String) values.get("credentialKind"), (String) values.get("credential"),
                (String) values.get("operation"), (String) values.get("operationName"),
                node.get("fields").asList(value -> value.asString()), (String) values.get("outcome"));
    }
}
