package org.partnernetz.person;

import java.util.Map;

import org.partnernetz.account.Caller;
import org.partnernetz.editing.EntityEditing;
import org.partnernetz.graph.Label;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** {@code createPerson} and {@code updatePerson}: a person written through the API, by the rules of its seed file. */
@Controller
class PersonEditingController {

    private final EntityEditing editing;

    PersonEditingController(EntityEditing editing) {
        this.editing = editing;
    }

    record CreatePersonPayload(Person person) {
    }

    record UpdatePersonPayload(Person person) {
    }

    @MutationMapping
    CreatePersonPayload createPerson(@Argument Map<String, Object> input, @AuthenticationPrincipal Caller caller) {
        return new CreatePersonPayload((Person) editing.create(Label.Person, input, caller));
    }

    @MutationMapping
    UpdatePersonPayload updatePerson(@Argument Map<String, Object> input, @AuthenticationPrincipal Caller caller) {
        return new UpdatePersonPayload((Person) editing.update(Label.Person, (String) input.get("person"), input, caller));
    }
}
