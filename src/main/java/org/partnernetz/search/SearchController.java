package org.partnernetz.search;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code search} and {@code suggestMentions}. */
@Controller
class SearchController {

    private final SearchService service;

    SearchController(SearchService service) {
        this.service = service;
    }

    @QueryMapping
    List<SearchHit> search(@Argument String text, @Argument List<String> types, @Argument String region,
            @Argument String locale, @Argument Integer first) {
        return service.search(text, types, region, locale, first == null ? 20 : first);
    }

    @QueryMapping
    List<Mention> suggestMentions(@Argument String text) {
        return service.suggestMentions(text);
    }
}
