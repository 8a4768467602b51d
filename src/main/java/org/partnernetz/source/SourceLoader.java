package org.partnernetz.source;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads source documents by seed key, all of a request's at once. */
@Component
@Transactional(readOnly = true)
class SourceLoader {

    private final Neo4jClient neo4j;

    SourceLoader(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    Map<String, Source> byKeys(Set<String> keys) {
        return neo4j.query("MATCH (s:Entity) WHERE s.key IN $keys AND s:Source RETURN s")
                .bind(List.copyOf(keys)).to("keys")
                .fetchAs(Source.class).mappedBy((types, record) -> Source.from(record.get("s").asNode()))
                .all().stream()
                .collect(Collectors.toMap(Source::key, s -> s));
    }
}
