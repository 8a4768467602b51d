package org.partnernetz.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

import org.partnernetz.graphql.BadRequestException;
import org.springframework.stereotype.Component;

/**
 * Keeps webhooks from reaching into the hub's own network: an endpoint must be http(s) and every
 * address its host resolves to must be public, unless the configuration allows loopback or private
 * addresses. Checked when an endpoint is registered and again before each attempt (a name may
 * resolve elsewhere later).
 */
@Component
class EndpointGuard {

    private final WebhookProperties properties;

    EndpointGuard(WebhookProperties properties) {
        this.properties = properties;
    }

    /** The endpoint as a URI; BAD_REQUEST when it may not be called. */
    URI check(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadRequestException("input.url: '" + url + "' is not an address");
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getUserInfo() != null) {
            throw new BadRequestException("input.url: an http or https address without user info is required");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new BadRequestException("input.url: the host " + uri.getHost() + " is not known");
        }
        for (var address : addresses) {
            if (address.isLoopbackAddress() ? !properties.allowLoopback() : !isPublic(address) && !properties.allowPrivate()) {
                throw new BadRequestException("input.url: " + uri.getHost() + " resolves to a loopback or private address ("
                        + address.getHostAddress() + "), which webhooks may not call here");
            }
        }
        return uri;
    }

    private static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress() || address.isLoopbackAddress()) {
            return false;
        }
        var bytes = address.getAddress();
        if (bytes.length == 4) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            // 100.64/10 (shared address space) and 0/8 are not public either.
            return !(first == 0 || first == 100 && second >= 64 && second < 128);
        }
        // fc00::/7, unique local IPv6.
        return (bytes[0] & 0xfe) != 0xfc;
    }
}
