package org.partnernetz.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * {@code partnernetz.security.*}: bearer JWTs from one OIDC issuer (off unless {@code jwt.issuer} is
 * set), and the first admin token of a container.
 *
 * @param jwt the issuer whose JWTs the hub accepts, where its keys are, and which claims carry the role
 * @param adminToken an admin token to make sure of at start ({@code PARTNERNETZ_ADMIN_TOKEN}); its hash is stored
 */
@ConfigurationProperties("partnernetz.security")
record AccountProperties(@DefaultValue Jwt jwt, String adminToken) {

    /**
     * @param issuer the {@code iss} a JWT must carry; JWTs are refused when unset
     * @param audience the {@code aud} a JWT must name (the hub's client id at the issuer); required with an issuer
     * @param jwkSetUri where the issuer publishes its keys (its JWK set)
     * @param publicKey instead: one RSA public key (PEM), for an issuer without a JWK set
     * @param roleClaim the claim holding the role (PARTNER, EDITOR or ADMIN; a list: the highest counts)
     * @param organisationsClaim the claim holding the seed keys an editor is limited to
     */
    record Jwt(String issuer, String audience, String jwkSetUri, Resource publicKey, @DefaultValue("partnernetz_role") String roleClaim,
            @DefaultValue("partnernetz_organisations") String organisationsClaim) {
    }
}
