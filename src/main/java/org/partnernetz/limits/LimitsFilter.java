package org.partnernetz.limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request to {@code /graphql} whose client has spent its rate or its cost budget, before
 * anything is parsed: HTTP 429 with {@code Retry-After} (seconds) and a GraphQL error classified
 * TOO_MANY_REQUESTS whose {@code extensions.limit} names the limit ({@code requests-per-minute} or
 * {@code cost-per-minute}). It runs after Spring Security (whose filter has order -100), so a
 * request's credential is known; a request it lets through carries its {@link RequestLimits.Client}
 * as a request attribute, for {@link LimitsWiring} to charge the cost to.
 */
class LimitsFilter extends OncePerRequestFilter {

    /** The request attribute that holds the client a request counts against. */
    static final String CLIENT = LimitsFilter.class.getName() + ".client";

    private final RequestLimits limits;

    LimitsFilter(RequestLimits limits) {
        this.limits = limits;
    }

    /** Registers the filter for the GraphQL path only, after Spring Security's. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<LimitsFilter> limitsFilter(RequestLimits limits) {
            var registration = new FilterRegistrationBean<>(new LimitsFilter(limits));
            registration.addUrlPatterns("/graphql");
            registration.setOrder(0);
            return registration;
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limits.enabled();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var client = limits.client(SecurityContextHolder.getContext().getAuthentication(), request.getRemoteAddr(),
                request.getHeader("X-Forwarded-For"));
        var refusal = limits.admit(client);
        if (refusal.isEmpty()) {
            request.setAttribute(CLIENT, client);
            chain.doFilter(request, response);
            return;
        }
        var refused = refusal.get();
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", String.valueOf(refused.retryAfterSeconds()));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        var what = refused.limit() == RequestLimits.Limit.REQUESTS ? "requests" : "estimated cost (objects asked for)";
        var message = "More " + what + " than the " + refused.allowed() + " a minute this client may make ("
                + refused.limit().key + "); try again in " + refused.retryAfterSeconds() + " seconds";
        var body = "{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"classification\":\"TOO_MANY_REQUESTS\","
                + "\"limit\":\"" + refused.limit().key + "\",\"allowed\":" + refused.allowed()
                + ",\"retryAfterSeconds\":" + refused.retryAfterSeconds() + "}}]}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
