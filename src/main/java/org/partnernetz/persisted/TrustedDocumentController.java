package org.partnernetz.persisted;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** {@code registerTrustedDocuments}. */
@Controller
class TrustedDocumentController {

    private final TrustedDocuments documents;

    TrustedDocumentController(TrustedDocuments documents) {
        this.documents = documents;
    }

    record RegisterTrustedDocumentsInput(List<String> documents) {
    }

    /** A registered document, as the schema shows it. */
    record TrustedDocument(String hash, String registeredAt) {
    }

    record RegisterTrustedDocumentsPayload(List<TrustedDocument> documents) {
    }

    @MutationMapping
    RegisterTrustedDocumentsPayload registerTrustedDocuments(@Argument RegisterTrustedDocumentsInput input) {
        return new RegisterTrustedDocumentsPayload(documents.register(input.documents()).stream()
                .map(stored -> new TrustedDocument(stored.hash(), stored.registeredAt().toString())).toList());
    }
}
