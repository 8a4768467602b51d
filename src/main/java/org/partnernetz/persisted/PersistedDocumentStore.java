package org.partnernetz.persisted;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The registered documents, by the SHA-256 of their text, as {@code (:PersistedDocument {hash,
 * document, registeredAt, trusted})} in Neo4j, so that a client that registered a document through
 * one instance may send its hash to any other. In front of the graph, the documents this instance
 * has seen (a document's text never changes under its hash, so the copy never goes stale; only
 * whether it is trusted can change, and an untrusted copy is read again where trust matters).
 * Hashes not found are not remembered: a registration on another instance is found at the next try.
 */
@Component
class PersistedDocumentStore {

    /** A registered document. {@code trusted}: an admin registered it (or confirmed it). */
    record Stored(String hash, String document, boolean trusted, OffsetDateTime registeredAt) {
    }

    private final Neo4jClient neo4j;

    private final Cache<String, Stored> seen = Caffeine.newBuilder()
            .maximumWeight(8_000_000)
            .weigher((String hash, Stored stored) -> 200 + stored.document().length())
            .build();

    PersistedDocumentStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The SHA-256 of a document's text (UTF-8), as 64 lower-case hex digits: the hash Apollo clients send. */
    static String hash(String document) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The document registered under {@code hash}; when it must be {@code trusted}, a copy seen untrusted is read again. */
    @Transactional(readOnly = true)
    public Optional<Stored> find(String hash, boolean trusted) {
        var known = seen.getIfPresent(hash);
        if (known != null && (known.trusted() || !trusted)) {
            return Optional.of(known);
        }
        var found = neo4j.query("""
                MATCH (p:PersistedDocument {hash: $hash})
                RETURN p.hash AS hash, p.document AS document, p.trusted AS trusted, p.registeredAt AS registeredAt""")
                .bind(hash).to("hash")
                .fetchAs(Stored.class).mappedBy((types, record) -> stored(record)).one();
        found.ifPresent(stored -> seen.put(hash, stored));
        return found;
    }

    /**
     * Registers documents (their hashes computed here); {@code trusted} marks them trusted, which a
     * later untrusted registration of the same text does not undo. Idempotent.
     */
    @Transactional
    public List<Stored> register(List<String> documents, boolean trusted) {
        var rows = new ArrayList<Map<String, Object>>();
        for (var document : documents) {
            rows.add(Map.of("hash", hash(document), "document", document));
        }
        var registered = new ArrayList<>(neo4j.query("""
                UNWIND $rows AS row
                MERGE (p:PersistedDocument {hash: row.hash})
                  ON CREATE SET p.document = row.document, p.registeredAt = $now, p.trusted = false
                SET p.trusted = p.trusted OR $trusted
                RETURN p.hash AS hash, p.document AS document, p.trusted AS trusted, p.registeredAt AS registeredAt""")
                .bind(rows).to("rows").bind(trusted).to("trusted").bind(OffsetDateTime.now(ZoneOffset.UTC)).to("now")
                .fetchAs(Stored.class).mappedBy((types, record) -> stored(record)).all());
        // Seen once the transaction has committed, not before: a rolled-back registration stays unknown.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                registered.forEach(stored -> seen.put(stored.hash(), stored));
            }
        });
        return registered;
    }

    private static Stored stored(org.neo4j.driver.Record record) {
        return new Stored(record.get("hash").asString(), record.get("document").asString(),
                record.get("trusted").asBoolean(false), record.get("registeredAt").asOffsetDateTime());
    }
}
