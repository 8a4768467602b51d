package org.partnernetz.graphql;

import java.util.UUID;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.neo4j.driver.exceptions.Neo4jException;
import org.partnernetz.history.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns exceptions into classified GraphQL errors. Expected failures keep their message; anything
 * else becomes INTERNAL_ERROR with a correlation id that is logged once with the exception types and
 * the place they arose (no stack trace, no message), so no internals reach the client or the log.
 * Neo4j out of reach is UNAVAILABLE: the client may try again.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    /** An update made against a version that is no longer current; {@code extensions.currentVersion} says which is. */
    enum Conflict implements ErrorClassification {
        CONFLICT
    }

    /** Too many requests from one client; {@code extensions.retryAfterSeconds} says when to try again. */
    enum RateLimited implements ErrorClassification {
        TOO_MANY_REQUESTS
    }

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    GraphQlErrors() {
        // Data fetchers may run on other threads: restore the request's security context before resolving.
        setThreadLocalContextAware(true);
    }

    /** Whether the request came without credentials. */
    private static boolean anonymous() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || TRUST.isAnonymous(authentication);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        return classify(ex, GraphqlErrorBuilder.newError(env), env.getExecutionStepInfo().getPath().toString());
    }

    /** The same for a subscription whose stream failed (its arguments were refused when it began, say). */
    @Component
    static class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

        SubscriptionErrors() {
            setThreadLocalContextAware(true);
        }

        @Override
        protected GraphQLError resolveToSingleError(Throwable ex) {
            return classify(ex, GraphqlErrorBuilder.newError(), "a subscription");
        }
    }

    /** The database cannot be reached (stopped, restarting, the network away); the request may be tried again. */
    enum Unavailable implements ErrorClassification {
        UNAVAILABLE
    }

    /** Whether the failure is Neo4j out of reach rather than anything about the request. */
    private static boolean databaseAway(Throwable ex) {
        for (var cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.neo4j.driver.exceptions.ServiceUnavailableException
                    || cause instanceof org.neo4j.driver.exceptions.SessionExpiredException
                    || cause instanceof org.neo4j.driver.exceptions.ConnectionReadTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the log says of an unexpected failure: the chain of exception types and where the
     * innermost arose, never a stack trace or a message (which may quote data or credentials).
     */
    static String summary(Throwable ex) {
        var chain = new StringBuilder();
        Throwable innermost = ex;
        for (var cause = ex; cause != null; cause = cause.getCause()) {
            chain.append(chain.isEmpty() ? "" : " <- ").append(cause.getClass().getName());
            innermost = cause;
        }
        var frames = innermost.getStackTrace();
        return frames.length == 0 ? chain.toString() : chain + " at " + frames[0];
    }

    /** Neo4j refused a client's bookmark (the transaction could not begin with it). */
    private static boolean foreignBookmark(Throwable ex) {
        for (var cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof Neo4jException neo4j && neo4j.code() != null
                    && neo4j.code().startsWith("Neo.ClientError.Transaction.InvalidBookmark")) {
                return true;
            }
        }
        return false;
    }

    private static GraphQLError classify(Throwable ex, GraphqlErrorBuilder<?> error, String where) {
        if (foreignBookmark(ex)) {
            return error.errorType(ErrorType.BAD_REQUEST)
                    .message("The Neo4j-Bookmark header holds a bookmark this database does not know").build();
        }
        if (databaseAway(ex)) {
            log.warn("Neo4j cannot be reached at {}: {}", where, summary(ex));
            return error.errorType(Unavailable.UNAVAILABLE).message("The database cannot be reached; try again shortly").build();
        }
        return switch (ex) {
            case BadRequestException e -> error.errorType(ErrorType.BAD_REQUEST).message(e.getMessage()).build();
            case NotFoundException e -> error.errorType(ErrorType.NOT_FOUND).message(e.getMessage()).build();
            case UnauthorizedException e -> error.errorType(ErrorType.UNAUTHORIZED).message(e.getMessage()).build();
            case ConflictException e -> error.errorType(Conflict.CONFLICT).message(e.getMessage())
                    .extensions(java.util.Map.of("currentVersion", e.currentVersion())).build();
            case RateLimitedException e -> error.errorType(RateLimited.TOO_MANY_REQUESTS).message(e.getMessage())
                    .extensions(java.util.Map.of("retryAfterSeconds", e.retryAfterSeconds())).build();
            case AuthenticationException e -> error.errorType(ErrorType.UNAUTHORIZED)
                    .message("This needs credentials: send 'Authorization: Bearer <token>'").build();
            case AccessDeniedException e -> anonymous()
                    ? error.errorType(ErrorType.UNAUTHORIZED)
                            .message("This needs credentials: send 'Authorization: Bearer <token>'").build()
                    : error.errorType(ErrorType.FORBIDDEN).message("Your role does not allow this").build();
            default -> {
                var correlationId = UUID.randomUUID().toString();
                log.error("Request failed [{}] at {}: {}", correlationId, where, summary(ex));
                yield error.errorType(ErrorType.INTERNAL_ERROR)
                        .message("Internal error; quote " + correlationId + " when reporting it")
                        .extensions(java.util.Map.of("correlationId", correlationId))
                        .build();
            }
        };
    }
}
