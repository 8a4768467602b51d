package org.partnernetz.limits;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import org.partnernetz.account.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The request rate and the cost budget of each client, per minute, in this instance's memory: one
 * pair of resilience4j limiters per client, dropped once the client has been quiet for two minutes
 * (a Caffeine cache, so a flood from many addresses cannot fill the memory). A per-minute count is
 * not worth a write to Neo4j per request; with N instances behind a balancer a client may get up to
 * N times the setting (README: Limits).
 *
 * <p>The request rate is taken before a request runs. The cost is known only once the query is
 * planned, so a request runs while the budget has anything left, and its cost (at most one
 * minute's budget) is charged then; a budget in debt refuses the next requests until the minutes
 * that follow have paid it off.
 */
@Component
class RequestLimits {

    /** One minute: the period of both limits. */
    static final Duration PERIOD = Duration.ofMinutes(1);

    /** The limits a refusal names, as {@code extensions.limit} says. */
    enum Limit {
        REQUESTS("requests-per-minute"), COST("cost-per-minute");

        final String key;

        Limit(String key) {
            this.key = key;
        }
    }

    /** Who a request counts against: {@code key} is "address:..." without a credential, else "token:..." or "jwt:...". */
    record Client(String key, boolean anonymous) {
    }

    /** A refused request: which limit, its setting, and when the client may try again. */
    record Refusal(Limit limit, int allowed, long retryAfterSeconds) {
    }

    private record Budgets(AtomicRateLimiter requests, AtomicRateLimiter cost, int costLimit) {
    }

    /** An IPv4 or IPv6 literal (no host name, which would be looked up). */
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final LimitsProperties properties;
    private final List<IpAddressMatcher> proxies;
    private final Cache<String, Budgets> budgets = Caffeine.newBuilder()
            .expireAfterAccess(PERIOD.multipliedBy(2)).maximumSize(100_000).build();

    RequestLimits(LimitsProperties properties) {
        this.properties = properties;
        this.proxies = properties.trustedProxies().stream().map(String::strip).filter(proxy -> !proxy.isEmpty())
                .map(IpAddressMatcher::new).toList();
    }

    boolean enabled() {
        return properties.enabled();
    }

    /**
     * The client of a request: its credential when it has one, else its address, which is the
     * {@code X-Forwarded-For} entry a trusted proxy added when the request came through one.
     */
    Client client(Authentication authentication, String remoteAddress, String forwardedFor) {
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            return new Client(caller.kind() == Caller.CredentialKind.API_TOKEN ? "token:" + caller.credential()
                    : "jwt:" + caller.name(), false);
        }
        return new Client("address:" + address(remoteAddress, forwardedFor), true);
    }

    /**
     * From the right, the entries the trusted proxies added, up to the first address that is not a
     * trusted proxy: the client as the outermost trusted proxy saw it. Entries further left are the
     * client's own word, and are not read.
     */
    private String address(String remoteAddress, String forwardedFor) {
        var address = remoteAddress == null ? "unknown" : remoteAddress;
        if (forwardedFor == null || proxies.isEmpty() || !trusted(address)) {
            return address;
        }
        var entries = forwardedFor.split(",");
        for (int i = entries.length - 1; i >= 0; i--) {
            var entry = entries[i].strip();
            if (!ADDRESS.matcher(entry).matches()) {
                return address;
            }
            address = entry;
            if (!trusted(entry)) {
                return entry;
            }
        }
        return address;
    }

    private boolean trusted(String address) {
        if (!ADDRESS.matcher(address).matches()) {
            return false;
        }
        try {
            return proxies.stream().anyMatch(proxy -> proxy.matches(address));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Takes one request from the client's rate, unless its rate or its cost budget is spent. */
    Optional<Refusal> admit(Client client) {
        var budget = budgets(client);
        if (budget.cost().getMetrics().getAvailablePermissions() <= 0) {
            return Optional.of(new Refusal(Limit.COST, budget.costLimit(), seconds(budget.cost())));
        }
        if (!budget.requests().acquirePermission()) {
            return Optional.of(new Refusal(Limit.REQUESTS, budget.requests().getRateLimiterConfig().getLimitForPeriod(),
                    seconds(budget.requests())));
        }
        return Optional.empty();
    }

    /** Charges the estimated cost of an operation to the client's budget, at most one minute's worth. */
    void charge(Client client, long cost) {
        if (cost <= 0) {
            return;
        }
        var budget = budgets(client);
        budget.cost().reservePermission((int) Math.min(cost, budget.costLimit()));
    }

    /** Forgets every client's counts. */
    void reset() {
        budgets.invalidateAll();
    }

    private Budgets budgets(Client client) {
        return budgets.get(client.key(), key -> {
            int requests = client.anonymous() ? properties.requestsPerMinute().anonymous() : properties.requestsPerMinute().token();
            int cost = client.anonymous() ? properties.costPerMinute().anonymous() : properties.costPerMinute().token();
            return new Budgets(limiter(requests, Duration.ZERO), limiter(cost, PERIOD.multipliedBy(3)), cost);
        });
    }

    /**
     * A limiter of {@code limit} per minute. {@code debt}: how far ahead a charge may reserve (a cost
     * is charged after the fact and never refused; a request is refused at once).
     */
    private static AtomicRateLimiter limiter(int limit, Duration debt) {
        return new AtomicRateLimiter("limits", RateLimiterConfig.custom().limitForPeriod(limit)
                .limitRefreshPeriod(PERIOD).timeoutDuration(debt).build());
    }

    private static long seconds(AtomicRateLimiter limiter) {
        long nanos = limiter.getDetailedMetrics().getNanosToWait();
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos) + (nanos % 1_000_000_000L == 0 ? 0 : 1));
    }
}
