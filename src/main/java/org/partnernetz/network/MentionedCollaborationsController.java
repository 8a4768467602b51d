package org.partnernetz.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.partnernetz.content.ContentItem;
import org.partnernetz.organisation.Organisation;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code collaborations} on an item of content: who among the organisations it mentions works with
 * whom, for the "who works together here" box beside an article. One batch for all the items of a
 * page, whichever content type they are.
 */
@Controller
class MentionedCollaborationsController {

    /** The most pairs an item shows. */
    static final int MAX_PAIRS = 20;

    private final NetworkService network;

    MentionedCollaborationsController(NetworkService network) {
        this.network = network;
    }

    @BatchMapping(typeName = "Article", field = "collaborations")
    Map<ContentItem, List<Collaboration>> ofArticles(List<ContentItem> items) {
        return among(items);
    }

    @BatchMapping(typeName = "Page", field = "collaborations")
    Map<ContentItem, List<Collaboration>> ofPages(List<ContentItem> items) {
        return among(items);
    }

    @BatchMapping(typeName = "ProjectProfile", field = "collaborations")
    Map<ContentItem, List<Collaboration>> ofProjectProfiles(List<ContentItem> items) {
        return among(items);
    }

    private Map<ContentItem, List<Collaboration>> among(List<ContentItem> items) {
        var sets = items.stream().map(item -> item.mentions().stream().filter(Organisation.class::isInstance)
                .map(mention -> mention.key()).toList()).toList();
        var pairs = network.among(sets, MAX_PAIRS);
        var answer = new LinkedHashMap<ContentItem, List<Collaboration>>();
        for (int i = 0; i < items.size(); i++) {
            answer.put(items.get(i), pairs.get(i));
        }
        return answer;
    }
}
