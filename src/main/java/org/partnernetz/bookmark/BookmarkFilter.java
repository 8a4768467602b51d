package org.partnernetz.bookmark;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.neo4j.driver.Bookmark;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the client's bookmark from the {@value #HEADER} request header of a GraphQL request and
 * opens its {@link ClientBookmarks.Exchange} for the request's time. A header that is not a bookmark
 * the hub gave out is refused with 400 and a classified error before anything runs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class BookmarkFilter extends OncePerRequestFilter {

    /** The header in which bookmarks go to the client and come back. */
    static final String HEADER = "Neo4j-Bookmark";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/graphql");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader(HEADER);
        Set<Bookmark> incoming;
        try {
            incoming = header == null || header.isBlank() ? Set.of() : BookmarkToken.decode(header);
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            JSON.writeValue(response.getOutputStream(), Map.of("errors", List.of(Map.of(
                    "message", e.getMessage(), "extensions", Map.of("classification", "BAD_REQUEST")))));
            return;
        }
        try (var ignored = ClientBookmarks.open(incoming)) {
            chain.doFilter(request, response);
        }
    }
}
