package org.partnernetz.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * Who a request is. Every request may read; a bearer credential, when given, must be valid, or the
 * request gets 401 with a GraphQL error classified UNAUTHORIZED (which never says why: unknown,
 * malformed, expired and revoked look alike). What a caller may do is checked on the services
 * ({@code @PreAuthorize}, {@link MethodSecurity}).
 *
 * <p>Two kinds of bearer credential: API tokens ({@code pn_...}, {@link ApiTokens}) and, when an
 * issuer is configured, JWTs from that OIDC issuer, whose role comes from a configurable claim.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    private static final String UNAUTHORIZED_BODY = """
            {"errors":[{"message":"The credentials are unknown, malformed, expired or revoked",\
            "extensions":{"classification":"UNAUTHORIZED"}}]}""";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, AccountProperties properties) throws Exception {
        AuthenticationManager apiTokens = new ProviderManager(new ApiTokenProvider(tokens));
        AuthenticationManager jwts = jwtsConfigured(properties.jwt())
                ? new ProviderManager(jwtProvider(properties.jwt(), tokens::organisationKey))
                : authentication -> {
                    throw new InvalidBearerTokenException("no JWT issuer is configured");
                };
        // API tokens are told apart by their prefix; everything else is a JWT or nothing.
        AuthenticationManagerResolver<HttpServletRequest> resolver = request ->
                String.valueOf(request.getHeader(HttpHeaders.AUTHORIZATION)).startsWith("Bearer " + ApiTokens.PREFIX)
                        ? apiTokens : jwts;
        // CORS for the partner origins the http package configures (corsConfigurationSource).
        http.cors(org.springframework.security.config.Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                // Queries sent by GET say themselves how they may be cached (http.GraphQlGet); all else is not stored.
                .headers(headers -> headers.cacheControl(cache -> cache.disable())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/graphql")),
                                new CacheControlHeadersWriter())))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .oauth2ResourceServer(server -> server.authenticationManagerResolver(resolver)
                        .bearerTokenResolver(bearerOnly())
                        .authenticationEntryPoint(unauthorized()));
        return http.build();
    }

    /**
     * The bearer credential of a request, if any; an {@code Authorization} header of another kind
     * (Basic, a token without "Bearer") is refused, not ignored, so a misconfigured client learns it.
     */
    private static BearerTokenResolver bearerOnly() {
        var bearer = new DefaultBearerTokenResolver();
        return request -> {
            var header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header != null && !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new InvalidBearerTokenException("the Authorization header is not a bearer credential");
            }
            return bearer.resolve(request);
        };
    }

    private static boolean jwtsConfigured(AccountProperties.Jwt jwt) {
        return jwt.issuer() != null && !jwt.issuer().isBlank();
    }

    /** 401 with a GraphQL error body, for a bearer credential that is not valid. */
    private static AuthenticationEntryPoint unauthorized() {
        return (request, response, exception) -> {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader("WWW-Authenticate", "Bearer");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(UNAUTHORIZED_BODY.getBytes(StandardCharsets.UTF_8));
        };
    }

    /** API tokens: recognised by their prefix; anything else is left to the JWT provider. */
    private record ApiTokenProvider(ApiTokens tokens) implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication authentication) {
            var secret = ((BearerTokenAuthenticationToken) authentication).getToken();
            var authenticated = tokens.authenticate(secret)
                    .orElseThrow(() -> new InvalidBearerTokenException("unknown, expired or revoked API token"));
            var caller = authenticated.caller();
            if (authenticated.touchDue()) {
                try {
                    tokens.touch(secret);
                } catch (RuntimeException e) {
                    // The time of last use is bookkeeping: a failure to write it does not refuse the request.
                    log.warn("Could not record the use of API token '{}': {}", caller.name(), e.getClass().getSimpleName());
                }
            }
            return new CallerAuthentication(caller);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }

    private static JwtAuthenticationProvider jwtProvider(AccountProperties.Jwt jwt,
            java.util.function.UnaryOperator<String> organisationKey) throws IOException {
        NimbusJwtDecoder decoder;
        if (jwt.jwkSetUri() != null && !jwt.jwkSetUri().isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
        } else if (jwt.publicKey() != null) {
            try (var pem = jwt.publicKey().getInputStream()) {
                decoder = NimbusJwtDecoder.withPublicKey(RsaKeyConverters.x509().convert(pem)).build();
            }
        } else {
            throw new IllegalStateException("partnernetz.security.jwt.issuer is set: set jwt.jwk-set-uri or jwt.public-key too");
        }
        if (jwt.audience() == null || jwt.audience().isBlank()) {
            throw new IllegalStateException("partnernetz.security.jwt.issuer is set: set jwt.audience too (the hub's"
                    + " client id at the issuer), so that tokens the issuer made for other clients are refused");
        }
        // Issuer, audience, and a lifetime: a JWT without an expiry is refused.
        var lifetime = new JwtTimestampValidator();
        lifetime.setAllowEmptyExpiryClaim(false);
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(List.of(new JwtIssuerValidator(jwt.issuer()),
                new JwtAudienceValidator(jwt.audience()), lifetime)));
        var provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(token -> new CallerAuthentication(caller(token, jwt, organisationKey)));
        return provider;
    }

    /**
     * The caller a valid JWT names: its subject, the highest role its role claim holds (none: reads
     * only), and for an editor the organisations its organisations claim names (slugs, keys or ids,
     * as seed keys; without the claim, an editor of everything).
     */
    static Caller caller(Jwt token, AccountProperties.Jwt jwt, java.util.function.UnaryOperator<String> organisationKey) {
        Role role = null;
        for (var value : claimValues(token.getClaim(jwt.roleClaim()))) {
            for (var candidate : Role.values()) {
                if (candidate.name().equalsIgnoreCase(value) && (role == null || candidate.compareTo(role) > 0)) {
                    role = candidate;
                }
            }
        }
        var name = token.getSubject() == null ? "jwt" : token.getSubject();
        return new Caller(Caller.CredentialKind.JWT, name, role,
                role == Role.EDITOR ? claimValues(token.getClaim(jwt.organisationsClaim())).stream()
                        .map(organisationKey).toList() : List.of(),
                token.getIssuer() + "#" + (token.getId() != null ? token.getId() : name));
    }

    private static List<String> claimValues(Object claim) {
        return switch (claim) {
            case null -> List.of();
            case String text -> List.of(text);
            case Collection<?> values -> values.stream().map(String::valueOf).toList();
            default -> List.of(String.valueOf(claim));
        };
    }
}
