package org.partnernetz.editing;

import java.util.List;

import org.partnernetz.account.Caller;
import org.partnernetz.graph.GraphObject;
import org.partnernetz.history.Revision;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * The changes every kind of entry shares, named by global id: archive, restore, merge, going back
 * to an earlier revision, and the difference between two revisions.
 */
@Controller
class EditingController {

    private final EntityEditing editing;

    EditingController(EntityEditing editing) {
        this.editing = editing;
    }

    record ArchiveEntityInput(String id, Integer version, String comment) {
    }

    record ArchiveEntityPayload(String id, int version) {
    }

    record RestoreEntityInput(String id, Integer version, String comment) {
    }

    record RestoreEntityPayload(GraphObject node) {
    }

    record MergeEntitiesInput(String survivor, Integer survivorVersion, String duplicate, Integer duplicateVersion,
            String comment) {
    }

    record MergeEntitiesPayload(GraphObject survivor) {
    }

    record RestoreRevisionInput(String id, Integer revision, Integer version, String comment) {
    }

    record RestoreRevisionPayload(GraphObject node) {
    }

    @MutationMapping
    ArchiveEntityPayload archiveEntity(@Argument ArchiveEntityInput input, @AuthenticationPrincipal Caller caller) {
        return new ArchiveEntityPayload(input.id(), editing.archive(input.id(), input.version(), input.comment(), caller));
    }

    @MutationMapping
    RestoreEntityPayload restoreEntity(@Argument RestoreEntityInput input, @AuthenticationPrincipal Caller caller) {
        return new RestoreEntityPayload(editing.restore(input.id(), input.version(), input.comment(), caller));
    }

    @MutationMapping
    MergeEntitiesPayload mergeEntities(@Argument MergeEntitiesInput input, @AuthenticationPrincipal Caller caller) {
        return new MergeEntitiesPayload(editing.merge(input.survivor(), input.survivorVersion(), input.duplicate(),
                input.duplicateVersion(), input.comment(), caller));
    }

    @MutationMapping
    RestoreRevisionPayload restoreRevision(@Argument RestoreRevisionInput input, @AuthenticationPrincipal Caller caller) {
        return new RestoreRevisionPayload(editing.restoreRevision(input.id(), input.revision(), input.version(),
                input.comment(), caller));
    }

    @QueryMapping
    List<Revision.FieldChange> revisionDiff(@Argument String id, @Argument int from, @Argument int to) {
        return editing.diff(id, from, to);
    }
}
