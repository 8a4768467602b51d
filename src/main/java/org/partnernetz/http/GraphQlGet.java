package org.partnernetz.http;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import graphql.ExecutionResult;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.partnernetz.bookmark.ClientBookmarks;
import org.partnernetz.graph.GraphRevision;
import org.partnernetz.graphql.Answers;
import org.partnernetz.graphql.GetRequests;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Lazy;
import org.springframework.graphql.MediaTypes;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queries over HTTP GET, cacheable: {@code /graphql?query=...&operationName=...&variables=<JSON>&extensions=<JSON>}
 * (a persisted query's hash in {@code extensions} alone will do). The parameters become the same
 * request a POST makes, run by Spring's handler, so limits, persisted queries and errors work alike;
 * a mutation is refused before it runs (405, {@link GetRequests}).
 *
 * <p>Caching is for public reads, those without credentials: the ETag of an answer is made from the
 * request (its parameters, {@code Accept} and {@code Accept-Language}) and the {@link GraphRevision graph's revision}, so it is
 * known before anything runs: {@code If-None-Match} with the current ETag gets 304 at the cost of one
 * read of the revision, and any edit, on any instance, changes every ETag at once. A successful
 * answer is {@code public} with the configured max-age and stale-while-revalidate. An answer with
 * credentials (which may show what no edit announces: tokens, webhooks, the moderation queue) or
 * with errors, or that a data fetcher marked private ({@link Answers}), is not stored and has no ETag.
 * Answers vary by {@code Accept}, {@code Accept-Language} and {@code Authorization}.
 *
 * <p>The same public queries, by GET or POST, are answered from the {@link AnswerCache} while the
 * graph has not changed.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class GraphQlGet implements WebGraphQlInterceptor {

    /** The request attribute that carries a GET's ETag from {@link #handle} to {@link #intercept}. */
    private static final String ETAG = GraphQlGet.class.getName() + ".etag";

    /** The request attribute that carries the revision a GET's ETag was made from to its answer cache key. */
    private static final String REVISION = GraphQlGet.class.getName() + ".revision";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> VARY = List.of(HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.AUTHORIZATION);

    private final GraphQlHttpHandler handler;
    private final GraphRevision revision;
    private final HttpProperties properties;
    private final AnswerCache answers;

    GraphQlGet(@Lazy GraphQlHttpHandler handler, GraphRevision revision, HttpProperties properties, AnswerCache answers) {
        this.handler = handler;
        this.revision = revision;
        this.properties = properties;
        this.answers = answers;
    }

    /** Whether the answer is the refusal of a mutation (or subscription) sent by GET. */
    static boolean refusedAsWrite(WebGraphQlResponse response) {
        return response.getErrors().stream().anyMatch(error -> error.getErrorType() == GetRequests.Refusal.METHOD_NOT_ALLOWED);
    }

    ServerResponse handle(ServerRequest request) throws ServletException {
        var body = new LinkedHashMap<String, Object>();
        try {
            body.put("query", single(request, "query"));
            body.put("operationName", single(request, "operationName"));
            body.put("variables", object(request, "variables"));
            body.put("extensions", object(request, "extensions"));
        } catch (IllegalArgumentException refused) {
            return badRequest(request, refused.getMessage());
        }
        if (body.get("query") == null && body.get("extensions") == null) {
            if (request.headers().accept().stream().anyMatch(MediaType.TEXT_HTML::isCompatibleWith)) {
                return ServerResponse.seeOther(URI.create("/graphiql")).build();
            }
            return badRequest(request, "GET /graphql needs a query parameter (or extensions with a persisted query's hash)");
        }
        var json = JSON.writeValueAsString(body);
        var anonymous = request.headers().firstHeader(HttpHeaders.AUTHORIZATION) == null;
        var current = anonymous ? currentRevision() : null;
        var etag = current != null ? etag(current, json, request.headers()) : "";
        if (current != null) {
            request.servletRequest().setAttribute(REVISION, current);
        }
        if (!etag.isEmpty() && matches(request.headers().header(HttpHeaders.IF_NONE_MATCH), etag)) {
            return ServerResponse.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(publicCache())
                    .varyBy(VARY.toArray(String[]::new)).build();
        }
        request.servletRequest().setAttribute(ETAG, etag);
        var asPost = ServerRequest.create(new AsPost(request.servletRequest(), json), List.of());
        return handler.handleRequest(asPost);
    }

    /**
     * Answers a public query from the {@link AnswerCache} when it can (and keeps what it answered
     * otherwise); marks a GET for {@link GetRequests}, and gives a successful public answer to a GET
     * its ETag and caching headers.
     */
    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        var etag = request.getAttributes().get(ETAG) instanceof String tag ? tag : null;
        if (etag != null) {
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(context -> context.put(GetRequests.CONTEXT_KEY, true)).build());
        }
        var key = answerKey(request);
        var kept = key == null ? Optional.empty() : answers.find(key);
        if (kept.isPresent()) {
            var result = ExecutionResult.newExecutionResult().data(kept.get()).build();
            var response = new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
            return Mono.just(etag == null ? response : withCacheHeaders(response, etag, true));
        }
        return chain.next(request).map(response -> {
            var shareable = response.isValid() && response.getErrors().isEmpty()
                    && Answers.shareable(response.getExecutionInput().getGraphQLContext());
            if (key != null && shareable) {
                answers.keep(key, response.getData());
            }
            return etag == null ? response : withCacheHeaders(response, etag, shareable);
        });
    }

    /**
     * The answer cache's key of a request that may be answered from it: an HTTP request without
     * credentials and without bookmarks, while the revision can be read; null for any other.
     */
    private String answerKey(WebGraphQlRequest request) {
        if (!answers.enabled() || request instanceof WebSocketGraphQlRequest
                || request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION) || ClientBookmarks.clientSentBookmarks()) {
            return null;
        }
        var current = request.getAttributes().get(REVISION) instanceof String read ? read : currentRevision();
        if (current == null) {
            return null;
        }
        return AnswerCache.key(current, request.getDocument(), request.getOperationName(),
                JSON.writeValueAsString(request.getVariables()), JSON.writeValueAsString(request.getExtensions()),
                String.join(",", request.getHeaders().getOrEmpty(HttpHeaders.ACCEPT)),
                String.join(",", request.getHeaders().getOrEmpty(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    private WebGraphQlResponse withCacheHeaders(WebGraphQlResponse response, String etag, boolean shareable) {
        var headers = response.getResponseHeaders();
        if (refusedAsWrite(response)) {
            headers.setAllow(java.util.Set.of(HttpMethod.POST));
            headers.setCacheControl(CacheControl.noStore());
        } else if (!etag.isEmpty() && shareable) {
            headers.setETag(etag);
            headers.setCacheControl(publicCache());
            headers.setVary(VARY);
        } else {
            headers.setCacheControl(CacheControl.noStore());
            headers.setVary(VARY);
        }
        return response;
    }

    private CacheControl publicCache() {
        return CacheControl.maxAge(properties.cache().maxAge()).cachePublic()
                .staleWhileRevalidate(properties.cache().staleWhileRevalidate());
    }

    /** The graph's revision, or null when it cannot be read (Neo4j away: the request runs, and its errors say why). */
    private String currentRevision() {
        try {
            return revision.current();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The ETag of a GET without credentials: the graph's revision, the request, its {@code Accept} and
     * {@code Accept-Language} (content answers in the language it asks for), digested as the answer
     * cache's keys are.
     */
    private static String etag(String current, String json, ServerRequest.Headers headers) {
        return "\"" + AnswerCache.key(current, json, String.join(",", headers.header(HttpHeaders.ACCEPT)),
                String.join(",", headers.header(HttpHeaders.ACCEPT_LANGUAGE))).substring(0, 27) + "\"";
    }

    /** Whether {@code If-None-Match} names the ETag (weakly or strongly, alone or in a list) or is {@code *}. */
    private static boolean matches(List<String> ifNoneMatch, String etag) {
        for (var header : ifNoneMatch) {
            for (var candidate : header.split(",")) {
                var tag = candidate.strip();
                if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String single(ServerRequest request, String name) {
        var values = request.params().get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new IllegalArgumentException("the " + name + " parameter is given more than once");
        }
        return values.getFirst();
    }

    /** A parameter that holds a JSON object (variables, extensions), as a map. */
    private static Map<?, ?> object(ServerRequest request, String name) {
        var text = single(request, name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            var value = JSON.readValue(text, Object.class);
            if (value == null) {
                return null;
            }
            if (value instanceof Map<?, ?> map) {
                return map;
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the " + name + " parameter is not JSON");
        }
        throw new IllegalArgumentException("the " + name + " parameter must be a JSON object");
    }

    /** The GET as the POST Spring's handler reads: method, content type and a JSON body. */
    private static final class AsPost extends HttpServletRequestWrapper {

        private final byte[] body;

        AsPost(HttpServletRequest get, String json) {
            super(get);
            this.body = json.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String getMethod() {
            return HttpMethod.POST.name();
        }

        @Override
        public String getContentType() {
            return MediaType.APPLICATION_JSON_VALUE;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? getContentType()
                    : HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name) ? String.valueOf(body.length) : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) || HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(getHeader(name))) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            var names = new LinkedHashSet<String>(Collections.list(super.getHeaderNames()));
            names.removeIf(name -> name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) || name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH));
            names.add(HttpHeaders.CONTENT_TYPE);
            names.add(HttpHeaders.CONTENT_LENGTH);
            return Collections.enumeration(names);
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] bytes, int offset, int length) {
                    return in.read(bytes, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is read at once");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }

    private static ServerResponse badRequest(ServerRequest request, String message) {
        var type = request.headers().accept().stream().anyMatch(MediaTypes.APPLICATION_GRAPHQL_RESPONSE::equalsTypeAndSubtype)
                ? MediaTypes.APPLICATION_GRAPHQL_RESPONSE : MediaType.APPLICATION_JSON;
        return ServerResponse.badRequest().contentType(type).cacheControl(CacheControl.noStore())
                .body(Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("classification", "BAD_REQUEST")))));
    }
}
