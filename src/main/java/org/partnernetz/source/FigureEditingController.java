package org.partnernetz.source;

import java.util.Map;

import org.partnernetz.account.Caller;
import org.partnernetz.editing.EntityEditing;
import org.partnernetz.graph.Label;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** {@code createFigure} and {@code updateFigure}: a figure written through the API, by the rules of its seed file. */
@Controller
class FigureEditingController {

    private final EntityEditing editing;

    FigureEditingController(EntityEditing editing) {
        this.editing = editing;
    }

    record CreateFigurePayload(Figure figure) {
    }

    record UpdateFigurePayload(Figure figure) {
    }

    @MutationMapping
    CreateFigurePayload createFigure(@Argument Map<String, Object> input, @AuthenticationPrincipal Caller caller) {
        return new CreateFigurePayload((Figure) editing.create(Label.Figure, input, caller));
    }

    @MutationMapping
    UpdateFigurePayload updateFigure(@Argument Map<String, Object> input, @AuthenticationPrincipal Caller caller) {
        return new UpdateFigurePayload((Figure) editing.update(Label.Figure, (String) input.get("figure"), input, caller));
    }
}
