package org.partnernetz.project;

import java.util.Map;

import org.partnernetz.account.Caller;
import org.partnernetz.editing.EntityEditing;
import org.partnernetz.graph.Label;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** {@code createProject} and {@code updateProject}: a project written through the API, by the rules of its seed file. */
@Controller
class ProjectEditingController {

    private final EntityEditing editing;

    ProjectEditingController(EntityEditing editing) {
        this.editing = editing;
    }

    record CreateProjectPayload(Project project) {
    }

    record UpdateProjectPayload(Project project) {
    }

    @MutationMapping
    CreateProjectPayload createProject(@Argument Map<String, Object> input, @AuthenticationPrincipal Caller caller) {
        return new CreateProjectPayload((Project) editing.create(Label.Project, input, caller));
    }

    @MutationMapping
    UpdateProjectPayload updateProject(@Argument Map<String, Object> input, @AuthenticationPrincipal Caller caller) {
        return new UpdateProjectPayload((Project) editing.update(Label.Project, (String) input.get("project"), input, caller));
    }
}
