package org.partnernetz.network;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Values;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the derived collaborations in step with the base facts: the pairs with two links or more
 * as {@code :Collaboration} nodes ({@link StoredPair}), each region's number of collaborating pairs
 * and each organisation's number of collaborating pairs ({@code collaborationCount}; a region
 * counts links in the regions inside it) and the whole network's
 * ({@code (:CollaborationTotal {id: 'all'})}). Every context (project, event, council, funded
 * organisation) has a record ({@code (:CollaborationRecord {key})}, apart from the entity, whose
 * reads it would slow) of the pairs linked through it, with a digest of those links, and of its
 * regions at that time: a change re-derives only the pairs whose links through it changed, and
 * knows where they were.
 *
 * <p>Why not every pair: at NRW's full size nine pairs in ten have a single link, and writing two
 * million nodes with their rank indexes took longer than the whole budget for deriving; single-link
 * pairs are found from the base facts when a page reaches them ({@link NetworkQueries}).
 *
 * <p>Two paths that must agree (a randomised test holds them equal): {@link #refresh} re-derives
 * what a change touches, inside the caller's transaction; {@link #rebuild} derives everything for
 * the import and for repair, reading the facts of every context in one stream and writing in
 * batches. It is idempotent: pairs are merged by key and stamped with a generation; pairs of
 * another generation (whose links are gone) are removed at the end.
 */
@Component
public class CollaborationDeriver {

    private static final Logger log = LoggerFactory.getLogger(CollaborationDeriver.class);

    /** Where a rebuild writes the contexts' records, beside its pairs (one rebuild at a time runs). */
    private static final Executor RECORD_WRITER = runnable -> Thread.ofPlatform().daemon()
            .name("collaboration-records").start(runnable);

    /** Regions (all when {@code $keys} is null) with the regions each lies in, itself included. */
    private static final String REGIONS_ABOVE = """
            MATCH (r:Region) WHERE $keys IS NULL OR r.key IN $keys
            RETURN r.key AS key, COLLECT { MATCH (r)-[:PART_OF*0..6]->(x:Region) RETURN DISTINCT x.key } AS above
            """;

    private final Driver driver;
    private final Neo4jClient neo4j;
    private final CollaborationLinks links;

    CollaborationDeriver(Driver driver, Neo4jClient neo4j, CollaborationLinks links) {
        this.driver = driver;
        this.neo4j = neo4j;
        this.links = links;
    }

    /** What a context's record says: the pairs linked through it (with digests) and its regions. */
    private record Record(Map<String, String> pairs, List<String> regions) {
    }

    /**
     * Re-derives the pairs linked through these projects, events, councils or funded organisations
     * (seed keys), inside the caller's transaction, so a change and its derived facts commit together.
     * A change to a participation, membership or funding touches the project, event, council or
     * funded body it points to; a change to where a project or event is touches that project or event.
     * Locks the contexts and the changed pairs, in key order, before it reads their facts, so that
     * concurrent refreshes of one pair follow each other instead of overwriting each other.
     */
    public void refresh(Collection<String> contextKeys) {
        var keys = List.copyOf(new TreeSet<>(contextKeys));
        if (keys.isEmpty()) {
            return;
        }
        var before = new HashMap<String, Record>();
        neo4j.query("""
                UNWIND $keys AS key
                MERGE (c:CollaborationRecord {key: key})
                SET c.locked = true
                RETURN key, coalesce(c.pairs, []) AS pairs, coalesce(c.regions, []) AS regions
                """).bind(keys).to("keys").fetch().all().forEach(row -> before.put((String) row.get("key"),
                        new Record(snapshotOf(strings(row.get("pairs"))), strings(row.get("regions")))));
        var facts = links.facts(keys);
        var after = new HashMap<String, Record>();
        for (var context : facts) {
            after.put(context.key(), record(context.links(), context.regions()));
        }
        var changed = new TreeSet<String>();
        for (var context : keys) {
            var old = before.getOrDefault(context, EMPTY).pairs();
            var now = after.getOrDefault(context, EMPTY).pairs();
            old.forEach((pair, digest) -> {
                if (!digest.equals(now.get(pair))) {
                    changed.add(pair);
                }
            });
            now.forEach((pair, digest) -> {
                if (!digest.equals(old.get(pair))) {
                    changed.add(pair);
                }
            });
        }
        var writes = changed.isEmpty() ? new Writes(List.of(), List.of(), List.of(), 0) : rewrite(changed, keys, before);
        var records = new ArrayList<Map<String, Object>>();
        for (var context : keys) {
            var now = after.getOrDefault(context, EMPTY);
            if (!now.equals(before.getOrDefault(context, EMPTY))) {
                records.add(recordRow(context, now));
            }
        }
        neo4j.query(WRITE).bind(writes.pairs()).to("pairs").bind(writes.gone()).to("gone")
                .bind(writes.deltas()).to("deltas").bind(writes.total()).to("total")
                .bind(records).to("records").bind(keys).to("keys").run();
    }

    /** What a refresh writes: pairs to store, pairs to remove, count changes by key, and of the total. */
    private record Writes(List<Map<String, Object>> pairs, List<String> gone, List<Map<String, Object>> deltas,
            int total) {
    }

    /**
     * A refresh's writes in one statement. A count is changed after its node's write lock is taken
     * (the first SET), so it adds to the latest value.
     */
    private static final String WRITE = """
            CALL () {
              UNWIND $pairs AS row
              MATCH (p:Collaboration {pairKey: row.pairKey})
              SET p = row
            }
            CALL () {
              UNWIND $gone AS pairKey
              MATCH (p:Collaboration {pairKey: pairKey})
              DELETE p
            }
            CALL () {
              UNWIND $deltas AS row
              MATCH (r:Entity {key: row.key})
              SET r.collaborationCountLock = true
              WITH r, row
              SET r.collaborationCount = coalesce(r.collaborationCount, 0) + row.delta
              REMOVE r.collaborationCountLock
            }
            CALL () {
              UNWIND CASE WHEN $total <> 0 THEN [$total] ELSE [] END AS delta
              MERGE (t:CollaborationTotal {id: 'all'})
              SET t.lock = true
              WITH t, delta
              SET t.count = coalesce(t.count, 0) + delta
              REMOVE t.lock
            }
            CALL () {
              UNWIND $records AS row
              MATCH (c:CollaborationRecord {key: row.key})
              SET c.pairs = row.pairs, c.regions = row.regions
            }
            CALL () {
              UNWIND $keys AS key
              MATCH (c:CollaborationRecord {key: key})
              REMOVE c.locked
              WITH c WHERE c.pairs IS NULL
              DELETE c
            }
            """;

    private static final Record EMPTY = new Record(Map.of(), List.of());

    /**
     * Rewrites the changed pairs from all their links as the base facts now give them, and adjusts
     * the pair counts of the regions they left or entered (where a pair was is its links through
     * the touched contexts, at the regions their records name, and its other links, unchanged).
     */
    private Writes rewrite(Set<String> changed, List<String> touched, Map<String, Record> before) {
        neo4j.query("""
                UNWIND $pairs AS pairKey
                MERGE (p:Collaboration {pairKey: pairKey})
                SET p.rewriting = true
                """).bind(List.copyOf(changed)).to("pairs").run();
        var current = links.ofPairs(changed);
        var regionKeys = new TreeSet<String>();
        current.values().forEach(pairLinks -> pairLinks.forEach(link -> regionKeys.addAll(link.regions())));
        touched.forEach(context -> regionKeys.addAll(before.getOrDefault(context, EMPTY).regions()));
        var above = regionsAbove(regionKeys);
        var touchedSet = Set.copyOf(touched);
        var rows = new ArrayList<Map<String, Object>>();
        var gone = new ArrayList<String>();
        var counts = new TreeMap<String, Integer>();
        var organisationCounts = new TreeMap<String, Integer>();
        int total = 0;
        for (var pairKey : changed) {
            var now = current.getOrDefault(pairKey, List.of());
            var regionsNow = new TreeSet<String>();
            now.forEach(link -> regionsNow.addAll(StoredPair.regionsOf(link, above)));
            var regionsBefore = new TreeSet<String>();
            boolean existed = false;
            for (var link : now) {
                if (!touchedSet.contains(link.context())) {
                    existed = true;
                    regionsBefore.addAll(StoredPair.regionsOf(link, above));
                }
            }
            for (var context : touched) {
                var record = before.getOrDefault(context, EMPTY);
                if (record.pairs().containsKey(pairKey)) {
                    existed = true;
                    record.regions().forEach(r -> regionsBefore.addAll(above.getOrDefault(r, Set.of(r))));
                }
            }
            regionsBefore.stream().filter(r -> !regionsNow.contains(r)).forEach(r -> counts.merge(r, -1, Integer::sum));
            regionsNow.stream().filter(r -> !regionsBefore.contains(r)).forEach(r -> counts.merge(r, 1, Integer::sum));
            int change = (now.isEmpty() ? 0 : 1) - (existed ? 1 : 0);
            total += change;
            if (change != 0) {
                organisationCounts.merge(StoredPair.first(pairKey), change, Integer::sum);
                organisationCounts.merge(StoredPair.second(pairKey), change, Integer::sum);
            }
            var pair = new StoredPair(pairKey, now);
            if (pair.stored()) {
                rows.add(pair.properties(above));
            } else {
                gone.add(pairKey);
            }
        }
        counts.putAll(organisationCounts);
        var deltas = counts.entrySet().stream().filter(e -> e.getValue() != 0)
                .map(e -> Map.<String, Object>of("key", e.getKey(), "delta", e.getValue())).toList();
        return new Writes(rows, gone, deltas, total);
    }

    /**
     * Derives every collaboration and returns how many links there are. {@code generation} must be
     * new for every rebuild: stored pairs it does not stamp are stale and removed, and the base facts
     * include what the API wrote, not only the seed (the importer uses the seed's digest and a random
     * part). Must run outside any transaction: it commits batch by batch. Holds every link in memory
     * while it groups them by pair (about 2.2 million at NRW's full size; see {@code bench/results/}).
     */
    public int rebuild(String generation) {
        long started = System.nanoTime();
        ensureRankIndexes();
        var above = regionsAbove(null);
        var byPair = new HashMap<String, List<DerivedLink>>();
        var records = new ArrayList<Map<String, Object>>();
        int linkCount = 0;
        try (var session = driver.session()) {
            var result = session.run(ContextFacts.EVERY_CONTEXT);
            while (result.hasNext()) {
                var context = ContextFacts.from(result.next());
                var links = context.links();
                for (var linked : links) {
                    byPair.computeIfAbsent(linked.pairKey(), k -> new ArrayList<>(1)).add(linked.link());
                }
                linkCount += links.size();
                var record = record(links, context.regions());
                if (!record.pairs().isEmpty()) {
                    var row = recordRow(context.key(), record);
                    row.put("generation", generation);
                    records.add(row);
                }
            }
        }
        long read = System.nanoTime();
        // The contexts' records go to the database on a second session while the pairs are grouped
        // and written on this one: the two touch different nodes.
        var recordsWritten = CompletableFuture.runAsync(() -> writeRecords(records, generation), RECORD_WRITER);
        var counts = new HashMap<String, Integer>();
        var organisationCounts = new HashMap<String, Integer>();
        var regionsWithAbove = new HashMap<List<String>, Set<String>>();
        int stored = 0;
        try (var session = driver.session()) {
            var batch = new ArrayList<Map<String, Object>>();
            for (var entry : byPair.entrySet()) {
                var regions = new HashSet<String>();
                // A context's links share its list of regions: each list's regions above are found once.
                entry.getValue().forEach(link -> regions.addAll(regionsWithAbove.computeIfAbsent(link.regions(),
                        r -> StoredPair.regionsOf(link, above))));
                regions.forEach(r -> counts.merge(r, 1, Integer::sum));
                organisationCounts.merge(StoredPair.first(entry.getKey()), 1, Integer::sum);
                organisationCounts.merge(StoredPair.second(entry.getKey()), 1, Integer::sum);
                if (entry.getValue().size() >= 2) {
                    var properties = new StoredPair(entry.getKey(), entry.getValue()).properties(above);
                    properties.put("generation", generation);
                    batch.add(properties);
                    stored++;
                    if (batch.size() == 5_000) {
                        write(session, "MERGE (p:Collaboration {pairKey: row.pairKey}) SET p = row", batch);
                        batch.clear();
                    }
                }
            }
            write(session, "MERGE (p:Collaboration {pairKey: row.pairKey}) SET p = row", batch);
            int pairs = byPair.size();
            byPair.clear();
            session.run("""
                    MATCH (p:Collaboration) WHERE p.generation IS NULL OR p.generation <> $generation
                    CALL (p) { DETACH DELETE p } IN TRANSACTIONS OF 10000 ROWS
                    """, Values.parameters("generation", generation)).consume();
            join(recordsWritten);
            long written = System.nanoTime();
            session.executeWrite(tx -> {
                tx.run("MATCH (r:Region) SET r.collaborationCount = coalesce($counts[r.key], 0)",
                        Values.parameters("counts", counts)).consume();
                tx.run("MERGE (t:CollaborationTotal {id: 'all'}) SET t.count = $count",
                        Values.parameters("count", pairs)).consume();
                return null;
            });
            session.run("""
                    MATCH (o:Organisation) WHERE o.collaborationCount IS NOT NULL
                    CALL (o) { REMOVE o.collaborationCount } IN TRANSACTIONS OF 10000 ROWS
                    """).consume();
            var rows = organisationCounts.entrySet().stream()
                    .map(e -> Map.<String, Object>of("key", e.getKey(), "count", e.getValue())).toList();
            for (int i = 0; i < rows.size(); i += 10_000) {
                write(session, "MATCH (o:Entity {key: row.key}) SET o.collaborationCount = row.count",
                        rows.subList(i, Math.min(rows.size(), i + 10_000)));
            }
            log.info("Derived {} collaboration links in {} pairs ({} stored): facts read and grouped in {} ms,"
                    + " pairs and the contexts' records written in {} ms, counts in {} ms", linkCount, pairs, stored,
                    (read - started) / 1_000_000, (written - read) / 1_000_000, (System.nanoTime() - written) / 1_000_000);
        } catch (RuntimeException e) {
            // The failure reported is this one; the records' writer is waited for, not left running.
            recordsWritten.exceptionally(failure -> null).join();
            throw e;
        }
        return linkCount;
    }

    /** Writes the contexts' records of a rebuild and removes those of other generations. */
    private void writeRecords(List<Map<String, Object>> records, String generation) {
        try (var session = driver.session()) {
            for (int i = 0; i < records.size(); i += 5_000) {
                write(session, "MERGE (c:CollaborationRecord {key: row.key}) SET c = row",
                        records.subList(i, Math.min(records.size(), i + 5_000)));
            }
            session.run("""
                    MATCH (c:CollaborationRecord) WHERE c.generation IS NULL OR c.generation <> $generation
                    CALL (c) { DELETE c } IN TRANSACTIONS OF 10000 ROWS
                    """, Values.parameters("generation", generation)).consume();
        }
    }

    /** Waits for {@code work}, rethrowing what it failed with. */
    private static void join(CompletableFuture<Void> work) {
        try {
            work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** A range index over each region's rank property, and over the whole network's. */
    public void ensureRankIndexes() {
        try (var session = driver.session()) {
            var regions = session.run("MATCH (r:Region) RETURN r.key AS key").list(r -> r.get("key").asString());
            session.run("CREATE INDEX collaboration_rank IF NOT EXISTS FOR (p:Collaboration) ON (p.rank)").consume();
            for (var region : regions) {
                session.run("CREATE INDEX %s IF NOT EXISTS FOR (p:Collaboration) ON (p.`%s`)"
                        .formatted(StoredPair.rankIndex(region), StoredPair.rankProperty(region))).consume();
            }
            session.run("CALL db.awaitIndexes(300)").consume();
        }
    }

    private static void write(Session session, String statement, List<Map<String, Object>> rows) {
        if (!rows.isEmpty()) {
            session.executeWrite(tx -> tx.run("UNWIND $rows AS row " + statement, Values.parameters("rows", rows))
                    .consume());
        }
    }

    /** {@link #REGIONS_ABOVE} for these regions, or for all when null. */
    private Map<String, Set<String>> regionsAbove(Collection<String> regionKeys) {
        var above = new HashMap<String, Set<String>>();
        neo4j.query(REGIONS_ABOVE).bind(regionKeys == null ? null : List.copyOf(regionKeys)).to("keys").fetch().all()
                .forEach(row -> above.put((String) row.get("key"), Set.copyOf(strings(row.get("above")))));
        return above;
    }

    /** A context's record: each pair linked through it with the digest of those links, and its regions. */
    private static Record record(List<ContextFacts.Linked> links, List<String> regions) {
        var byPair = CollaborationLinks.byPair(links);
        var digests = new TreeMap<String, String>();
        var sha = sha256();
        byPair.forEach((pair, pairLinks) -> digests.put(pair, digest(pairLinks, sha)));
        return new Record(digests, digests.isEmpty() ? List.of() : regions);
    }

    /** The first 64 bits of a SHA-256 over the links, in their sorted order; {@code sha} is reset by it. */
    private static String digest(List<DerivedLink> links, MessageDigest sha) {
        var ordered = links.size() == 1 ? links : links.stream().sorted().toList();
        for (var link : ordered) {
            sha.update((link.encoded() + "\t" + link.startDay() + "\t" + link.endDay() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> recordRow(String context, Record record) {
        var row = new HashMap<String, Object>();
        row.put("key", context);
        row.put("pairs", record.pairs().isEmpty() ? null
                : record.pairs().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
        row.put("regions", record.pairs().isEmpty() ? null : record.regions());
        return row;
    }

    private static Map<String, String> snapshotOf(List<String> entries) {
        var snapshot = new TreeMap<String, String>();
        for (var entry : entries) {
            var space = entry.lastIndexOf(' ');
            snapshot.put(entry.substring(0, space), entry.substring(space + 1));
        }
        return snapshot;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null ? List.of() : List.copyOf((Collection<String>) value);
    }
}
