package org.partnernetz.persisted;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import org.partnernetz.graphql.BadRequestException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The registration of trusted documents by an admin: the documents a partner's front-end sends,
 * taken from its build (Apollo's persisted-query manifest, GraphQL Code Generator's, or plain
 * .graphql files) and pushed at deploy time. Each must parse and validate against the schema, so
 * that a trusted document cannot fail for its text later; they are kept in Neo4j, so every instance
 * runs them at once, and a re-registration changes nothing.
 */
@Service
public class TrustedDocuments {

    /** The most documents one call registers. */
    static final int MAX_DOCUMENTS = 500;

    private final PersistedDocumentStore store;
    private final PersistedProperties properties;
    private final ObjectProvider<GraphQlSource> source;

    TrustedDocuments(PersistedDocumentStore store, PersistedProperties properties, ObjectProvider<GraphQlSource> source) {
        this.store = store;
        this.properties = properties;
        this.source = source;
    }

    /** Registers the documents as trusted; their hashes and when each was first registered, in the order given. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<PersistedDocumentStore.Stored> register(List<String> documents) {
        if (documents == null || documents.isEmpty() || documents.size() > MAX_DOCUMENTS) {
            throw new BadRequestException("input.documents must hold 1 to " + MAX_DOCUMENTS + " documents");
        }
        var schema = source.getObject().schema();
        var distinct = new LinkedHashSet<String>();
        for (int i = 0; i < documents.size(); i++) {
            var document = documents.get(i);
            var field = "input.documents[" + i + "]";
            if (document == null || document.isBlank() || document.length() > properties.maxDocumentLength()) {
                throw new BadRequestException(field + " must be a document of 1 to " + properties.maxDocumentLength() + " characters");
            }
            var result = ParseAndValidate.parseAndValidate(schema, ExecutionInput.newExecutionInput(document).build());
            if (result.isFailure()) {
                throw new BadRequestException(field + " does not validate: " + result.getErrors().getFirst().getMessage());
            }
            distinct.add(document);
        }
        var registered = store.register(new ArrayList<>(distinct), true);
        var byHash = new java.util.HashMap<String, PersistedDocumentStore.Stored>();
        registered.forEach(stored -> byHash.put(stored.hash(), stored));
        return documents.stream().map(document -> byHash.get(PersistedDocumentStore.hash(document))).toList();
    }
}
