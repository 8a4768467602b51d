package org.partnernetz.region;

import java.util.Map;

import org.partnernetz.account.Caller;
import org.partnernetz.editing.EntityEditing;
import org.partnernetz.graph.Label;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** {@code createRegion} and {@code updateRegion}: a region written through the API, by the rules of its seed file. */
@Controller
class RegionEditingController {

    private final EntityEditing editing;

    RegionEditingController(EntityEditing editing) {
        this.editing = editing;
    }

    record CreateRegionPayload(Region region) {
    }

    record UpdateRegionPayload(Region region) {
    }

    @MutationMapping
    CreateRegionPayload createRegion(@Argument Map<String, Object> input, @AuthenticationPrincipal Caller caller) {
        return new CreateRegionPayload((Region) editing.create(Label.Region, input, caller));
    }

    @MutationMapping
    UpdateRegionPayload updateRegion(@Argument Map<String, Object> input, @AuthenticationPrincipal Caller caller) {
        return new UpdateRegionPayload((Region) editing.update(Label.Region, (String) input.get("region"), input, caller));
    }
}
