package org.partnernetz.source;

import java.util.Map;

import org.partnernetz.account.Caller;
import org.partnernetz.editing.EntityEditing;
import org.partnernetz.graph.Label;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** {@code createSource} and {@code updateSource}: a source document written through the API, by the rules of its seed file. */
@Controller
class SourceEditingController {

    private final EntityEditing editing;

    SourceEditingController(EntityEditing editing) {
        this.editing = editing;
    }

    record CreateSourcePayload(Source source) {
    }

    record UpdateSourcePayload(Source source) {
    }

    @MutationMapping
    CreateSourcePayload createSource(@Argument Map<String, Object> input, @AuthenticationPrincipal Caller caller) {
        return new CreateSourcePayload((Source) editing.create(Label.Source, input, caller));
    }

    @MutationMapping
    UpdateSourcePayload updateSource(@Argument Map<String, Object> input, @AuthenticationPrincipal Caller caller) {
        return new UpdateSourcePayload((Source) editing.update(Label.Source, (String) input.get("source"), input, caller));
    }
}
