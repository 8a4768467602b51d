package org.partnernetz.graphiql;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Serves the hub's own GraphiQL page at {@code /graphiql}.
 *
 * <p>Spring's stock page loads React and GraphiQL from a CDN, which many machines that use the hub
 * cannot reach; this one ({@code static/graphiql/index.html}) loads them from the WebJars in the
 * hub's jar.
 */
@Controller
class GraphiqlController {

    /**
     * The page lives at {@code /graphiql/}: its links to the scripts and to {@code /graphql} are
     * relative to that folder. The query string ({@code ?query=...}) comes along.
     */
    @GetMapping("/graphiql")
    RedirectView addSlash() {
        var redirect = new RedirectView("/graphiql/", true);
        redirect.setPropagateQueryParams(true);
        redirect.setExpandUriTemplateVariables(false);
        return redirect;
    }

    @GetMapping("/graphiql/")
    String page() {
        return "forward:/graphiql/index.html";
    }
}
