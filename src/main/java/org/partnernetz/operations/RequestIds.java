package org.partnernetz.operations;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request gets an id: the one a proxy in front sent in {@value #HEADER} (letters, digits,
 * {@code . _ -}, up to 64), or a new one. It is in the {@value #HEADER} response header, in the log
 * context ({@code requestId} in MDC, so in every log line of the request, also on the threads data
 * fetchers run on), and in {@code extensions.requestId} of every GraphQL error
 * ({@link RequestIdInErrors}). An operator finds a client's complaint in the log by it.
 */
public class RequestIds extends OncePerRequestFilter {

    /** The header that carries the id, both ways. */
    public static final String HEADER = "X-Request-Id";

    /** The key of the id in the log context (MDC). */
    public static final String MDC_KEY = "requestId";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    static {
        // Spring for GraphQL carries registered thread-locals over to the threads data fetchers run on.
        ContextRegistry.getInstance().registerThreadLocalAccessor(new ThreadLocalAccessor<String>() {
            @Override
            public Object key() {
                return MDC_KEY;
            }

            @Override
            public String getValue() {
                return MDC.get(MDC_KEY);
            }

            @Override
            public void setValue(String value) {
                MDC.put(MDC_KEY, value);
            }

            @Override
            public void setValue() {
                MDC.remove(MDC_KEY);
            }
        });
    }

    /** The current request's id, or null outside a request. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** First of all filters, so that even a refusal (401, 429, 503) carries the id. */
        @Bean
        FilterRegistrationBean<RequestIds> requestIds() {
            var registration = new FilterRegistrationBean<>(new RequestIds());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var sent = request.getHeader(HEADER);
        var id = sent != null && ACCEPTED.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
        MDC.put(MDC_KEY, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
