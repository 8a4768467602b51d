package org.partnernetz.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until the seed is in place ({@link SeedOnStartup}), GraphQL and the exports answer 503 with
 * {@code Retry-After} and a GraphQL error classified UNAVAILABLE, before anything else looks at the
 * request; and the {@code seed} health contributor (part of readiness) is OUT_OF_SERVICE, naming the
 * import under way.
 */
class SeedGate extends OncePerRequestFilter {

    private static final byte[] BODY = """
            {"errors":[{"message":"The hub is importing its seed and serves no requests yet; try again shortly",\
            "extensions":{"classification":"UNAVAILABLE"}}]}""".getBytes(StandardCharsets.UTF_8);

    private final SeedOnStartup seed;

    SeedGate(SeedOnStartup seed) {
        this.seed = seed;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<SeedGate> seedGate(SeedOnStartup seed) {
            var registration = new FilterRegistrationBean<>(new SeedGate(seed));
            registration.addUrlPatterns("/graphql", "/exports/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return registration;
        }

        /** Readiness: the seed is in place. */
        @Bean
        HealthIndicator seedHealthIndicator(SeedOnStartup seed) {
            return () -> {
                if (seed.ready()) {
                    return Health.up().build();
                }
                var importing = seed.importing();
                return Health.outOfService().withDetail("importing", importing == null ? "not yet" : importing).build();
            };
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return seed.ready();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", "5");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(BODY);
    }
}
