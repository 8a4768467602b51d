package org.partnernetz.event;

import java.util.Map;

import org.partnernetz.account.Caller;
import org.partnernetz.editing.EntityEditing;
import org.partnernetz.graph.Label;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** {@code createEvent} and {@code updateEvent}: an event written through the API, by the rules of its seed file. */
@Controller
class EventEditingController {

    private final EntityEditing editing;

    EventEditingController(EntityEditing editing) {
        this.editing = editing;
    }

    record CreateEventPayload(Event event) {
    }

    record UpdateEventPayload(Event event) {
    }

    @MutationMapping
    CreateEventPayload createEvent(@Argument Map<String, Object> input, @AuthenticationPrincipal Caller caller) {
        return new CreateEventPayload((Event) editing.create(Label.Event, input, caller));
    }

    @MutationMapping
    UpdateEventPayload updateEvent(@Argument Map<String, Object> input, @AuthenticationPrincipal Caller caller) {
        return new UpdateEventPayload((Event) editing.update(Label.Event, (String) input.get("event"), input, caller));
    }
}
