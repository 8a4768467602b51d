package org.partnernetz.http;

import java.util.List;

import org.partnernetz.graphql.GetRequests;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * GraphQL over HTTP as the spec has it, on top of Spring for GraphQL's handler: POST as Spring
 * serves it, with request parameters read strictly (a number or boolean where {@code query} or
 * {@code operationName} should be a string is a 400, not a string); GET for queries
 * ({@link GraphQlGet}); 405 for anything else sent by GET; and CORS for the configured partner
 * origins.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(HttpProperties.class)
class GraphQlHttpConfiguration {

    /** Spring's handler, with the strict reader and the 405 for a mutation sent by GET. */
    @Bean
    GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler) {
        var strict = JsonMapper.builder()
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
        return new GraphQlHttpHandler(handler, new JacksonJsonHttpMessageConverter(strict)) {
            @Override
            protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType responseMediaType) {
                return GraphQlGet.refusedAsWrite(response) ? HttpStatus.METHOD_NOT_ALLOWED
                        : super.selectResponseStatus(response, responseMediaType);
            }
        };
    }

    /** GET on the GraphQL path, ahead of Spring Boot's routes (which answer GET with 405). */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> graphQlGetRoute(GraphQlGet get, GraphQlProperties graphQl) {
        return RouterFunctions.route().GET(graphQl.getHttp().getPath(), get::handle).build();
    }

    /**
     * The partner origins, for Spring Security's CORS filter; answers carry the headers a page needs
     * to read (ETag, the bookmark, Retry-After). A {@link GetRequests GET} needs no preflight.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(HttpProperties properties, GraphQlProperties graphQl) {
        var source = new UrlBasedCorsConfigurationSource();
        var origins = properties.cors().allowedOrigins();
        if (origins.isEmpty()) {
            return source;
        }
        var cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "If-None-Match", "Neo4j-Bookmark"));
        cors.setExposedHeaders(List.of("ETag", "Retry-After", "Neo4j-Bookmark"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(properties.cors().maxAge());
        source.registerCorsConfiguration(graphQl.getHttp().getPath(), cors);
        source.registerCorsConfiguration("/exports/**", cors);
        return source;
    }
}
